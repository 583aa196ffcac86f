import { createServer } from 'node:net';
import { StoreUnavailableError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { testEvents } from '../testing';
import { isUnavailable, toPortError } from './postgres-error-mapping';
import { PostgresEventStore } from './postgres-event-store';

/** The real driver with no server behind it, and how driver errors become port errors. */
describe('PostgresEventStore without a server', () => {
  it('opens anyway, answers every call with StoreUnavailableError (the 503), and a subscription ends with it', async () => {
    const store = PostgresEventStore.open({ connectionString: `postgres://ledger@127.0.0.1:${await closedPort()}/ledger`, connectTimeoutMs: 2000 });
    try {
      await expect(store.append('hazard-1', testEvents(1), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream('hazard-1')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readAll({ after: 0, maxCount: 10 })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.headPosition()).rejects.toThrow(/PostgreSQL is unavailable .*ECONNREFUSED/);
      await expect(store.identity()).rejects.toBeInstanceOf(StoreUnavailableError);
      const subscription = (async () => {
        for await (const event of store.subscribeToAll({ after: 0 })) void event;
      })();
      await expect(subscription).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('fails a call with StoreUnavailableError when the server accepts but never answers, within the connect timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const store = PostgresEventStore.open({ connectionString: `postgres://ledger@127.0.0.1:${port}/ledger`, connectTimeoutMs: 200 });
    try {
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await store.close();
      silent.close();
    }
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['both addresses of localhost refused', new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })])],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['an administrator shutdown (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['too many connections (53300)', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a statement timeout (57014)', Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    ['a read-only standby after failover (25006)', Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' })],
    ['a refused login (28P01)', Object.assign(new Error('password authentication failed'), { code: '28P01' })],
  ])('maps %s to StoreUnavailableError', (_, error) => {
    expect(isUnavailable(error)).toBe(true);
    expect(toPortError(error, 'testing')).toBeInstanceOf(StoreUnavailableError);
  });

  it.each([
    ['a syntax error (42601)', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a constraint the store should have prevented (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('leaves %s as it is: a bug, not an outage', (_, error) => {
    expect(toPortError(error, 'testing')).toBe(error);
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
