import { admin, inspector, reviewer } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

const env = { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' };
const UNITS = ['UNIT-GASCO', 'UNIT-OTHER', 'UNIT-X'] as const;
const REGIONS = ['330102', '330105', '330201'] as const;

interface Scripted {
  id: string;
  unitId: string;
  regionCode: string;
  sector: string;
  level: string;
  assigned: boolean;
  supervised: boolean;
}

/** Twelve hazards reported in order 0…11; the expected answer of each filter is computed from this script. */
describe('read side: GET /hazards from the read model — filters, paging, 400s, read-your-writes (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  let last = 0;
  const hazards: Scripted[] = [];

  const list = (query: string) => t.as(reviewer).get(`/api/v1/hazards?minPosition=${last}${query ? `&${query}` : ''}`);
  const idsOf = (pick: (h: Scripted) => boolean) => hazards.filter(pick).map((h) => h.id).reverse(); // newest first

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
    for (let i = 0; i < 12; i++) {
      const h = { unitId: UNITS[i % 3]!, regionCode: REGIONS[i % 3]!, sector: i % 3 === 2 ? 'fire' : 'gas', level: i % 4 === 0 ? 'major' : 'general', assigned: i % 2 === 0, supervised: i === 3 || i === 7 };
      const found = await t.as(admin).post('/api/v1/hazards').send(reportBody({ unitId: h.unitId, regionCode: h.regionCode, sector: h.sector, level: h.level })).expect(201);
      const id = found.body.hazardId as string;
      last = found.body.position;
      if (h.assigned) last = (await t.as(admin).post(`/api/v1/hazards/${id}/assignments`).send(assignBody({ responsibleUnitId: h.unitId })).expect(200)).body.position;
      if (h.supervised) last = (await t.as(admin).post(`/api/v1/hazards/${id}/supervision`).send({ authorityLevel: 'county', reason: 'manual' }).expect(200)).body.position;
      hazards.push({ id, ...h });
    }
    clock.set('2026-04-01T00:00:00Z'); // past every deadline (2026-03-31T18:00+08:00)
  });
  afterAll(() => t.stop());

  it('pages newest first with the total, and an item carries the filterable fields', async () => {
    const first = await list('pageSize=5').expect(200);
    expect(first.body).toMatchObject({ total: 12, page: 1, pageSize: 5 });
    expect(first.body.position).toBeGreaterThanOrEqual(last);
    expect(first.body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual(idsOf(() => true).slice(0, 5));
    const third = await list('pageSize=5&page=3').expect(200);
    expect(third.body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual(idsOf(() => true).slice(10));
    expect((await list('pageSize=5&page=4').expect(200)).body).toMatchObject({ items: [], total: 12, page: 4 });
    expect((await list('').expect(200)).body.pageSize).toBe(20);

    const newest = hazards[11]!;
    expect(first.body.items[0]).toMatchObject({
      hazardId: newest.id, unitId: 'UNIT-X', sector: 'fire', regionCode: '330201', level: 'general', status: 'found',
      occurrence: 1, overdue: false, underSupervision: false, deadline: null, source: 'inspection', unitName: '某某燃气有限公司',
    });
    const assigned = (await list(`unitId=UNIT-X&status=assigned`).expect(200)).body.items[0];
    expect(assigned).toMatchObject({ status: 'assigned', deadline: '2026-03-31T18:00:00+08:00', overdue: true, responsibleUnitId: 'UNIT-X', supervisingDepartment: 'dept-gas' });
  });

  it.each<[string, (h: Scripted) => boolean]>([
    ['status=assigned', (h) => h.assigned],
    ['status=found', (h) => !h.assigned],
    ['status=verified', () => false],
    ['sector=fire', (h) => h.sector === 'fire'],
    ['regionCode=3301', (h) => h.regionCode.startsWith('3301')],
    ['regionCode=330105', (h) => h.regionCode === '330105'],
    ['regionCode=33', () => true],
    ['level=major', (h) => h.level === 'major'],
    ['unitId=UNIT-OTHER', (h) => h.unitId === 'UNIT-OTHER'],
    ['overdue=true', (h) => h.assigned],
    ['overdue=false', (h) => !h.assigned],
    ['underSupervision=true', (h) => h.supervised],
    ['underSupervision=false', (h) => !h.supervised],
    ['status=assigned&regionCode=3301&level=general', (h) => h.assigned && h.regionCode.startsWith('3301') && h.level === 'general'],
    ['overdue=true&sector=gas', (h) => h.assigned && h.sector === 'gas'],
  ])('%s', async (query, expected) => {
    const { body } = await list(`${query}&pageSize=200`).expect(200);
    expect(body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual(idsOf(expected));
    expect(body.total).toBe(idsOf(expected).length);
  });

  it('overdue follows the app clock: before the deadline nothing is overdue', async () => {
    clock.set('2026-03-20T00:00:00Z');
    expect((await list('overdue=true').expect(200)).body.total).toBe(0);
    clock.set('2026-04-01T00:00:00Z');
    expect((await list('overdue=true').expect(200)).body.total).toBe(6);
  });

  it.each([
    ['status=closed', 'status must be one of found, assigned, rectified, verified, reopened'],
    ['level=high', 'level must be one of general, major'],
    ['pageSize=201', 'pageSize must not exceed 200'],
    ['pageSize=0', 'pageSize must be at least 1'],
    ['page=0', 'page must be at least 1'],
    ['page=two', 'page must be a whole number'],
    ['overdue=yes', 'overdue must be true or false'],
    ['underSupervision=1', 'underSupervision must be true or false'],
    ['regionCode=33a1', 'regionCode must be 1 to 12 digits'],
    ['minPosition=-1', 'minPosition must not be negative'],
    ['colour=red', 'property colour should not exist'],
  ])('%s → 400 naming it', async (query, message) => {
    const res = await t.as(reviewer).get(`/api/v1/hazards?${query}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toContain(message);
  });

  it('minPosition: a read right after a write sees it, every time', async () => {
    for (let i = 0; i < 5; i++) {
      const { body: written } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ unitId: `UNIT-RYW-${i}` })).expect(201);
      const page = await t.as(reviewer).get(`/api/v1/hazards?unitId=UNIT-RYW-${i}&minPosition=${written.position}`).expect(200);
      expect(page.body.items.map((h: { hazardId: string }) => h.hazardId)).toEqual([written.hazardId]);
      const summary = await t.as(reviewer).get(`/api/v1/dashboard/summary?minPosition=${written.position}`).expect(200);
      expect(summary.body.position).toBeGreaterThanOrEqual(written.position);
    }
  });

  it('minPosition the projector cannot reach in time → 503 with Retry-After and its position', async () => {
    const started = Date.now();
    const res = await t.as(reviewer).get('/api/v1/dashboard/summary?minPosition=999999999').expect(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'READ_MODEL.BEHIND', details: { minPosition: 999999999, position: expect.any(Number) } });
    expect(res.body.details.position).toBeGreaterThanOrEqual(last);
    expect(res.body.message).toContain('999999999');
  });
});
