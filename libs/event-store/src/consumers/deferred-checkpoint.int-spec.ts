import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { tempStoreFile, TempStoreFile, testEvents, uniqueStreamId } from '../testing';
import { CheckpointedConsumer, consumerPosition, readCheckpoint, runConsumer } from './checkpointed-consumer';
import { ConsumerRuntime } from './consumer-runtime';

/** Writes a row for each `Counted` event (no key: an event applied twice shows as two rows) and ignores the rest. */
function counter(seen: number[] = []): CheckpointedConsumer {
  return {
    name: 'counter',
    apply(events, db) {
      db.exec('CREATE TABLE IF NOT EXISTS counted (position INTEGER NOT NULL)');
      for (const event of events) {
        seen.push(event.position);
        if (event.type === 'Counted') db.prepare('INSERT INTO counted (position) VALUES (?)').run(event.position);
      }
    },
  };
}

const counted = (db: Database.Database) => (db.prepare('SELECT position FROM counted ORDER BY position').pluck().all() as number[]);

function openDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/** What a crash leaves on disk now: the database file and its WAL as they stand, without anything held in memory. */
function copyAsCrashed(file: string, to: string): void {
  copyFileSync(file, to);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${to}-wal`);
}

/** Resolves once `condition` holds, looked at every few milliseconds (jest's timeout bounds the wait). */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (!condition()) return;
      clearInterval(poll);
      resolve();
    }, 5);
  });
}

describe('deferred checkpoints: batches that change nothing do not commit their checkpoint one by one', () => {
  let temp: TempStoreFile;
  let store: SqliteEventStore;
  const dbs: Database.Database[] = [];
  const open = (name: string) => {
    const db = openDb(join(temp.file, '..', name));
    dbs.push(db);
    return db;
  };
  const append = (type: string, count: number) => store.append(uniqueStreamId(), testEvents(count, { type }), { expectedRevision: 'any' });

  beforeEach(() => {
    temp = tempStoreFile('deferred-checkpoint-');
    store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 10 });
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) db.close();
    await store.close();
    temp.remove();
  });

  /** Runs a consumer one event per batch, its deferred checkpoint waiting for a write or the stop. */
  function start(db: Database.Database, consumer: CheckpointedConsumer) {
    const stop = new AbortController();
    const done = runConsumer(store, db, consumer, { signal: stop.signal, batchSize: 1, deferCheckpointMs: 60_000 });
    return {
      done,
      stop: async () => {
        stop.abort();
        await done;
      },
    };
  }

  it('after a crash resumes at the last durable checkpoint and applies nothing twice; a stop stores the deferred one', async () => {
    await append('Counted', 2); // positions 1, 2
    await append('Ignored', 3); // 3, 4, 5
    const file = join(temp.file, '..', 'processes.sqlite');
    const db = open('processes.sqlite');
    const first = start(db, counter());
    await until(() => consumerPosition(db, 'counter') >= 5);

    // Running, it reports where it is; on disk the checkpoint is the last batch that wrote.
    expect(consumerPosition(db, 'counter')).toBe(5);
    expect(readCheckpoint(db, 'counter')).toBe(2);
    copyAsCrashed(file, join(temp.file, '..', 'crashed.sqlite'));

    // The crashed copy resumes after position 2: only the ignored events come again, and nothing is counted twice.
    await append('Counted', 1); // 6
    const crashed = open('crashed.sqlite');
    expect(readCheckpoint(crashed, 'counter')).toBe(2);
    const redelivered: number[] = [];
    const resumed = start(crashed, counter(redelivered));
    await until(() => consumerPosition(crashed, 'counter') >= 6);
    await resumed.stop();
    expect(redelivered).toEqual([3, 4, 5, 6]);
    expect(counted(crashed)).toEqual([1, 2, 6]);
    expect(readCheckpoint(crashed, 'counter')).toBe(6); // a batch that writes stores its checkpoint at once

    // The first runner, stopped gracefully after only ignored events, has stored its deferred checkpoint.
    await append('Ignored', 2); // 7, 8
    await until(() => consumerPosition(db, 'counter') >= 8);
    expect(readCheckpoint(db, 'counter')).toBe(6);
    await first.stop();
    expect(readCheckpoint(db, 'counter')).toBe(8);
    expect(counted(db)).toEqual([1, 2, 6]);
  });

  it('defers a batch of `handle` only when it reports having done nothing', async () => {
    await append('Erased', 1); // 1
    await append('Ignored', 2); // 2, 3
    const db = open('processes.sqlite');
    const handled: number[] = [];
    const shredder: CheckpointedConsumer = {
      name: 'shredder',
      apply: () => undefined,
      handle: async (events) => {
        handled.push(...events.map((e) => e.position));
        return events.some((e) => e.type === 'Erased');
      },
    };
    const running = start(db, shredder);
    await until(() => consumerPosition(db, 'shredder') >= 3);
    expect(handled).toEqual([1, 2, 3]);
    expect(readCheckpoint(db, 'shredder')).toBe(1); // work outside the database is only known done by a stored checkpoint
    await running.stop();
    expect(readCheckpoint(db, 'shredder')).toBe(3);
  });

  it('stores the checkpoint of every batch when the runner is not asked to defer', async () => {
    await append('Counted', 1);
    await append('Ignored', 2);
    const db = open('read-models.sqlite');
    const stop = new AbortController();
    const running = runConsumer(store, db, counter(), { signal: stop.signal, batchSize: 1 });
    await until(() => consumerPosition(db, 'counter') >= 3);
    expect(readCheckpoint(db, 'counter')).toBe(3);
    stop.abort();
    await running;
  });

  it('writes a deferred checkpoint after deferCheckpointMs while idle', async () => {
    await append('Counted', 1);
    await append('Ignored', 2);
    const db = open('processes.sqlite');
    const stop = new AbortController();
    const running = runConsumer(store, db, counter(), { signal: stop.signal, batchSize: 1, deferCheckpointMs: 30 });
    await until(() => readCheckpoint(db, 'counter') >= 3);
    expect(readCheckpoint(db, 'counter')).toBe(3);
    stop.abort();
    await running;
  });

  it('leaves a checkpoint another runner moved meanwhile, and reports that one', async () => {
    await append('Counted', 1);
    await append('Ignored', 2);
    const db = open('processes.sqlite');
    const errors: unknown[] = [];
    const runtime = new ConsumerRuntime(store, db, counter(), { batchSize: 1, deferCheckpointMs: 60_000, onError: (error) => errors.push(error) });
    runtime.start();
    await until(() => runtime.checkpoint() >= 3);
    // A rebuild's swap (or another runner) sets the stored checkpoint: it is the truth from then on.
    db.prepare('UPDATE checkpoints SET position = 2 WHERE name = ?').run('counter');
    expect(runtime.checkpoint()).toBe(2);
    await runtime.stop();
    expect(readCheckpoint(db, 'counter')).toBe(2);
    expect(errors).toEqual([]);
  });
});
