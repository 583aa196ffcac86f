import { ANY, NO_STREAM as ESDB_NO_STREAM, StreamNotFoundError as EsdbStreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { NO_STREAM, type RecordedEvent } from '../event-store.port';
import { commandEvents, testEvents } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbClient, storedEvent } from './testing/fake-esdb-client';

/** The adapter's own logic against a scripted client: no server is needed (the contract suite needs one). */
describe('EventStoreDbEventStore without a server', () => {
  describe('append', () => {
    it('sends the expected revision, the events under their own ids, and asks for the leader', async () => {
      const client = new FakeEsdbClient();
      client.appendResult = async () => ({ success: true, nextExpectedRevision: 0n, position: { commit: 700n, prepare: 700n } });
      const store = new EventStoreDbEventStore(client);
      const [event] = commandEvents('command-1', 1);

      const result = await store.append('hazard-1', event ? [event] : [], { expectedRevision: NO_STREAM });
      await store.append('hazard-1', testEvents(1), { expectedRevision: 4 });
      await store.append('hazard-1', testEvents(1), { expectedRevision: 'any' });

      expect(result).toEqual({ nextExpectedRevision: 0, position: 700 });
      expect(client.appendCalls.map((call) => call.options)).toEqual([
        { expectedRevision: ESDB_NO_STREAM, requiresLeader: true, deadline: 10_000 },
        { expectedRevision: 4n, requiresLeader: true, deadline: 10_000 },
        { expectedRevision: ANY, requiresLeader: true, deadline: 10_000 },
      ]);
      expect(client.appendCalls[0]?.events).toEqual([expect.objectContaining({ id: event?.id, contentType: 'application/json' })]);
      expect(client.readStreamCalls).toEqual([]);
    });

    it('reads back the position of the last event of a multi-event append or of a deduplicated retry', async () => {
      const client = new FakeEsdbClient([
        storedEvent({ at: 100n, streamId: 'hazard-1', revision: 0n }),
        storedEvent({ at: 180n, streamId: 'hazard-1', revision: 1n }),
      ]);
      const store = new EventStoreDbEventStore(client);

      client.appendResult = async () => ({ success: true, nextExpectedRevision: 1n, position: { commit: 180n, prepare: 100n } });
      await expect(store.append('hazard-1', testEvents(2), { expectedRevision: NO_STREAM })).resolves.toEqual({ nextExpectedRevision: 1, position: 180 });
      client.appendResult = async () => ({ success: true, nextExpectedRevision: 1n, position: undefined });
      await expect(store.append('hazard-1', testEvents(2), { expectedRevision: NO_STREAM })).resolves.toEqual({ nextExpectedRevision: 1, position: 180 });

      expect(client.readStreamCalls.map((call) => call.options)).toEqual([
        { fromRevision: 1n, maxCount: 1, requiresLeader: true },
        { fromRevision: 1n, maxCount: 1, requiresLeader: true },
      ]);
    });

    it('reports a conflict as WrongExpectedRevisionError naming the stream, the expectation and the actual revision', async () => {
      const client = new FakeEsdbClient();
      client.appendResult = async () => {
        throw new WrongExpectedVersionError(undefined, { streamName: 'hazard-1', expected: 5n, current: 1n });
      };
      const refused = new EventStoreDbEventStore(client).append('hazard-1', testEvents(1), { expectedRevision: 5 });

      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ streamId: 'hazard-1', expected: 5, actual: 1 });
    });

    it('reports a raw gRPC code-14 rejection as StoreUnavailableError (503, safe to retry)', async () => {
      const client = new FakeEsdbClient();
      client.appendResult = async () => {
        throw Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      };
      await expect(new EventStoreDbEventStore(client).append('hazard-1', testEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
    });

    it('checks an empty append against the stream head without writing', async () => {
      const client = new FakeEsdbClient([storedEvent({ at: 90n, streamId: 'hazard-1', revision: 0n })]);
      const store = new EventStoreDbEventStore(client);

      await expect(store.append('hazard-1', [], { expectedRevision: 0 })).resolves.toEqual({ nextExpectedRevision: 0, position: 90 });
      await expect(store.append('hazard-1', [], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(client.appendCalls).toEqual([]);
    });
  });

  describe('reads', () => {
    const log = [
      storedEvent({ at: 100n, streamId: 'a', revision: 0n }),
      storedEvent({ at: 150n, streamId: '$$a', type: '$metadata' }),
      storedEvent({ at: 200n, streamId: 'a', revision: 1n }),
      storedEvent({ at: 300n, streamId: 'b', revision: 0n }),
      storedEvent({ at: 400n, streamId: '$stats-1', type: '$statsCollected' }),
    ];

    it('reads $all strictly after a position, without system events, in pages of any size', async () => {
      const store = new EventStoreDbEventStore(new FakeEsdbClient(log));
      const positions = async (after: number, maxCount: number) => (await store.readAll({ after, maxCount })).map((event) => event.position);

      expect(await positions(0, 10)).toEqual([100, 200, 300]);
      expect(await positions(100, 10)).toEqual([200, 300]);
      expect(await positions(100, 1)).toEqual([200]);
      expect(await positions(300, 10)).toEqual([]);
      expect(await positions(0, 0)).toEqual([]);
    });

    it('finds the head past trailing system events, and 0 when there are only system events', async () => {
      expect(await new EventStoreDbEventStore(new FakeEsdbClient(log)).headPosition()).toBe(300);
      expect(await new EventStoreDbEventStore(new FakeEsdbClient([log[1], log[4]].flatMap((e) => (e ? [e] : [])))).headPosition()).toBe(0);
    });

    it('reads a stream from a revision, up to a count, and maps its absence to StreamNotFoundError', async () => {
      const client = new FakeEsdbClient(log);
      const store = new EventStoreDbEventStore(client);

      expect((await store.readStream('a', { fromRevision: 1 })).map((event) => event.revision)).toEqual([1]);
      expect(client.readStreamCalls.at(-1)?.options).toEqual({ fromRevision: 1n, requiresLeader: true });
      client.readStreamFailure = new EsdbStreamNotFoundError(undefined, 'c');
      await expect(store.readStream('c')).rejects.toEqual(new StreamNotFoundError('c'));
    });
  });

  describe('subscribeToAll', () => {
    const log = [
      storedEvent({ at: 100n, streamId: 'a', revision: 0n }),
      storedEvent({ at: 200n, streamId: 'a', revision: 1n }),
      storedEvent({ at: 250n, streamId: '$$a', type: '$metadata' }),
      storedEvent({ at: 300n, streamId: 'b', revision: 0n }),
    ];

    it('subscribes with the system-event filter and skips the event at the start position', async () => {
      const client = new FakeEsdbClient(log);
      const spy = jest.spyOn(client, 'subscribeToAll');
      const controller = new AbortController();
      const received: RecordedEvent[] = [];

      for await (const event of new EventStoreDbEventStore(client).subscribeToAll({ after: 200, signal: controller.signal })) {
        received.push(event);
        controller.abort();
      }

      expect(spy).toHaveBeenCalledWith({ fromPosition: { commit: 200n, prepare: 200n }, filter: expect.objectContaining({ regex: '^[^$].*' }) });
      expect(received.map((event) => event.position)).toEqual([300]);
      expect(client.unsubscribed).toHaveLength(1);
    });

    it('fails with StoreUnavailableError when the server ends the subscription', async () => {
      const client = new FakeEsdbClient(log);
      client.subscribeToAll = (options) => ({ options, unsubscribe: async () => undefined, async *[Symbol.asyncIterator]() {} });
      const subscription = (async () => {
        for await (const event of new EventStoreDbEventStore(client).subscribeToAll({ after: 0 })) void event;
      })();

      await expect(subscription).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('ends when the store is closed while waiting, and the store then refuses calls', async () => {
      const client = new FakeEsdbClient(log);
      const store = new EventStoreDbEventStore(client);
      const received: number[] = [];
      const subscription = (async () => {
        for await (const event of store.subscribeToAll({ after: 0 })) received.push(event.position);
      })();
      await new Promise((resolve) => setTimeout(resolve, 20));

      await store.close();
      await store.close();

      await expect(subscription).resolves.toBeUndefined();
      expect(received).toEqual([100, 200, 300]);
      expect(client.disposed).toBe(1);
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.append('a', testEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
});
