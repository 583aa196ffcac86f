import type { AppendResult } from '../event-store.port';
import { settleBatch, type AppendOutcome, type AppendRequest, type GroupCommitStats, type PendingAppend } from '../group-commit/append-batch';

/** Batches sent: each is one transaction, one round trip, one WAL flush. */
export type AppendBatcherStats = GroupCommitStats;

/** Appends of one batch at most, so one statement's arrays stay a few megabytes at worst. */
const MAX_BATCH = 500;

/**
 * Group commit over a network: one batch is in flight at a time, and every append that arrives meanwhile
 * waits for it and joins the next, so N concurrent commands cost about one round trip and one flush per
 * round instead of N. (Batches of one process would queue on the store's global lock anyway.) Promises
 * settle only when the batch's statement has answered, i.e. after COMMIT.
 */
export class AppendBatcher {
  private pending: PendingAppend[] = [];
  private running: Promise<void> | undefined;
  private transactions = 0;
  private appends = 0;

  constructor(
    private readonly write: (requests: readonly AppendRequest[]) => Promise<AppendOutcome[]>,
    /** Turns a failed batch's error into what each of its appends rejects with. */
    private readonly failure: (cause: unknown) => unknown,
    /** Told the size of each batch once it is written (or failed): metrics; must be cheap. */
    private readonly onBatch?: (appends: number) => void,
  ) {}

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves once every append queued so far has been written (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  stats(): AppendBatcherStats {
    return { transactions: this.transactions, appends: this.appends };
  }

  private async drain(): Promise<void> {
    // setImmediate rather than a microtask: every append issued in this turn of the event loop, including
    // those chained on already-resolved promises, joins the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      await this.writeOne(batch);
    }
    this.running = undefined;
  }

  private async writeOne(batch: readonly PendingAppend[]): Promise<void> {
    this.transactions += 1;
    this.appends += batch.length;
    let written: { outcomes: AppendOutcome[] } | { failure: unknown };
    try {
      written = { outcomes: await this.write(batch.map((pending) => pending.request)) };
    } catch (cause) {
      written = { failure: this.failure(cause) };
    }
    settleBatch(batch, written, this.onBatch);
  }
}
