import Database from 'better-sqlite3';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { NO_STREAM, type RecordedEvent } from '../event-store.port';
import { commandEvents, eventStoreContract, tempStoreFile, testEvents, uniqueStreamId, type TempStoreFile } from '../testing';
import { DuplicateEventIdError, SqliteEventStore } from './sqlite-event-store';

eventStoreContract('SqliteEventStore', async () => {
  const temp = tempStoreFile();
  const store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 20 });
  return {
    store,
    dispose: async () => {
      await store.close();
      temp.remove();
    },
  };
});

describe('SqliteEventStore', () => {
  let temp: TempStoreFile;
  const opened: SqliteEventStore[] = [];
  const open = (options: { busyTimeoutMs?: number; now?: () => Date } = {}) => {
    const store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 20, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    temp = tempStoreFile();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    temp.remove();
  });

  it('starts empty', async () => {
    const store = open();
    expect(await store.headPosition()).toBe(0);
    expect(await store.readAll({ after: 0, maxCount: 10 })).toEqual([]);
  });

  it('keeps every acknowledged event across close and reopen, and continues its positions', async () => {
    const before = open();
    const streamId = uniqueStreamId();
    await before.append(streamId, testEvents(3), { expectedRevision: NO_STREAM });
    const stored = await before.readAll({ after: 0, maxCount: 100 });
    await before.close();

    const after = open();
    expect(await after.readAll({ after: 0, maxCount: 100 })).toEqual(stored);
    const next = await after.append(streamId, testEvents(1), { expectedRevision: 2 });
    expect(next).toEqual({ nextExpectedRevision: 3, position: 4 });
  });

  it('records the time of its own clock', async () => {
    const store = open({ now: () => new Date('2025-06-01T00:00:00.000Z') });
    const streamId = uniqueStreamId();
    await store.append(streamId, testEvents(1), { expectedRevision: NO_STREAM });
    expect((await store.readStream(streamId))[0]?.recordedAt).toBe('2025-06-01T00:00:00.000Z');
  });

  describe('group commit', () => {
    it('writes 100 appends issued in the same tick in a single transaction', async () => {
      const store = open();
      const before = store.groupCommitStats();

      const results = await Promise.all(
        Array.from({ length: 100 }, () => store.append(uniqueStreamId(), testEvents(2), { expectedRevision: NO_STREAM })),
      );

      expect(store.groupCommitStats()).toEqual({ transactions: before.transactions + 1, appends: before.appends + 100 });
      expect(new Set(results.map((result) => result.position)).size).toBe(100);
      expect(await store.headPosition()).toBe(200);
    });

    it('checks appends to one stream within a batch as if they ran one after another', async () => {
      const store = open();
      const streamId = uniqueStreamId();
      const append = (expectedRevision: number) => store.append(streamId, testEvents(1), { expectedRevision });

      const outcomes = await Promise.allSettled([append(NO_STREAM), append(0), append(NO_STREAM), append(1), append(5)]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
      expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason)).toEqual([
        expect.any(WrongExpectedRevisionError),
        expect.any(WrongExpectedRevisionError),
      ]);
      expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(store.groupCommitStats().transactions).toBe(1);
    });

    it('refuses an append whose event id is stored in another stream, alone and storing none of its events', async () => {
      const store = open();
      const [taken, other, neighbour] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      const [reused] = commandEvents('command-1', 1);
      await store.append(taken, commandEvents('command-1', 1), { expectedRevision: NO_STREAM });
      const head = await store.headPosition();

      const refused = store.append(other, [...testEvents(2), ...(reused ? [reused] : [])], { expectedRevision: NO_STREAM });
      const firstReused = store.append(other, commandEvents('command-1', 1), { expectedRevision: NO_STREAM });
      const accepted = store.append(neighbour, testEvents(1), { expectedRevision: NO_STREAM });

      await expect(refused).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(firstReused).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(accepted).resolves.toEqual({ nextExpectedRevision: 0, position: head + 1 });
      expect((await store.readAll({ after: head, maxCount: 10 })).map((event) => event.streamId)).toEqual([neighbour]);
    });

    it('dedupes a retry that lands in the same batch as the original', async () => {
      const store = open();
      const streamId = uniqueStreamId();
      const append = () => store.append(streamId, commandEvents('command-1', 3), { expectedRevision: NO_STREAM });

      const [original, retry] = await Promise.all([append(), append()]);

      expect(retry).toEqual(original);
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('fails every append of a batch whose transaction cannot run, and stores none of them', async () => {
      const store = open({ busyTimeoutMs: 50 });
      const lockHolder = new Database(temp.file);
      lockHolder.exec('BEGIN IMMEDIATE');

      const outcomes = await Promise.allSettled([
        store.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM }),
        store.append(uniqueStreamId(), testEvents(1), { expectedRevision: 'any' }),
      ]);
      lockHolder.exec('ROLLBACK');
      lockHolder.close();

      expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason)).toEqual([
        expect.any(StoreUnavailableError),
        expect.any(StoreUnavailableError),
      ]);
      expect(await store.headPosition()).toBe(0);
      await expect(store.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM })).resolves.toBeDefined();
    });
  });

  describe('close', () => {
    it('writes appends still queued before closing', async () => {
      const store = open();
      const pending = store.append(uniqueStreamId(), testEvents(2), { expectedRevision: NO_STREAM });

      await store.close();

      await expect(pending).resolves.toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(await open().headPosition()).toBe(2);
    });

    it('refuses every later call with StoreUnavailableError, and may be called again', async () => {
      const store = open();
      await store.close();

      const append = store.append(uniqueStreamId(), testEvents(1), { expectedRevision: 'any' });
      await expect(append).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream('any')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readAll({ after: 0, maxCount: 1 })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('ends open subscriptions', async () => {
      const store = open();
      const subscription = (async () => {
        for await (const event of store.subscribeToAll({ after: 0 })) void event;
      })();
      await new Promise((resolve) => setTimeout(resolve, 30));

      await store.close();

      await expect(subscription).resolves.toBeUndefined();
    });
  });

  describe('two instances on one file (as two processes would)', () => {
    it('honour each other’s expected revisions', async () => {
      const [first, second] = [open(), open()];
      const streamId = uniqueStreamId();
      await first.append(streamId, testEvents(1), { expectedRevision: NO_STREAM });

      const appendTo = (store: SqliteEventStore, expectedRevision: number) =>
        store.append(streamId, testEvents(1), { expectedRevision });

      await expect(appendTo(second, NO_STREAM)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(appendTo(second, 0)).resolves.toMatchObject({ nextExpectedRevision: 1 });
      await expect(appendTo(first, 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    });

    it('let exactly one of two simultaneous conflicting appends win', async () => {
      const [first, second] = [open(), open()];
      const streamId = uniqueStreamId();

      const outcomes = await Promise.allSettled(
        [first, second].map((store) => store.append(streamId, testEvents(1), { expectedRevision: NO_STREAM })),
      );

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await first.readStream(streamId)).toHaveLength(1);
    });

    it('deliver appends made through one to a subscription on the other', async () => {
      const [writer, reader] = [open(), open()];
      const streamId = uniqueStreamId();
      await writer.append(streamId, testEvents(1), { expectedRevision: NO_STREAM });
      const controller = new AbortController();
      const received: RecordedEvent[] = [];

      const subscription = (async () => {
        for await (const event of reader.subscribeToAll({ after: 0, signal: controller.signal })) {
          received.push(event);
          if (received.length === 3) controller.abort();
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await writer.append(streamId, testEvents(2), { expectedRevision: 0 });
      await subscription;

      expect(received).toEqual(await writer.readStream(streamId));
    });
  });
});
