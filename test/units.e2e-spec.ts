import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '@hazard/event-store';
import { openReadModelsDb, READ_MODELS_FILE, rebuildReadModels } from '@hazard/projections';
import { admin, inspector, otherRegionSupervisor, supervisor } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { A, B, binary, C, D, E, firstSheet, rectifierOf, unitBody } from './support/unit-requests';
import { FakeClock, TestApp, TestClaims } from './support/test-app';

/**
 * DESIGN.md "Enterprise registry and self-reporting (企业自查自报)" through the REST API. In 杭州市, 2026-03:
 * A (high-risk) reports the hazards it found itself, on time, then corrects the report; B (above-scale) declares
 * zero hazards, late, although an inspector found one (瞒报); C (other) is not expected; D (crowded-place) never
 * reports although a citizen reported a hazard of it; E registers after March ended.
 */
describe('units and self-reporting (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-05T02:00:00Z'));
  let t: TestApp;
  let last = 0;
  const hazards: Record<string, string> = {};

  const track = async <T extends { body: { position: number } }>(pending: PromiseLike<T>): Promise<T> => {
    const res = await pending;
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const patch = (who: TestClaims, path: string) => request(t.app.getHttpServer()).patch(path).set('Authorization', `Bearer ${t.token(who)}`);
  const report = (who: TestClaims, code: string, body: Record<string, unknown>) => t.as(who).post(`/api/v1/units/${code}/self-check-reports`).send(body);
  const finding = async (name: string, who: TestClaims, overrides: Record<string, unknown>) => {
    hazards[name] = (await track(t.as(who).post('/api/v1/hazards').send(reportBody(overrides)).expect(201))).body.hazardId;
  };
  const dashboard = (who: TestClaims, query: string) => t.as(who).get(`/api/v1/dashboard/self-reporting?${query}&minPosition=${last}`);
  const unit = (who: TestClaims, code: string) => t.as(who).get(`/api/v1/units/${code}?minPosition=${last}`);

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' } });
  });
  afterAll(() => t.stop());

  it('registers a unit: 201 {creditCode, revision, position}; lower case is upper-cased; twice is 409', async () => {
    const res = await track(t.as(supervisor).post('/api/v1/units').send(unitBody(A)).expect(201));
    expect(res.body).toEqual({ creditCode: A, revision: 0, position: expect.any(Number) });

    await track(t.as(supervisor).post('/api/v1/units').send(unitBody(B.toLowerCase(), { type: 'above-scale' })).expect(201));
    await track(t.as(admin).post('/api/v1/units').send(unitBody(C, { type: 'other', regionCode: '330106' })).expect(201));
    await track(t.as(admin).post('/api/v1/units').send(unitBody(D, { type: 'crowded-place', regionCode: '330105', supervisingDepartments: ['dept-fire'] })).expect(201));
    expect((await t.as(supervisor).post('/api/v1/units').send(unitBody(A)).expect(409)).body.code).toBe('UNIT.ALREADY_REGISTERED');
    expect((await unit(admin, B).expect(200)).body.creditCode).toBe(B);
  });

  it('refuses a wrong check character: 400 UNIT.CREDIT_CODE_INVALID naming creditCode and the expected one', async () => {
    const res = await t.as(admin).post('/api/v1/units').send(unitBody('91350100M000100Y44')).expect(400);

    expect(res.body).toMatchObject({ code: 'UNIT.CREDIT_CODE_INVALID', details: { field: 'creditCode', expected: '3' } });
    expect(res.body.message).toMatch(/creditCode "91350100M000100Y44".*GB 32100-2015.*should be 3/);
    await t.as(admin).post('/api/v1/units').send(unitBody('91350100M000100Y43', { regionCode: '350100' })).expect(201);
  });

  it('lets only a supervising department in its regions keep the registry (403 otherwise)', async () => {
    await t.as(supervisor).post('/api/v1/units').send(unitBody(E, { supervisingDepartments: ['dept-fire'] })).expect(403);
    await t.as(otherRegionSupervisor).post('/api/v1/units').send(unitBody(E)).expect(403);
    await patch(supervisor, `/api/v1/units/${D}`).send({ industry: 'retail' }).expect(403);
  });

  it('updates the fields given and records only what changed; creditCode is not a field', async () => {
    const res = await track(patch(supervisor, `/api/v1/units/${A}`).send({ name: '杭州甲燃气有限公司', contacts: { webhookUrl: 'https://a.example/hook' } }).expect(200));
    expect(res.body).toEqual({ creditCode: A, revision: 1, position: expect.any(Number) });
    expect((await patch(supervisor, `/api/v1/units/${A}`).send({ name: '杭州甲燃气有限公司' }).expect(200)).body.revision).toBe(1);
    await patch(supervisor, `/api/v1/units/${A}`).send({ creditCode: B }).expect(400);
    await patch(supervisor, `/api/v1/units/${A}`).send({ name: null }).expect(400);
    expect((await patch(admin, `/api/v1/units/${E}`).send({ name: 'x' }).expect(404)).body.code).toBe('UNIT.NOT_FOUND');

    const view = await unit(admin, A).expect(200);
    expect(view.headers.etag).toBe('"1"');
    expect(view.body).toMatchObject({ name: '杭州甲燃气有限公司', contacts: { email: null, webhookUrl: 'https://a.example/hook' }, gridId: null });
  });

  it('lets a rectifier report its own unit’s self-check findings only, registered or not', async () => {
    clock.set('2026-03-25T02:00:00Z');
    await finding('a1', rectifierOf(A), { unitId: A, source: 'self-check', discoveredAt: '2026-03-06T10:00:00+08:00' });
    await finding('a2', rectifierOf(A), { unitId: A, source: 'self-check', discoveredAt: '2026-03-08T10:00:00+08:00' });
    await finding('e1', rectifierOf(E), { unitId: E, source: 'self-check', discoveredAt: '2026-03-09T10:00:00+08:00' });
    await t.as(rectifierOf(A)).post('/api/v1/hazards').send(reportBody({ unitId: B, source: 'self-check' })).expect(403);
    await t.as(rectifierOf(A)).post('/api/v1/hazards').send(reportBody({ unitId: A, source: 'inspection' })).expect(403);
    await finding('aInspected', inspector, { unitId: A, source: 'inspection', discoveredAt: '2026-03-15T10:00:00+08:00' });
    await finding('b1', inspector, { unitId: B, source: 'inspection', discoveredAt: '2026-03-10T10:00:00+08:00' });
    await finding('d1', inspector, { unitId: D, source: 'citizen-report', regionCode: '330105', discoveredAt: '2026-03-12T10:00:00+08:00' });
  });

  it('takes one report per period that has begun: 201 with period and late; a second is 409, a future one 422', async () => {
    clock.set('2026-04-02T02:00:00Z');
    await track(t.as(supervisor).post('/api/v1/units').send(unitBody(E)).expect(201));
    const body = { period: '2026-03', hazardIds: [hazards.a1], signedBy: '王建国' };

    const res = await track(report(rectifierOf(A), A, body).expect(201));
    expect(res.body).toEqual({ creditCode: A, revision: 2, position: expect.any(Number), period: '2026-03', late: false });
    expect((await report(rectifierOf(A), A, { ...body, hazardIds: undefined, zeroHazard: true }).expect(409)).body.code).toBe('UNIT.PERIOD_ALREADY_REPORTED');
    expect((await report(rectifierOf(A), A, { period: '2026-05', zeroHazard: true, signedBy: '王建国' }).expect(422)).body.code).toBe('UNIT.PERIOD_IN_FUTURE');
    await report(rectifierOf(B), A, { period: '2026-02', zeroHazard: true, signedBy: '王建国' }).expect(403);
  });

  it('takes hazardIds xor zeroHazard, the principal’s signature and only hazards self-found in the period', async () => {
    const feb = { period: '2026-02', signedBy: '王建国' };
    await report(rectifierOf(A), A, { ...feb, hazardIds: [hazards.a1], zeroHazard: true }).expect(400);
    await report(rectifierOf(A), A, feb).expect(400);
    await report(rectifierOf(A), A, { ...feb, period: '2026Q5', zeroHazard: true }).expect(400);
    expect((await report(rectifierOf(A), A, { ...feb, zeroHazard: true, signedBy: '张三' }).expect(422)).body.code).toBe('UNIT.SIGNER_NOT_PRINCIPAL');

    for (const id of [hazards.aInspected, hazards.b1, hazards.e1, '00000000-0000-5000-8000-000000000000']) {
      const res = await report(rectifierOf(A), A, { period: '2026Q1', hazardIds: [hazards.a1, id], signedBy: '王建国' }).expect(422);
      expect(res.body).toMatchObject({ code: 'UNIT.HAZARD_NOT_IN_PERIOD', details: { hazardId: id, period: '2026Q1' } });
      expect(res.body.message).toContain(id);
    }
    expect((await report(rectifierOf(A), A, { ...feb, hazardIds: [hazards.a2] }).expect(422)).body.message).toContain(hazards.a2);
  });

  it('flags a report after the 15th of the next month as late, and keeps a correction beside the original', async () => {
    clock.set('2026-04-20T02:00:00Z');
    const late = await track(report(rectifierOf(B), B, { period: '2026-03', zeroHazard: true, signedBy: '王建国' }).expect(201));
    expect(late.body).toMatchObject({ period: '2026-03', late: true });

    const corrected = await track(
      t.as(rectifierOf(A)).post(`/api/v1/units/${A}/self-check-reports/2026-03/corrections`).send({ hazardIds: [hazards.a1, hazards.a2], signedBy: '王建国', reason: '漏报一项' }).expect(200),
    );
    expect(Object.keys(corrected.body)).toEqual(['creditCode', 'revision', 'position']);
    const notReported = await t.as(rectifierOf(A)).post(`/api/v1/units/${A}/self-check-reports/2026-01/corrections`).send({ zeroHazard: true, signedBy: '王建国', reason: 'x' }).expect(409);
    expect(notReported.body.code).toBe('UNIT.PERIOD_NOT_REPORTED');

    const march = (await unit(rectifierOf(A), A).expect(200)).body.reports.find((r: { period: string }) => r.period === '2026-03');
    expect(march).toEqual({
      period: '2026-03',
      zeroHazard: false,
      hazardIds: [hazards.a1, hazards.a2],
      signedBy: '王建国',
      submittedAt: '2026-04-02T02:00:00.000Z',
      late: false,
      corrected: { correctedAt: '2026-04-20T02:00:00.000Z', reason: '漏报一项', corrections: 1, original: { zeroHazard: false, hazardIds: [hazards.a1], signedBy: '王建国' } },
    });
  });

  it('counts expected, reported, rate and missing, and signals a zero-hazard declaration an inspection contradicts', async () => {
    const res = await dashboard(admin, 'period=2026-03&regionCode=3301').expect(200);

    expect(res.body).toEqual({
      period: '2026-03',
      expected: 3,
      reported: 2,
      rate: 0.6667,
      missing: [{ creditCode: D, name: `杭州${D.slice(-4)}有限公司`, type: 'crowded-place', regionCode: '330105' }],
      concealment: [
        { creditCode: B, name: `杭州${B.slice(-4)}有限公司`, declared: 'zero-hazard', hazardIds: [hazards.b1] },
        { creditCode: D, name: `杭州${D.slice(-4)}有限公司`, declared: 'not-reported', hazardIds: [hazards.d1] },
      ],
      position: last,
    });
    expect((await unit(inspector, B).expect(200)).body.concealmentSignals).toEqual([{ period: '2026-03', declared: 'zero-hazard', hazardIds: [hazards.b1] }]);
    expect((await dashboard(admin, 'period=2026-03&regionCode=330105').expect(200)).body).toMatchObject({ expected: 1, reported: 0, rate: 0 });
    await dashboard(admin, 'period=2026').expect(400);
  });

  it('exports missing as CSV and XLSX', async () => {
    const csv = await dashboard(admin, 'period=2026-03&regionCode=3301&format=csv').buffer(true).expect(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="self-reporting-missing-2026-03.csv"; filename*=UTF-8''${encodeURIComponent('未报送自查自报企业-2026年3月.csv')}`);
    expect(csv.text.slice(1).split('\r\n')).toEqual(['统一社会信用代码,单位名称,单位类型,区划代码,区划名称', `${D},杭州${D.slice(-4)}有限公司,人员密集,330105,拱墅区`, '']);

    const xlsx = await dashboard(admin, 'period=2026-03&regionCode=3301&format=xlsx').buffer(true).parse(binary).expect(200);
    expect(await firstSheet(xlsx.body as Buffer)).toEqual({ name: '未报送自查自报企业', rows: [['统一社会信用代码', '单位名称', '单位类型', '区划代码', '区划名称'], [D, `杭州${D.slice(-4)}有限公司`, '人员密集', '330105', '拱墅区']] });
  });

  it('reads by scope: a rectifier its own unit (no signals), another 404, lists 403; area roles their regions', async () => {
    const own = await unit(rectifierOf(B), B).expect(200);
    expect(Object.keys(own.body)).toEqual(['creditCode', 'name', 'industry', 'type', 'regionCode', 'gridId', 'supervisingDepartments', 'principal', 'contacts', 'registeredAt', 'reports', 'concealmentSignals']);
    expect(own.body.concealmentSignals).toEqual([]);
    expect((await unit(rectifierOf(B), A).expect(404)).body.code).toBe('UNIT.NOT_FOUND');
    await t.as(rectifierOf(B)).get('/api/v1/units').expect(403);
    await dashboard(rectifierOf(B), 'period=2026-03').expect(403);
    await unit(otherRegionSupervisor, A).expect(404);
    expect((await t.as(otherRegionSupervisor).get('/api/v1/units').expect(200)).body).toMatchObject({ items: [], total: 0 });

    const page = (await t.as(inspector).get(`/api/v1/units?regionCode=330102&pageSize=2&minPosition=${last}`).expect(200)).body;
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2, position: last });
    expect(page.items.map((u: { creditCode: string }) => u.creditCode)).toEqual([A, B]);
    expect((await t.as(admin).get(`/api/v1/units?type=other&minPosition=${last}`).expect(200)).body.items.map((u: { creditCode: string }) => u.creditCode)).toEqual([C]);
  });

  it('rebuilds the registry and reports from the log to the same answers', async () => {
    const before = (await dashboard(admin, 'period=2026-03').expect(200)).body;
    const store = SqliteEventStore.open({ file: join(t.dataDir, 'events.sqlite') });
    const db = openReadModelsDb(join(t.dataDir, READ_MODELS_FILE));
    await rebuildReadModels(store, db);
    db.close();
    await store.close();

    expect((await dashboard(admin, 'period=2026-03').expect(200)).body).toEqual(before);
  });
});
