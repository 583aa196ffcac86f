import { EventStore } from '@hazard/event-store';
import { EVENT_STORE } from '../apps/api/src/infrastructure/event-store.provider';
import { admin, inspector, reviewer } from './support/actors';
import { deeplyNested } from './support/hostile-values';
import { reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

/** The hostile inputs that answered 500 (or filled the ledger) before the edge bounded them: each is a 400 now. */
describe('hostile input is refused at the edge with a 400 naming the limit (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  let hazardId: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock: new FakeClock(new Date('2026-03-01T00:00:00Z')) });
    store = t.app.get<EventStore>(EVENT_STORE);
    hazardId = (await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201)).body.hazardId;
  });
  afterAll(() => t.stop());

  /** Sends `send`, expects a 400 whose message holds `named`, and that the ledger did not grow. */
  async function refused(send: () => Promise<{ status: number; body: { message?: string; statusCode?: number } }>, named: string) {
    const before = await store.headPosition();
    const res = await send();
    expect({ status: res.status, statusCode: res.body.statusCode }).toEqual({ status: 400, statusCode: 400 });
    expect(res.body.message).toContain(named);
    expect(await store.headPosition()).toBe(before);
    return res;
  }

  describe('a body nested 10,000 deep', () => {
    const deep = deeplyNested('arrays', 10_000);
    it.each([
      ['arrays', deep],
      ['objects', deeplyNested('objects', 10_000)],
      ['in a field of a valid report', JSON.stringify(reportBody()).replace('["photo-001.jpg"]', deep)],
    ])('%s → 400 before parsing', async (_case, body) => {
      const res = await refused(() => t.as(inspector).post('/api/v1/hazards').set('Content-Type', 'application/json').send(body), 'deeper than 32 levels');
      expect(res.body).toMatchObject({ error: 'Bad Request', code: 'REQUEST.TOO_DEEP' });
    });

    it('on a public route too', async () => {
      await refused(() => t.http().post('/api/v1/public/tips').set('Content-Type', 'application/json').send(deep), 'deeper than 32 levels');
    });

    it('leaves ordinary bodies and the prototype-poisoning refusal as they were', async () => {
      await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
      const poisoned = JSON.stringify(reportBody()).replace('{', '{"__proto__":{"roles":["admin"]},');
      await refused(() => t.as(inspector).post('/api/v1/hazards').set('Content-Type', 'application/json').send(poisoned), 'not valid JSON');
    });
  });

  describe('numeric query parameters past their bounds', () => {
    it.each([
      ['/api/v1/hazards?page=99999999999999999999', 'page must not exceed 100000'],
      ['/api/v1/units?page=99999999999999999999', 'page must not exceed 100000'],
      ['/api/v1/reports/filings?page=100001', 'page must not exceed 100000'],
      ['/api/v1/hazards?pageSize=1e400', 'pageSize'],
      ['/api/v1/dashboard/summary?minPosition=99999999999999999999', 'minPosition must not exceed'],
      ['/api/v1/dashboard/overdue?limit=99999999999999999999', 'limit'],
    ])('%s', async (url, named) => {
      const started = Date.now();
      await refused(() => t.as(admin).get(url), named);
      expect(Date.now() - started).toBeLessThan(1000); // refused, not waited on
    });

    it('revision', async () => {
      await refused(() => t.as(reviewer).get(`/api/v1/hazards/${hazardId}/state?revision=99999999999999999999`), 'revision must not exceed');
      await refused(() => t.as(reviewer).get(`/api/v1/hazards/${hazardId}/state?revision=-1`), 'revision must not be negative');
    });
  });

  describe('header limits', () => {
    it('X-Correlation-Id of 7,000 characters is refused, not copied into the events', async () => {
      await refused(() => t.as(inspector).post('/api/v1/hazards').set('X-Correlation-Id', 'c'.repeat(7000)).send(reportBody()), 'X-Correlation-Id must be at most 128 characters');
    });

    it.each([['a b'], ['<script>'], ['id;drop'], ['%00']])('X-Correlation-Id %j: outside the safe alphabet', async (value) => {
      await refused(() => t.as(inspector).post('/api/v1/hazards').set('X-Correlation-Id', value).send(reportBody()), 'X-Correlation-Id may hold only');
    });

    it('on every route, reads and public ones included', async () => {
      await refused(() => t.http().get('/health').set('X-Correlation-Id', 'c'.repeat(129)), 'X-Correlation-Id');
      await refused(() => t.as(admin).get('/api/v1/hazards').set('X-Correlation-Id', 'c'.repeat(129)), 'X-Correlation-Id');
    });

    it('a 128-character id of the safe alphabet is kept as the correlation id', async () => {
      const id = `batch:2026.03_${'x'.repeat(114)}`;
      const res = await t.as(inspector).post('/api/v1/hazards').set('X-Correlation-Id', id).send(reportBody()).expect(201);
      const [event] = await store.readStream(`hazard-${res.body.hazardId}`);
      expect(event?.metadata.correlationId).toBe(id);
    });

    it('Idempotency-Key over 200 characters', async () => {
      await refused(() => t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'k'.repeat(201)).send(reportBody()), 'Idempotency-Key must be at most 200 characters');
    });
  });
});
