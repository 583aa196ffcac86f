import { admin, inspector, inspector2, reviewer } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { GENEROUS_LIMITS, TestApp } from './support/test-app';

/** Every THROTTLE_* variable unset (blank reads as unset): the limits a production start gets. */
const PRODUCTION_LIMITS = Object.fromEntries(Object.keys(GENEROUS_LIMITS).map((name) => [name, '']));

/** Sends `count` requests, `parallel` at a time, and tallies the statuses. */
async function tally(count: number, send: (i: number) => PromiseLike<{ status: number }>, parallel = 50): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  for (let start = 0; start < count; start += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, i) => send(start + i)));
    for (const { status } of batch) statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return statuses;
}

describe('abuse limits: the production defaults', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ env: PRODUCTION_LIMITS })));
  afterAll(() => t.stop());

  it('serve 600 reads a minute per user, then 429 with Retry-After, and leave other users their own budget', async () => {
    expect(await tally(1500, () => t.as(reviewer).get('/api/v1/hazards'))).toEqual({ 200: 600, 429: 900 });

    const refused = await t.as(reviewer).get('/api/v1/hazards');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMIT.EXCEEDED', details: { retryAfterSeconds: expect.any(Number) } });
    await t.as(admin).get('/api/v1/hazards').expect(200);
  });

  it('serve 120 writes a minute per user, then 429, and leave other users their own budget', async () => {
    expect(await tally(300, () => t.as(inspector).post('/api/v1/hazards').send(reportBody()))).toEqual({ 201: 120, 429: 180 });
    await t.as(inspector2).post('/api/v1/hazards').send(reportBody()).expect(201);
  });

  it('answer 30 bad tokens a minute per address with 401, the rest with 429, and still serve a good token', async () => {
    expect(await tally(500, (i) => t.http().get('/api/v1/hazards').set('Authorization', `Bearer not-a-jwt-${i}`))).toEqual({ 401: 30, 429: 470 });
    await t.as(inspector2).get('/api/v1/hazards').expect(200);
  });
});

describe('abuse limits: public routes by address, small limits', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ env: { THROTTLE_PUBLIC_READS: '5', THROTTLE_PUBLIC_WRITES: '2', THROTTLE_READS: '3' } })));
  afterAll(() => t.stop());

  it('count public reads per address, apart from the users’ budgets', async () => {
    expect(await tally(8, () => t.http().get('/api/v1/catalogue'))).toEqual({ 200: 5, 429: 3 });
    const refused = await t.http().get('/health');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    await t.as(reviewer).get('/api/v1/hazards').expect(200);
  });

  it('count public submissions (举报 intake) on their own, smaller budget', async () => {
    const tip = { location: '某小区地下车库', description: '消防通道被堵塞', anonymous: true };
    expect(await tally(4, () => t.http().post('/api/v1/public/tips').send(tip), 1)).toEqual({ 201: 2, 429: 2 });
  });

  it('count a user by token subject across all routes, not per route', async () => {
    expect(await tally(4, (i) => t.as(inspector).get(i % 2 ? '/api/v1/hazards' : '/api/v1/dashboard/summary'), 1)).toEqual({ 200: 3, 429: 1 });
  });
});

describe('abuse limits: read-your-writes waits', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ env: { THROTTLE_MIN_POSITION_WAITS: '2' } })));
  afterAll(() => t.stop());

  it('hold at most THROTTLE_MIN_POSITION_WAITS waits at once; one more is 503 at once, with Retry-After', async () => {
    const unreachable = () => t.as(reviewer).get('/api/v1/hazards?minPosition=999999999');
    const held = [unreachable(), unreachable()].map((r) => r.then((res) => res));
    await new Promise((resolve) => setTimeout(resolve, 200));

    const startedAt = Date.now();
    const extra = await unreachable();
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(extra.status).toBe(503);
    expect(extra.headers['retry-after']).toBeDefined();
    expect(extra.body).toMatchObject({ code: 'READ_MODEL.TOO_MANY_WAITS' });

    expect((await Promise.all(held)).map((r) => r.body.code)).toEqual(['READ_MODEL.BEHIND', 'READ_MODEL.BEHIND']);
    await t.as(reviewer).get('/api/v1/hazards?minPosition=0').expect(200);
  });
});
