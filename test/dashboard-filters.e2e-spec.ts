import { admin, fireSupervisor, inspector, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp, TestClaims } from './support/test-app';

/** No scans and no automatic supervision: every event is scripted below. TIME_ZONE is the default, Asia/Shanghai. */
const env = { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' };

/**
 * Four hazards:
 *   A gas  330102 上城区  discovered 02-28 23:30 +08:00               assigned, rectified, verified 03-15
 *   B gas  330106 西湖区  discovered 03-01 00:30 +08:00 (02-28 in UTC)  assigned, deadline 03-25 → overdue
 *   C fire 330106 西湖区  discovered 03-10                             assigned, deadline 03-20 → overdue
 *   D gas  330201 宁波市  discovered 03-12                             outside the gas inspector's 3301
 */
describe('dashboard filters and GET /dashboard/trend (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-15T02:00:00Z'));
  let t: TestApp;
  let last = 0;
  const ids: Record<string, string> = {};
  const track = <T extends { body: { position: number } }>(res: T): T => {
    last = Math.max(last, res.body.position);
    return res;
  };
  const read = (who: TestClaims, path: string) => t.as(who).get(`/api/v1/dashboard/${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`);

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
    const bodies: Record<string, [TestClaims, Record<string, unknown>]> = {
      A: [inspector, reportBody({ discoveredAt: '2026-02-28T23:30:00+08:00' })],
      B: [inspector, reportBody({ regionCode: '330106', discoveredAt: '2026-03-01T00:30:00+08:00' })],
      C: [admin, reportBody({ sector: 'fire', regionCode: '330106', unitId: 'UNIT-MALL', unitName: '某某商场', categoryCode: 'FIRE-EXIT-BLOCKED', discoveredAt: '2026-03-10T10:00:00+08:00' })],
      D: [admin, reportBody({ regionCode: '330201', discoveredAt: '2026-03-12T10:00:00+08:00' })],
    };
    for (const [name, [who, body]] of Object.entries(bodies)) ids[name] = track(await t.as(who).post('/api/v1/hazards').send(body).expect(201)).body.hazardId;
    const post = async (who: TestClaims, hazard: string, path: string, body: object) => track(await t.as(who).post(`/api/v1/hazards/${ids[hazard]}/${path}`).send(body).expect(200));
    await post(supervisor, 'A', 'assignments', assignBody());
    await post(supervisor, 'B', 'assignments', assignBody({ deadline: '2026-03-25T18:00:00+08:00' }));
    await post(fireSupervisor, 'C', 'assignments', assignBody({ responsibleUnitId: 'UNIT-MALL', supervisingDepartment: 'dept-fire', deadline: '2026-03-20T18:00:00+08:00' }));
    await post(rectifier, 'A', 'rectifications', rectificationBody());
    await post(supervisor2, 'A', 'verifications', { passed: true, notes: '复核通过' });
    clock.set('2026-04-10T00:00:00Z');
  }, 60_000);
  afterAll(() => t?.stop());

  it('answers found and rectified per TIME_ZONE month, B in March though it is February in UTC', async () => {
    const { body } = await read(reviewer, 'trend?from=2026-02&to=2026-04').expect(200);
    expect(body).toEqual({
      months: [
        { month: '2026-02', found: 1, rectified: 0 },
        { month: '2026-03', found: 3, rectified: 1 },
        { month: '2026-04', found: 0, rectified: 0 },
      ],
      position: expect.any(Number),
    });
    expect(body.position).toBeGreaterThanOrEqual(last);
    const { body: gasOfXihu } = await read(reviewer, 'trend?from=2026-03-01&to=2026-03-31&sector=gas&regionCode=330106').expect(200);
    expect(gasOfXihu.months).toEqual([{ month: '2026-03', found: 1, rectified: 0 }]);
    const { body: lastYear } = await read(reviewer, 'trend').expect(200);
    expect(lastYear.months.map((m: { month: string }) => m.month)).toEqual(['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('narrows the summary to the hazards found in from–to, in the sector and region', async () => {
    expect((await read(reviewer, 'summary').expect(200)).body.total).toBe(4);
    expect((await read(reviewer, 'summary?from=2026-03&to=2026-03').expect(200)).body).toMatchObject({ total: 3, bySector: { gas: 2, fire: 1 } });
    expect((await read(reviewer, 'summary?to=2026-02-28').expect(200)).body).toMatchObject({ total: 1, byStatus: { verified: 1 }, rectificationRate: 1 });
    expect((await read(reviewer, 'summary?sector=gas&regionCode=330106').expect(200)).body).toMatchObject({ total: 1, overdue: 1, byRegion: { '330106': 1 } });
    expect((await read(reviewer, 'summary?regionCode=3301&from=2026-03-01').expect(200)).body).toMatchObject({ total: 2, overdue: 2 });
  });

  it('filters GET /hazards by the same period, so the dashboard’s click-through lists the hazards it counted', async () => {
    const list = async (who: TestClaims, query: string) =>
      (await t.as(who).get(`/api/v1/hazards?${query}&minPosition=${last}`).expect(200)).body as { total: number; items: { hazardId: string }[] };
    const march = await list(reviewer, 'from=2026-03&to=2026-03');
    expect(march.total).toBe(3);
    expect(march.items.map((h) => h.hazardId).sort()).toEqual([ids.B, ids.C, ids.D].sort());
    expect((await list(reviewer, 'to=2026-02-28')).items.map((h) => h.hazardId)).toEqual([ids.A]);
    expect((await list(reviewer, 'from=2026-03-01&regionCode=3301&sector=gas')).items.map((h) => h.hazardId)).toEqual([ids.B]);
    expect((await list(inspector, 'from=2026-03')).items.map((h) => h.hazardId)).toEqual([ids.B]);
    const bad = await t.as(reviewer).get('/api/v1/hazards?from=2026-13').expect(400);
    expect(bad.body.message).toContain('from must be a day');
    const reversed = await t.as(reviewer).get('/api/v1/hazards?from=2026-03&to=2026-02').expect(400);
    expect(reversed.body.code).toBe('DASHBOARD.INVALID_PERIOD');
  });

  it('keeps the reader’s scope: a hazard outside it is never counted, whatever the filter', async () => {
    expect((await read(inspector, 'summary').expect(200)).body.total).toBe(2); // A, B
    expect((await read(inspector, 'summary?regionCode=3302').expect(200)).body.total).toBe(0); // D is gas, but in 宁波市
    expect((await read(inspector, 'summary?sector=fire').expect(200)).body.total).toBe(0);
    const { body } = await read(inspector, 'trend?from=2026-02&to=2026-03').expect(200);
    expect(body.months).toEqual([{ month: '2026-02', found: 1, rectified: 0 }, { month: '2026-03', found: 1, rectified: 1 }]);
    expect((await read(inspector, 'overdue?regionCode=330106').expect(200)).body.items.map((h: { hazardId: string }) => h.hazardId)).toEqual([ids.B]);

    // The rectifier of UNIT-GASCO reads what its unit was made responsible for: A and B, not D (never assigned) nor C.
    expect((await read(rectifier, 'summary?sector=gas').expect(200)).body.total).toBe(2);
    expect((await read(rectifier, 'trend?from=2026-02&to=2026-03').expect(200)).body.months).toEqual(body.months);
  });

  it('filters the lists and their exports', async () => {
    const overdue = (await read(reviewer, 'overdue?regionCode=330106').expect(200)).body.items.map((h: { hazardId: string }) => h.hazardId);
    expect(overdue).toEqual([ids.C, ids.B]); // C's deadline passed first
    expect((await read(reviewer, 'overdue?sector=fire').expect(200)).body.items.map((h: { hazardId: string }) => h.hazardId)).toEqual([ids.C]);
    const csv = (await read(reviewer, 'overdue?sector=fire&format=csv').buffer(true).expect(200)).text.slice(1).split('\r\n').filter((line) => line !== '');
    expect(csv).toHaveLength(2); // the header and C
    expect(csv[1]).toContain('消防');
    const departments = (await read(reviewer, 'departments?sector=fire').expect(200)).body.items;
    expect(departments.map((d: { department: string }) => d.department)).toEqual(['dept-fire']);
    expect((await read(reviewer, 'departments?from=2026-03-12').expect(200)).body.items).toEqual([]);
  });

  it('tells the page TIME_ZONE, so it shows times and months in it', async () => {
    const page = await t.http().get('/dashboard').expect(200);
    expect(page.text).toContain('<meta name="time-zone" content="Asia/Shanghai">');
    const again = await t.http().get('/dashboard').set('If-None-Match', page.headers.etag as string);
    expect(again.status).toBe(304);
  });

  it.each([
    ['summary?from=2026-13', 'from must be a day YYYY-MM-DD or a month YYYY-MM'],
    ['summary?to=2026-02-30', 'to must be a day YYYY-MM-DD or a month YYYY-MM'],
    ['summary?from=2026-03&to=2026-02', 'to must not be before from'],
    ['trend?from=2026-05', 'from must not be after the current month'],
    ['trend?from=2010-01&to=2026-03', 'from must be at most 120 months before to'],
    ['summary?sector=self-built-housing-x', 'sector "self-built-housing-x" is not a sector of the catalogue'],
    ['trend?regionCode=33a', 'regionCode must be 1 to 12 digits'],
    ['overdue?to=yesterday', 'to must be a day YYYY-MM-DD or a month YYYY-MM'],
    ['trend?period=2026Q1', 'property period should not exist'],
  ])('GET /dashboard/%s is a 400 naming the field', async (path, message) => {
    const { body } = await read(reviewer, path).expect(400);
    expect(body.message).toContain(message);
  });
});
