import { Test } from '@nestjs/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import { EventStoreDbEventStore, SqliteEventStore } from '@hazard/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../app.factory';
import { ConfigError, loadConfig, connectEventStoreDb } from '@hazard/platform';
import { APP_CONFIG } from './config.module';
import { EVENT_STORE, eventStoreProvider } from './event-store.provider';

const SECRET = 'provider-spec-secret-that-is-long-enough-0123456789';

describe('event store selection by configuration', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'event-store-provider-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const configFor = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET, LOG_LEVEL: 'error', ...env });
  const resolveStore = (env: Record<string, string>) =>
    Test.createTestingModule({ providers: [{ provide: APP_CONFIG, useValue: configFor(env) }, eventStoreProvider] })
      .compile()
      .then((module) => module.get(EVENT_STORE));

  it('builds the SQLite store by default', async () => {
    const store = await resolveStore({});
    expect(store).toBeInstanceOf(SqliteEventStore);
    await store.close();
  });

  it('builds the EventStoreDB adapter for EVENT_STORE=eventstoredb, connecting lazily', async () => {
    const store = await resolveStore({ EVENT_STORE: 'eventstoredb', ESDB_CONNECTION_STRING: 'esdb://esdb-node1:2113,esdb-node2:2113?tls=false' });
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });

  it('stops start-up on a connection string the client cannot parse, naming ESDB_CONNECTION_STRING', async () => {
    const env = { EVENT_STORE: 'eventstoredb', ESDB_CONNECTION_STRING: 'esdb://esdb-node1:2113?tls=maybe' };

    expect(() => connectEventStoreDb(configFor(env))).toThrow(ConfigError);
    await expect(resolveStore(env)).rejects.toThrow(/^configuration: ESDB_CONNECTION_STRING is not a valid EventStoreDB connection string/);
  });

  describe('with an EventStoreDB that cannot be reached', () => {
    let app: NestFastifyApplication;
    beforeEach(async () => {
      app = await createApp(configFor({ EVENT_STORE: 'eventstoredb', ESDB_CONNECTION_STRING: `esdb://127.0.0.1:${await closedPort()}?tls=false` }));
      app.useLogger(false); // the background loops log every failed retry, as they should; not here
    });
    afterEach(() => app.close());

    it('starts, and is not ready: /health answers 503 naming the store', async () => {
      const response = await request(app.getHttpServer()).get('/health');

      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        statusCode: 503,
        details: { eventStore: { status: 'down', message: expect.stringMatching(/^EventStoreDB is unavailable/) } },
      });
    });

    it('answers a request that needs the store with 503 and Retry-After', async () => {
      const token = new JwtService({ secret: SECRET }).sign(
        { sub: 'rev-feng', dept: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] },
        { algorithm: 'HS256', expiresIn: '1h' },
      );

      const response = await request(app.getHttpServer())
        .get('/api/v1/hazards/6f1c2b4e-0f7e-4c36-9a57-3f0f2b9d8e11/history')
        .set('Authorization', `Bearer ${token}`);

      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
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
