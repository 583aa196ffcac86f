import type { Database } from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CheckpointsFromAnotherLogError,
  keepConsuming,
  readCheckpoint,
  runConsumer,
  SqliteEventStore,
  NO_STREAM,
  type CheckpointedConsumer,
  type EventStore,
} from '@hazard/event-store';
import { testEvents, uniqueStreamId } from '@hazard/event-store/testing';
import { openReadModelsDb, READ_MODELS_FILE, readModelConsumer } from '@hazard/projections';
import { openProcessesDb, PROCESSES_DB_FILE } from '../../apps/api/src/processes/processes-db';
import { standInFixture, type StandInFixture } from '../../libs/event-store/src/eventstoredb/testing/stand-in-fixture';
import { appendInterleaved, scriptedHistories } from '../../libs/projections/src/testing/scripted-log';

/** A process manager's stand-in: it remembers each position it acted on, as a saga remembers commands it sent. */
const processManager: CheckpointedConsumer = {
  name: 'test-process',
  apply(events, db) {
    db.exec('CREATE TABLE IF NOT EXISTS acted (position INTEGER PRIMARY KEY)');
    for (const event of events) db.prepare('INSERT INTO acted (position) VALUES (?)').run(event.position);
  },
};

const hazardRows = (db: Database) => (db.prepare('SELECT COUNT(*) AS n FROM rm_hazards').get() as { n: number }).n;

/** Runs the consumer (always: the log check happens at its start) until it has applied the store's head, or fails. */
async function catchUp(store: EventStore, db: Database, consumer: CheckpointedConsumer): Promise<void> {
  const head = await store.headPosition();
  const stop = new AbortController();
  await runConsumer(store, db, consumer, {
    signal: stop.signal,
    onCommitted: (_applied, position) => {
      if (position >= head) stop.abort();
    },
  });
}

/**
 * Checkpoints in DATA_DIR are positions in one log. The same DATA_DIR pointed at another log — a switch from
 * SQLite to EventStoreDB, or a copied directory beside another events file — rebuilds the read models from 0
 * and refuses to run the process managers, whose re-run would issue their commands again.
 */
describe('checkpoints in DATA_DIR remember the log they came from', () => {
  let dataDir: string;
  const closers: Array<() => unknown> = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-identity-'));
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function openSqlite(dir: string): SqliteEventStore {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    closers.push(() => store.close());
    return store;
  }
  function openDbs(dir: string): { readModels: Database; processes: Database } {
    const readModels = openReadModelsDb(join(dir, READ_MODELS_FILE));
    const processes = openProcessesDb(dir);
    closers.push(() => readModels.close(), () => processes.close());
    return { readModels, processes };
  }

  describe('switching the same DATA_DIR from SQLite to EventStoreDB', () => {
    let esdb: StandInFixture;
    beforeEach(async () => {
      esdb = await standInFixture();
      closers.push(() => esdb.dispose());
    });

    it('rebuilds the read models from the new log, from position 0', async () => {
      const sqlite = openSqlite(dataDir);
      await appendInterleaved(sqlite, scriptedHistories(6));
      const { readModels } = openDbs(dataDir);
      await catchUp(sqlite, readModels, readModelConsumer);
      expect(hazardRows(readModels)).toBe(6);

      const cluster = esdb.connect();
      await appendInterleaved(cluster, scriptedHistories(2));
      await catchUp(cluster, readModels, readModelConsumer);

      expect(hazardRows(readModels)).toBe(2);
      expect(readCheckpoint(readModels, readModelConsumer.name)).toBe(await cluster.headPosition());
    });

    it('refuses to run a process manager on its checkpoints, naming the file and both stores, and does not retry', async () => {
      const sqlite = openSqlite(dataDir);
      await appendInterleaved(sqlite, scriptedHistories(3));
      const { processes } = openDbs(dataDir);
      await catchUp(sqlite, processes, processManager);
      const checkpoint = readCheckpoint(processes, processManager.name);
      const cluster = esdb.connect();
      await appendInterleaved(cluster, scriptedHistories(1));

      const refused = runConsumer(cluster, processes, processManager, { signal: new AbortController().signal });
      await expect(refused).rejects.toBeInstanceOf(CheckpointsFromAnotherLogError);
      await expect(refused).rejects.toThrow(new RegExp(`${PROCESSES_DB_FILE}.*sqlite log .*eventstoredb log `));

      const errors: unknown[] = [];
      const kept = keepConsuming(() => runConsumer(cluster, processes, processManager, { signal: new AbortController().signal }), {
        signal: new AbortController().signal,
        retryMs: 10,
        onError: (error) => errors.push(error),
      });
      await expect(kept).rejects.toBeInstanceOf(CheckpointsFromAnotherLogError);
      expect(errors).toEqual([]);
      expect(readCheckpoint(processes, processManager.name)).toBe(checkpoint);
    });
  });

  describe('a copy of DATA_DIR beside another SQLite log', () => {
    it('rebuilds the copied read models and refuses the copied process checkpoints; the original log still runs them', async () => {
      const original = openSqlite(dataDir);
      await appendInterleaved(original, scriptedHistories(4));
      const dbs = openDbs(dataDir);
      await catchUp(original, dbs.readModels, readModelConsumer);
      await catchUp(original, dbs.processes, processManager);

      for (const db of [dbs.readModels, dbs.processes]) db.pragma('wal_checkpoint(TRUNCATE)'); // a copy taken whole
      const copy = mkdtempSync(join(tmpdir(), 'checkpoint-identity-copy-'));
      closers.push(() => rmSync(copy, { recursive: true, force: true }));
      for (const file of [READ_MODELS_FILE, PROCESSES_DB_FILE]) copyFileSync(join(dataDir, file), join(copy, file));
      const other = openSqlite(copy); // a fresh events file: another log, whose positions start again at 1
      await appendInterleaved(other, scriptedHistories(1));
      const copied = openDbs(copy);

      await catchUp(other, copied.readModels, readModelConsumer);
      expect(hazardRows(copied.readModels)).toBe(1);
      await expect(runConsumer(other, copied.processes, processManager, { signal: new AbortController().signal })).rejects.toBeInstanceOf(
        CheckpointsFromAnotherLogError,
      );

      await original.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM });
      await expect(catchUp(original, dbs.processes, processManager)).resolves.toBeUndefined();
    });
  });
});
