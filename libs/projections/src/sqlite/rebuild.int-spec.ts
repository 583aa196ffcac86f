import type { Database } from 'better-sqlite3';
import { SqliteEventStore, readCheckpoint, runConsumer } from '@hazard/event-store';
import { tempStoreFile, TempStoreFile } from '@hazard/event-store/testing';
import { join } from 'node:path';
import { appendInterleaved, scriptedHistories } from '../testing/scripted-log';
import { runUntil } from '../testing/run-until';
import { readModelDigest } from './read-model-digest';
import { readModelConsumer } from './read-model.consumer';
import { openReadModelsDb } from './read-models-db';
import { rebuildReadModels } from './rebuild';

describe('rebuild: replay the log into fresh tables and swap them in', () => {
  let temp: TempStoreFile;
  let store: SqliteEventStore;
  const dbs: Database[] = [];
  const openDb = (name = 'read-models.sqlite') => {
    const db = openReadModelsDb(join(temp.file, '..', name));
    dbs.push(db);
    return db;
  };
  const histories = scriptedHistories(90);

  beforeEach(() => {
    temp = tempStoreFile('rebuild-');
    store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 20 });
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) db.close();
    await store.close();
    temp.remove();
  });

  it('equals the incremental build, and reports its progress up to the head', async () => {
    const head = await appendInterleaved(store, histories);
    const incremental = openDb('incremental.sqlite');
    await runUntil(store, incremental, readModelConsumer, head, 7);

    const rebuilt = openDb('rebuilt.sqlite');
    const progress: number[] = [];
    const result = await rebuildReadModels(store, rebuilt, { pageSize: 100, onProgress: (position, total) => progress.push(position / total) });
    expect(result).toEqual({ position: head, events: head });
    expect(progress[progress.length - 1]).toBe(1);
    expect(readCheckpoint(rebuilt, readModelConsumer.name)).toBe(head);
    expect(readModelDigest(rebuilt)).toEqual(readModelDigest(incremental));
    expect(readModelDigest(rebuilt).tables.hazards.rows).toBe(90);
  });

  it('equals the incremental build when it keeps fewer hazards in memory than the log holds (rows written as they fall out)', async () => {
    const head = await appendInterleaved(store, histories);
    const incremental = openDb('incremental.sqlite');
    await runUntil(store, incremental, readModelConsumer, head, 1);
    for (const keepHazards of [0, 10, 1000]) {
      // transactionMs 0: a commit after every page, as when pages take longer than a transaction may last.
      for (const transactionMs of [0, 60_000]) {
        const rebuilt = openDb(`rebuilt-${keepHazards}-${transactionMs}.sqlite`);
        await rebuildReadModels(store, rebuilt, { pageSize: 37, keepHazards, transactionMs });
        expect(readModelDigest(rebuilt)).toEqual(readModelDigest(incremental));
      }
    }
  });

  it('leaves nothing half written when a page fails: its transaction is rolled back and the live models stay', async () => {
    const head = await appendInterleaved(store, histories);
    const db = openDb();
    await runUntil(store, db, readModelConsumer, head);
    const before = readModelDigest(db);
    let reads = 0;
    const failing = Object.create(store, {
      readAll: { value: (options: { after: number; maxCount: number }) => (++reads === 3 ? Promise.reject(new Error('store gone')) : store.readAll(options)) },
    }) as SqliteEventStore;
    await expect(rebuildReadModels(failing, db, { pageSize: 10, transactionMs: 60_000 })).rejects.toThrow('store gone');
    expect(db.inTransaction).toBe(false);
    expect(readModelDigest(db)).toEqual(before);
    expect(readCheckpoint(db, readModelConsumer.name)).toBe(head);
  });

  it('runs beside a live projector on the same file (another connection, as the CLI is another process)', async () => {
    const half = Math.floor(histories.flat().length / 2);
    await appendInterleaved(store, histories, 0, half);
    const served = openDb();
    const stop = new AbortController();
    const projector = runConsumer(store, served, readModelConsumer, { signal: stop.signal, batchSize: 10 });

    const cli = openDb(); // same file
    const appending = appendInterleaved(store, histories, half); // traffic goes on during the rebuild
    const { position } = await rebuildReadModels(store, cli, { pageSize: 25 });
    const head = await appending;
    expect(position).toBeGreaterThanOrEqual(half);

    const reference = openDb('reference.sqlite');
    await runUntil(store, reference, readModelConsumer, head, 500);
    await eventually(() => readCheckpoint(served, readModelConsumer.name) === head);
    stop.abort();
    await projector;
    expect(readModelDigest(served)).toEqual(readModelDigest(reference));
    expect(readModelDigest(cli)).toEqual(readModelDigest(reference));
  });

  it('starts over when a rebuild died half way (its leftover tables are dropped)', async () => {
    const head = await appendInterleaved(store, histories);
    const db = openDb();
    db.exec('CREATE TABLE rb_hazards (junk TEXT)');
    await rebuildReadModels(store, db);
    const reference = openDb('reference.sqlite');
    await runUntil(store, reference, readModelConsumer, head);
    expect(readModelDigest(db)).toEqual(readModelDigest(reference));
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'rb_%'").all()).toEqual([]);
  });
});

async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
