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
      const rebuilt = openDb(`rebuilt-${keepHazards}.sqlite`);
      await rebuildReadModels(store, rebuilt, { pageSize: 37, keepHazards });
      expect(readModelDigest(rebuilt)).toEqual(readModelDigest(incremental));
    }
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
