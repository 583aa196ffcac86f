import { StoreUnavailableError } from '../errors';
import type { AppendResult } from '../event-store.port';
import type { AppendOutcome, AppendRequest } from './append-transaction';

interface Pending {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitStats {
  /** Write transactions committed or attempted: each costs one fsync. */
  readonly transactions: number;
  readonly appends: number;
}

/**
 * Collects the appends that arrive within one turn of the event loop and hands them to `writeBatch` as a
 * single transaction, so N concurrent commands pay for one fsync instead of N. Promises settle only after
 * `writeBatch` has returned, i.e. after COMMIT.
 */
export class GroupCommitQueue {
  private pending: Pending[] = [];
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
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.writeBatch(batch.map((pending) => pending.request));
    } catch (cause) {
      this.observe(batch.length);
      const error = new StoreUnavailableError('the append transaction failed; nothing in it was stored', cause);
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.observe(batch.length);
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.result);
      else pending.reject(outcome?.error ?? new StoreUnavailableError('append lost its outcome'));
    });
  }

  private observe(appends: number): void {
    try {
      this.onBatch?.(appends);
    } catch {
      // An observer's failure is not the batch's: its promises settle as written.
    }
  }

  stats(): GroupCommitStats {
    return { transactions: this.transactions, appends: this.appends };
  }
}
