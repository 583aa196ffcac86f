import { createServer } from 'node:net';
import { inspector } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { TestApp } from './support/test-app';

/** EVENT_STORE=postgres with nothing listening at DATABASE_URL: the API starts, and says 503 until the server answers. */
describe('API on an unreachable PostgreSQL (no server needed)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { EVENT_STORE: 'postgres', DATABASE_URL: `postgres://ledger:secret@127.0.0.1:${await closedPort()}/ledger` } });
    app.app.useLogger(false); // the background loops log every failed retry, as they should; not here
  });
  afterAll(() => app.stop());

  it('is not ready: /health answers 503 naming the store', async () => {
    const response = await app.http().get('/health');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ details: { eventStore: { status: 'down', message: expect.stringMatching(/PostgreSQL is unavailable/) } } });
  });

  it('answers a command with 503 and Retry-After, and does not leak the password', async () => {
    const response = await app.as(inspector).post('/api/v1/hazards').send(reportBody());

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'STORE.UNAVAILABLE' });
    expect(JSON.stringify(response.body)).not.toContain('secret');
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
