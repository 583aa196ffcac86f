import type { Database, Statement } from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '../event-store.port';
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
  /** Applies a batch of events (positions already filtered past the checkpoint). Synchronous: it runs in the transaction. */
  apply(events: readonly RecordedEvent[], db: Database): void;
  /**
   * Work outside the database that must be done before the checkpoint moves past a batch (the relay
   * publishes and waits for the saga commands). Gets the events past the checkpoint; a rejection fails the
   * batch, which is delivered again after the restart: at-least-once, so it must be safe to repeat.
   */
  handle?(events: readonly RecordedEvent[]): Promise<void>;
}

export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`;

export function readCheckpoint(db: Database, name: string): number {
  const row = checkpointStatements(db).read.get(name) as { position: number } | undefined;
  return row?.position ?? 0;
}

/** Sets a checkpoint; callers run it inside the transaction that wrote the state it stands for. */
export function writeCheckpoint(db: Database, name: string, position: number): void {
  checkpointStatements(db).write.run(name, position);
}

interface CheckpointStatements {
  readonly read: Statement;
  readonly write: Statement;
}

const statementsOf = new WeakMap<Database, CheckpointStatements>();

/**
 * The table is created and the two statements prepared once per connection, not on every batch: a live
 * consumer commits a batch per event under load, and each DDL run and prepare cost more than the write.
 */
function checkpointStatements(db: Database): CheckpointStatements {
  let statements = statementsOf.get(db);
  if (!statements) {
    db.exec(CHECKPOINTS_DDL);
    statements = {
      read: db.prepare('SELECT position FROM checkpoints WHERE name = ?'),
      write: db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position'),
    };
    statementsOf.set(db, statements);
  }
  return statements;
}

/**
 * Applies a batch and moves the checkpoint in one transaction. Events at or before the stored checkpoint are
 * skipped, so two runners on one database (or a runner racing a rebuild's swap) never apply an event twice.
 * Returns the events actually applied. If `apply` throws, the transaction rolls back: neither the state nor
 * the checkpoint moves, and the error propagates.
 */
export function commitBatch(db: Database, consumer: CheckpointedConsumer, events: readonly RecordedEvent[]): RecordedEvent[] {
  checkpointStatements(db); // before the transaction: a rollback must not undo the table the statements are kept for
  return db.transaction(() => {
    const checkpoint = readCheckpoint(db, consumer.name);
    const fresh = events.filter((e) => e.position > checkpoint);
    const last = fresh[fresh.length - 1];
    if (!last) return [];
    consumer.apply(fresh, db);
    writeCheckpoint(db, consumer.name, last.position);
    return fresh;
  }).immediate();
}

export interface RunOptions {
  readonly batchSize?: number;
  readonly signal: AbortSignal;
  /**
   * Called after each committed batch with the events applied and the checkpoint now stored (for SSE, lag
   * metrics, read-your-writes). Also called with no events when a whole batch was already behind the
   * checkpoint (another runner, or a rebuild's swap, got there first), so the caller learns how far the
   * state really is. The next batch waits for it.
   */
  readonly onCommitted?: (applied: readonly RecordedEvent[], position: number) => void | Promise<void>;
}

/**
 * Catch-up, then live: subscribes from the checkpoint and commits in batches, strictly one after another.
 * A batch closes when it is full or when the subscription has nothing more ready in this turn of the event
 * loop, so catch-up runs in large transactions and a live event is applied within one tick.
 *
 * Resolves when the signal aborts (after committing the batch in hand; a batch not yet handed to `handle`
 * is left for the next start). Rejects as soon as a batch fails —
 * also while the subscription is idle — having committed nothing of that batch; the caller restarts it
 * (from the checkpoint) after a pause. A failure is never swallowed, so a consumer cannot die silently.
 */
export async function runConsumer(store: EventStore, db: Database, consumer: CheckpointedConsumer, options: RunOptions): Promise<void> {
  // Our own stop as well as the caller's: a subscription waiting for live events only ends when its signal
  // aborts, so a failed batch must abort it, or closing it would wait for the next append — forever, if idle.
  const failed = new AbortController();
  const signal = AbortSignal.any([options.signal, failed.signal]);
  await ensureCheckpointsMatchStore(db, store); // a checkpoint is a position in one log only
  const subscription = store.subscribeToAll({ after: readCheckpoint(db, consumer.name), signal });
  for await (const batch of inBatches(subscription, options.batchSize ?? 500)) {
    if (consumer.handle && options.signal.aborted) return;
    try {
      if (consumer.handle) {
        const checkpoint = readCheckpoint(db, consumer.name); // another runner on this database may be ahead
        const fresh = batch.filter((e) => e.position > checkpoint);
        if (fresh.length > 0) await consumer.handle(fresh);
      }
      const applied = commitBatch(db, consumer, batch);
      const last = applied[applied.length - 1];
      await options.onCommitted?.(applied, last ? last.position : readCheckpoint(db, consumer.name));
    } catch (error) {
      failed.abort();
      throw error;
    }
  }
}
