import { createServer } from 'node:net';
import { StoreUnavailableError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { testEvents } from '../testing';
import { EventStoreDbEventStore, InvalidConnectionStringError } from './eventstoredb-event-store';

/** The real client with no server behind it: parsing, and what every call answers when no node listens. */
describe('EventStoreDbEventStore', () => {
  describe('with the real client and no server', () => {
    it('refuses an unparseable connection string before connecting to anything', () => {
      expect(() => EventStoreDbEventStore.connect('esdb://localhost:notaport')).toThrow(InvalidConnectionStringError);
      expect(() => EventStoreDbEventStore.connect('http://localhost:2113')).toThrow(/esdb:\/\//);
    });

    it('answers every call with StoreUnavailableError when no node listens, and a subscription ends with it', async () => {
      const store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
      try {
        await expect(store.append('hazard-1', testEvents(1), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.readStream('hazard-1')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.readAll({ after: 0, maxCount: 10 })).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
        const subscription = (async () => {
          for await (const event of store.subscribeToAll({ after: 0 })) void event;
        })();
        await expect(subscription).rejects.toBeInstanceOf(StoreUnavailableError);
      } finally {
        await store.close();
      }
    });

    it('reports an unreachable cluster (failed gossip discovery) as StoreUnavailableError', async () => {
      const [one, two] = [await closedPort(), await closedPort()];
      const store = EventStoreDbEventStore.connect(
        `esdb://127.0.0.1:${one},127.0.0.1:${two}?tls=false&maxDiscoverAttempts=2&discoveryInterval=10&gossipTimeout=1`,
      );
      try {
        await expect(store.headPosition()).rejects.toThrow(/EventStoreDB is unavailable: Failed to discover/);
      } finally {
        await store.close();
      }
    });
  });
});

/** A local port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}
