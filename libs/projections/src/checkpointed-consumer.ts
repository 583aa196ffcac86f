import type { Database } from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '@hazard/event-store';

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
}

export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`;

export function readCheckpoint(db: Database, name: string): number {
  db.exec(CHECKPOINTS_DDL);
  const row = db.prepare('SELECT position FROM checkpoints WHERE name = ?').get(name) as { position: number } | undefined;
  return row?.position ?? 0;
}

/**
 * Applies a batch and moves the checkpoint in one transaction. Events at or before the stored checkpoint are
 * skipped, so two runners on one database (or a runner racing a rebuild's swap) never apply an event twice.
 * Returns the events actually applied.
 */
export function commitBatch(db: Database, consumer: CheckpointedConsumer, events: readonly RecordedEvent[]): RecordedEvent[] {
  db.exec(CHECKPOINTS_DDL);
  return db.transaction(() => {
    const checkpoint = readCheckpoint(db, consumer.name);
    const fresh = events.filter((e) => e.position > checkpoint);
    const last = fresh[fresh.length - 1];
    if (!last) return [];
    consumer.apply(fresh, db);
    db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position').run(consumer.name, last.position);
    return fresh;
  }).immediate();
}

export interface RunOptions {
  readonly batchSize?: number;
  readonly signal: AbortSignal;
  /** Called after each committed batch with the events applied (for EventBus publishing, SSE, lag metrics). */
  readonly onCommitted?: (applied: readonly RecordedEvent[], position: number) => void | Promise<void>;
}

/**
 * Catch-up, then live: subscribes from the checkpoint and commits in batches. A batch closes when it is full
 * or when the subscription has nothing more ready in this turn of the event loop, so catch-up runs in large
 * transactions and live events are applied within one tick.
 */
export async function runConsumer(store: EventStore, db: Database, consumer: CheckpointedConsumer, options: RunOptions): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  let batch: RecordedEvent[] = [];
  let flushScheduled: Promise<void> | undefined;
  let failure: unknown;

  const flush = async () => {
    const events = batch;
    batch = [];
    flushScheduled = undefined;
    if (events.length === 0) return;
    try {
      const applied = commitBatch(db, consumer, events);
      if (applied.length) await options.onCommitted?.(applied, applied[applied.length - 1]!.position);
    } catch (error) {
      failure = error;
    }
  };

  for await (const event of store.subscribeToAll({ after: readCheckpoint(db, consumer.name), signal: options.signal })) {
    if (failure) throw failure;
    batch.push(event);
    if (batch.length >= batchSize) await flush();
    else flushScheduled ??= new Promise<void>((resolve) => setImmediate(() => void flush().then(resolve)));
  }
  await flushScheduled;
  await flush();
  if (failure) throw failure;
}
