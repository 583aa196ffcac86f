import fc from 'fast-check';
import { EventStore } from '@hazard/event-store';
import { EVENT_STORE } from '../apps/api/src/infrastructure/event-store.provider';
import { admin, inspector, rectifier, reviewer, supervisor } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { FuzzRequest, OpenApiDocument, requestFor, routesOf } from './support/openapi-requests';
import { FakeClock, TestClaims, TestApp } from './support/test-app';
import { A, unitBody } from './support/unit-requests';

const SEED = 20260301;
const REQUESTS = 5_200;
const BATCH = 200;
const tipOfficer: TestClaims = { sub: 'tip-he', dept: 'dept-safety-committee', roles: ['tip-officer'], sectors: ['*'], regions: ['3301'] };
const LIMIT = '10000000';
/** No abuse limit may answer for the handlers: every THROTTLE_* at its ceiling; no background scans or sagas of their own. */
const env = {
  THROTTLE_READS: LIMIT, THROTTLE_WRITES: LIMIT, THROTTLE_PUBLIC_READS: LIMIT, THROTTLE_PUBLIC_WRITES: LIMIT, THROTTLE_AUTH_FAILURES: LIMIT,
  SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000',
};

interface Failure {
  readonly request: string;
  readonly status: number;
  readonly why: string;
}

/**
 * Property-based fuzzing of every operation in the app's own OpenAPI document (fast-check, fixed seed): each
 * request starts valid-looking, from the schemas' examples and enums, and is made hostile in up to three places —
 * deep nesting, huge numbers, wrong types, unicode, long strings, prototype-pollution keys, bad headers. The app
 * must never answer 5xx, must explain every 4xx, and a refused request must append nothing to the ledger.
 */
describe('hostile input fuzzed from the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  let doc: OpenApiDocument;
  const known: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await TestApp.start({ env, clock: new FakeClock(new Date('2026-03-01T00:00:00Z')) });
    store = t.app.get<EventStore>(EVENT_STORE);
    const hazardId = (await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201)).body.hazardId as string;
    await t.as(supervisor).post(`/api/v1/hazards/${hazardId}/assignments`).send(assignBody()).expect(200);
    await t.as(supervisor).post('/api/v1/units').send(unitBody(A)).expect(201);
    const tip = (await t.http().post('/api/v1/public/tips').send({ location: '某小区3幢楼下', description: '燃气管道漏气', anonymous: true }).expect(201)).body;
    known.id = [hazardId, tip.tipNo, '00000000-0000-4000-8000-000000000000'];
    known.tipNo = [tip.tipNo];
    known.code = [tip.queryCode];
    known.creditCode = [A];
    known.period = ['2026-03', '2026Q1', '2026'];
    doc = (await t.http().get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.stop());

  it(`answers ${REQUESTS} generated requests across every route: no 5xx, a message on every 4xx, nothing appended when refused`, async () => {
    const routes = routesOf(doc);
    const world = { tokens: [admin, inspector, supervisor, rectifier, reviewer, tipOfficer].map((c) => t.token(c)), known, pinned: { minPosition: '0' } };
    const requests = fc.constantFrom(...routes).chain((route) => requestFor(route, world));
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const covered = new Set<string>();

    for (let sent = 0; sent < REQUESTS; sent += BATCH) {
      for (const request of fc.sample(requests, { numRuns: BATCH, seed: SEED + sent })) {
        const before = await store.headPosition();
        const res = await t.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload === undefined ? {} : { payload: request.payload }) });
        covered.add(request.route);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const why = await problemOf(res.statusCode, res.body, before);
        if (why) failures.push({ request: summary(request), status: res.statusCode, why });
      }
    }

    console.info(`fuzzed ${REQUESTS} requests over ${covered.size} routes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect({ failures: failures.length, first: failures.slice(0, 10) }).toEqual({ failures: 0, first: [] });
    expect([...covered].sort()).toEqual(routes.map((r) => r.name).sort());
  }, 120_000);

  /** What is wrong with an answer: a 5xx, a 4xx without a message, or a refusal that appended a user's event. */
  async function problemOf(status: number, body: string, before: number): Promise<string | undefined> {
    if (status >= 500) return `5xx: ${body.slice(0, 200)}`;
    if (status < 400) return undefined;
    const message = messageOf(body);
    if (!message) return `no message: ${body.slice(0, 200)}`;
    if ((await store.headPosition()) === before) return undefined;
    // Only process managers (the system actor, following up an earlier accepted command) may append meanwhile.
    const appended = await store.readAll({ after: before, maxCount: 100 });
    const foreign = appended.filter((e) => e.metadata.actor.userId !== 'system');
    return foreign.length ? `refused, yet appended ${foreign.map((e) => e.type).join(', ')}` : undefined;
  }
});

function messageOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const message = (parsed as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message.trim() ? message : undefined;
  } catch {
    return undefined;
  }
}

function summary(request: FuzzRequest): string {
  return `${request.route} [${request.mutations.join('; ')}] ${request.method} ${request.url.slice(0, 160)}${request.payload ? ` ${request.payload.slice(0, 160)}` : ''}`;
}
