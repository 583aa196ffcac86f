import { StoreUnavailableError } from '../errors';
import type { AppendResult } from '../event-store.port';
import { settleBatch, type AppendOutcome, type AppendRequest, type GroupCommitStats, type PendingAppend } from '../group-commit/append-batch';

export type { GroupCommitStats };

/**
 * Collects the appends that arrive within one turn of the event loop and hands them to `writeBatch` as a
 * single transaction, so N concurrent commands pay for one fsync instead of N. Promises settle only after
 * `writeBatch` has returned, i.e. after COMMIT.
 */
export class GroupCommitQueue {
  private pending: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private transactions = 0;
  private appends = 0;

  constructor(
    private readonly writeBatch: (requests: readonly AppendRequest[]) => AppendOutcome[],
    /** Told the size of each batch once it is written (or failed): how well group commit is batching. */
    private readonly onBatch?: (appends: number) => void,
  ) {}

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      // setImmediate rather than a microtask: it lets every append issued in this tick, including those
      // chained on already-resolved promises, join the batch before it is written.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Writes whatever is queued now; `writeBatch` is synchronous, so on return every promise is settled. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;

    this.transactions += 1;
    this.appends += batch.length;
    let written: { outcomes: AppendOutcome[] } | { failure: unknown };
    try {
      written = { outcomes: this.writeBatch(batch.map((pending) => pending.request)) };
    } catch (cause) {
      written = { failure: new StoreUnavailableError('the append transaction failed; nothing in it was stored', cause) };
    }
    settleBatch(batch, written, this.onBatch);
  }

  stats(): GroupCommitStats {
    return { transactions: this.transactions, appends: this.appends };
  }
}
