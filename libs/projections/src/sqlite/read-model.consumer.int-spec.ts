import type { Database } from 'better-sqlite3';
import { SqliteEventStore, RecordedEvent, CheckpointedConsumer, commitBatch, readCheckpoint, runConsumer } from '@hazard/event-store';
import { tempStoreFile, TempStoreFile } from '@hazard/event-store/testing';
import { join } from 'node:path';
import { readModelDigest } from './read-model-digest';
import { readModelConsumer } from './read-model.consumer';
import { openReadModelsDb } from './read-models-db';
import { appendInterleaved, eventCount, scriptedHistories } from '../testing/scripted-log';
import { runUntil } from '../testing/run-until';

const injected = new Error('injected: the process died between the read-model rows and the checkpoint');

/** The read-model consumer, except that one chosen batch applies half of its events and then throws. */
function failingOnce(failOnBatch: number): CheckpointedConsumer & { readonly batches: number } {
  let batches = 0;
  return {
    name: readModelConsumer.name,
    get batches() {
      return batches;
    },
    apply(events: readonly RecordedEvent[], db: Database) {
      batches += 1;
      if (batches !== failOnBatch) return readModelConsumer.apply(events, db);
      readModelConsumer.apply(events.slice(0, Math.ceil(events.length / 2)), db);
      throw injected;
    },
  };
}

const findings = (db: Database) => (db.prepare('SELECT COALESCE(SUM(findings), 0) AS n FROM rm_units').get() as { n: number }).n;
const hazards = (db: Database) => (db.prepare('SELECT COUNT(*) AS n FROM rm_hazards').get() as { n: number }).n;

describe('checkpointed consumer on SQLite: a failure between rows and checkpoint never double-counts', () => {
  let temp: TempStoreFile;
  let store: SqliteEventStore;
  const dbs: Database[] = [];
  const openDb = (name: string) => {
    const db = openReadModelsDb(join(temp.file, '..', name));
    dbs.push(db);
    return db;
  };

  beforeEach(() => {
    temp = tempStoreFile('read-models-');
    store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 20 });
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) db.close();
    await store.close();
    temp.remove();
  });

  it('rolls back the failed batch whole, surfaces the error, and after a restart counts every finding once', async () => {
    const histories = scriptedHistories(60);
    const head = await appendInterleaved(store, histories);
    expect(head).toBe(eventCount(histories));
    const db = openDb('read-models.sqlite');

    const flaky = failingOnce(3);
    const committed: number[] = [];
    await expect(runConsumer(store, db, flaky, { signal: new AbortController().signal, batchSize: 40, onCommitted: (_e, p) => void committed.push(p) })).rejects.toBe(injected);

    // Two batches committed; the third left no row and no checkpoint behind.
    const checkpoint = readCheckpoint(db, readModelConsumer.name);
    expect(flaky.batches).toBe(3);
    expect(committed).toHaveLength(2);
    expect(checkpoint).toBe(committed[1]);
    expect(checkpoint).toBeLessThan(head);
    expect(findings(db)).toBe(countFindingEvents(histories, checkpoint));

    // "Restart": a fresh run from the checkpoint, to the head.
    await runUntil(store, db, readModelConsumer, head, 40);
    expect(findings(db)).toBe(countFindingEvents(histories, head));
    expect(hazards(db)).toBe(60);

    const clean = openDb('clean.sqlite');
    await runUntil(store, clean, readModelConsumer, head, 1000);
    expect(readModelDigest(db)).toEqual(readModelDigest(clean));
  });

  it('folds a page in memory to exactly the rows an event-by-event fold writes, every table', async () => {
    // Round-robin (a hazard's events spread over the log) and then whole histories one after another (a
    // hazard's events next to each other in one page), so rows are both re-read across pages and folded
    // several times within one.
    const histories = scriptedHistories(90);
    await appendInterleaved(store, histories.slice(0, 60));
    for (const history of histories.slice(60)) await appendInterleaved(store, [history]);
    const head = await store.headPosition();
    const events = await store.readAll({ after: 0, maxCount: head });

    const oneByOne = openDb('one-by-one.sqlite');
    for (const event of events) commitBatch(oneByOne, readModelConsumer, [event]);
    const reference = readModelDigest(oneByOne);
    expect(reference.tables.hazards.rows).toBe(90);
    expect(reference.tables.cycles.rows).toBeGreaterThan(0);

    for (const pageSize of [7, 100, head]) {
      const paged = openDb(`paged-${pageSize}.sqlite`);
      for (let i = 0; i < events.length; i += pageSize) commitBatch(paged, readModelConsumer, events.slice(i, i + pageSize));
      expect(readModelDigest(paged)).toEqual(reference);
    }
  });

  it('rejects when a live batch fails while the subscription is otherwise idle, instead of hanging', async () => {
    const db = openDb('read-models.sqlite');
    const running = runConsumer(store, db, failingOnce(1), { signal: new AbortController().signal });
    await appendInterleaved(store, scriptedHistories(1));
    await expect(running).rejects.toBe(injected);
    expect(readCheckpoint(db, readModelConsumer.name)).toBe(0);
  });

  it('skips events at or before the checkpoint, so a runner behind it (or racing a rebuild) applies nothing twice', async () => {
    const histories = scriptedHistories(20);
    const head = await appendInterleaved(store, histories);
    const db = openDb('read-models.sqlite');
    await runUntil(store, db, readModelConsumer, head);
    const before = readModelDigest(db);

    const everything = await store.readAll({ after: 0, maxCount: head });
    expect(commitBatch(db, readModelConsumer, everything)).toEqual([]);
    expect(readModelDigest(db)).toEqual(before);
    expect(readCheckpoint(db, readModelConsumer.name)).toBe(head);
  });
});

/** HazardFound and HazardFoundAgain events among the first `position` events of the interleaved log. */
function countFindingEvents(histories: ReturnType<typeof scriptedHistories>, position: number): number {
  const longest = Math.max(...histories.map((h) => h.length));
  let seen = 0;
  let count = 0;
  for (let revision = 0; revision < longest; revision++) {
    for (const events of histories) {
      const event = events[revision];
      if (!event) continue;
      seen += 1;
      if (seen > position) return count;
      if (event.type === 'HazardFound' || event.type === 'HazardFoundAgain') count += 1;
    }
  }
  return count;
}
