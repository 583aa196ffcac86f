import type { Database } from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { checkpointStatements, readCheckpoint, totalChanges, writeCheckpoint } from './checkpoint-table';
import { DeferredCheckpoint } from './deferred-checkpoint';
import { inBatches } from './in-batches';
import { ensureCheckpointsMatchStore } from './store-identity';

/**
 * A consumer of the global log whose state lives in a SQLite database together with its checkpoint.
 * `apply` runs inside the same transaction that moves the checkpoint, so a crash between the two is
 * impossible: after a restart the consumer resumes exactly after the last committed batch, never
 * double-counting or skipping an event.
 */
export interface CheckpointedConsumer {
  /** Checkpoint key; one row per consumer in `checkpoints`. */
  readonly name: string;
  /**
   * Applies a batch of events (positions already filtered past the checkpoint). Synchronous: it runs in the
   * transaction. A batch that changes no row (events this consumer ignores) may have its checkpoint deferred
   * by runConsumer, so it must change nothing else either: applied again after a crash, it again does nothing.
   */
  apply(events: readonly RecordedEvent[], db: Database): void;
  /**
   * Work outside the database that must be done before the checkpoint moves past a batch (the relay
   * publishes and waits for the saga commands). Gets the events past the checkpoint; a rejection fails the
   * batch, which is delivered again after the restart: at-least-once, so it must be safe to repeat.
   * Resolves `false` when it did nothing for these events (none concerned it): only then may the batch's
   * checkpoint be deferred.
   */
  handle?(events: readonly RecordedEvent[]): Promise<void | boolean>;
}

export { CHECKPOINTS_DDL, readCheckpoint, writeCheckpoint } from './checkpoint-table';
export { consumerPosition, consumerPositions } from './deferred-checkpoint';

/**
 * Applies a batch and moves the checkpoint in one transaction. Events at or before the stored checkpoint are
 * skipped, so two runners on one database (or a runner racing a rebuild's swap) never apply an event twice.
 * Returns the events actually applied. If `apply` throws, the transaction rolls back: neither the state nor
 * the checkpoint moves, and the error propagates.
 */
export function commitBatch(db: Database, consumer: CheckpointedConsumer, events: readonly RecordedEvent[]): RecordedEvent[] {
  return applyBatch(db, consumer, events, undefined, false).applied;
}

interface BatchOutcome {
  readonly applied: RecordedEvent[];
  /** The batch wrote nothing and its checkpoint was left to `deferred`; it had been read against `stored`. */
  readonly deferred: boolean;
  readonly stored: number;
}

/**
 * commitBatch, except that the events skipped are those at or before the consumer's position, deferred part
 * included, and with `mayDefer` a batch whose `apply` changed no row does not write its checkpoint (the
 * transaction then writes nothing, so it costs no fsync): the caller defers it.
 */
function applyBatch(
  db: Database,
  consumer: CheckpointedConsumer,
  events: readonly RecordedEvent[],
  deferred: DeferredCheckpoint | undefined,
  mayDefer: boolean,
): BatchOutcome {
  checkpointStatements(db); // before the transaction: a rollback must not undo the table the statements are kept for
  return db.transaction((): BatchOutcome => {
    const stored = readCheckpoint(db, consumer.name);
    const from = deferred ? deferred.positionAgainst(stored) : stored;
    const fresh = events.filter((e) => e.position > from);
    const last = fresh[fresh.length - 1];
    if (!last) return { applied: [], deferred: false, stored };
    const changesBefore = totalChanges(db);
    consumer.apply(fresh, db);
    if (mayDefer && totalChanges(db) === changesBefore) return { applied: fresh, deferred: true, stored };
    writeCheckpoint(db, consumer.name, last.position);
    return { applied: fresh, deferred: false, stored };
  }).immediate();
}

export interface RunOptions {
  readonly batchSize?: number;
  readonly signal: AbortSignal;
  /**
   * Called after each committed batch with the events applied and the checkpoint now stored (for SSE, lag
   * metrics, read-your-writes). Also called with no events when a whole batch was already behind the
   * checkpoint (another runner, or a rebuild's swap, got there first), so the caller learns how far the
   * state really is. The next batch waits for it. The position counts a deferred checkpoint.
   */
  readonly onCommitted?: (applied: readonly RecordedEvent[], position: number) => void | Promise<void>;
  /**
   * When set, a batch that changed nothing may keep its checkpoint in memory for up to this long (see
   * runConsumer). Off by default: a database whose answers carry their checkpoint as the position they stand
   * at (the read models) stores each one; it pays where a commit costs an fsync (processes.sqlite).
   */
  readonly deferCheckpointMs?: number;
}

/**
 * Catch-up, then live: subscribes from the checkpoint and commits in batches, strictly one after another.
 * A batch closes when it is full or when the subscription has nothing more ready in this turn of the event
 * loop, so catch-up runs in large transactions and a live event is applied within one tick.
 *
 * With `deferCheckpointMs`, a batch that wrote no row and handed `handle` nothing to do keeps its checkpoint in
 * memory (DeferredCheckpoint) until a batch that writes, `deferCheckpointMs`, or the end of the run; a crash before then redelivers only
 * such batches. Every batch that changes state commits its checkpoint with it, as before.
 *
 * Resolves when the signal aborts (after committing the batch in hand and the deferred checkpoint; a batch not
 * yet handed to `handle` is left for the next start). Rejects as soon as a batch fails —
 * also while the subscription is idle — having committed nothing of that batch; the caller restarts it
 * (from the checkpoint) after a pause. A failure is never swallowed, so a consumer cannot die silently.
 */
export async function runConsumer(store: EventStore, db: Database, consumer: CheckpointedConsumer, options: RunOptions): Promise<void> {
  // Our own stop as well as the caller's: a subscription waiting for live events only ends when its signal
  // aborts, so a failed batch must abort it, or closing it would wait for the next append — forever, if idle.
  const failed = new AbortController();
  const signal = AbortSignal.any([options.signal, failed.signal]);
  await ensureCheckpointsMatchStore(db, store); // a checkpoint is a position in one log only
  const checkpoint = new DeferredCheckpoint(db, consumer.name, options.deferCheckpointMs ?? 0);
  const mayDefer = options.deferCheckpointMs !== undefined;
  const subscription = store.subscribeToAll({ after: checkpoint.position(), signal });
  try {
    for await (const batch of inBatches(subscription, options.batchSize ?? 500)) {
      if (consumer.handle && options.signal.aborted) break;
      let handled = false;
      if (consumer.handle) {
        const from = checkpoint.position(); // another runner on this database may be ahead
        const fresh = batch.filter((e) => e.position > from);
        if (fresh.length > 0) handled = (await consumer.handle(fresh)) !== false;
      }
      // Work done outside the database is only known done to a restart by a stored checkpoint: never deferred.
      const outcome = applyBatch(db, consumer, batch, checkpoint, mayDefer && !handled);
      const last = outcome.applied[outcome.applied.length - 1];
      if (last && outcome.deferred) checkpoint.defer(outcome.stored, last.position);
      else if (last) checkpoint.stored();
      await options.onCommitted?.(outcome.applied, checkpoint.position());
    }
  } catch (error) {
    failed.abort();
    try {
      checkpoint.flush(); // the batches before the failed one are done; their checkpoint saves redelivering them
    } catch {
      // The failure to report is the batch's; an unwritten deferred checkpoint only redelivers ignored events.
    }
    throw error;
  }
  checkpoint.flush();
}
