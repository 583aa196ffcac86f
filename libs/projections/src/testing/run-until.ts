import type { Database } from 'better-sqlite3';
import { EventStore, CheckpointedConsumer, readCheckpoint, runConsumer } from '@hazard/event-store';

/** Runs a consumer until its checkpoint reaches `target`, then stops it (rejects if the consumer fails). */
export async function runUntil(store: EventStore, db: Database, consumer: CheckpointedConsumer, target: number, batchSize = 50): Promise<void> {
  if (readCheckpoint(db, consumer.name) >= target) return;
  const stop = new AbortController();
  await runConsumer(store, db, consumer, {
    signal: stop.signal,
    batchSize,
    onCommitted: (_applied, position) => {
      if (position >= target) stop.abort();
    },
  });
}
