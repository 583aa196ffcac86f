import { processesSettled } from './support/processes-probe';
import { admin, inspector, rectifier, supervisor, supervisor2 } from './support/actors';
import { assignBody, closureBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

const PUBLIC_KEYS = ['authorityLevel', 'deadline', 'documentNo', 'imposedAt', 'level', 'liftedAt', 'regionName', 'sectorName', 'summary', 'unitName'];

/** 公示: `GET /public/supervised-hazards`, no token, published impositions only, exactly the public fields. */
describe('the public list of supervised hazards (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false' } });
  });
  afterAll(() => t.stop());

  const hazard = async (location: string) =>
    (await t.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major', location, description: '内部描述，不公开：举报人 13800000000' })).expect(201)).body.hazardId as string;

  it('needs no token, lists published impositions only with exactly the ten public keys, and follows the lifting', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const published = await hazard('公示 1');
    const unpublished = await hazard('不公示');
    await t.as(supervisor).post(`/api/v1/hazards/${published}/supervision`).send({ authorityLevel: 'city', reason: 'manual', publish: true, summary: '某燃气公司调压箱锈蚀，限期整改' }).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${unpublished}/supervision`).send({ authorityLevel: 'county', reason: 'manual' }).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${published}/assignments`).send(assignBody()).expect(200);
    await processesSettled(t.app);

    const list = await t.http().get('/api/v1/public/supervised-hazards').expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const [item] = list.body.items;
    expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    expect(item).toEqual({
      documentNo: '安委办督〔2026〕1号', unitName: '某某燃气有限公司', summary: '某燃气公司调压箱锈蚀，限期整改', sectorName: '燃气', regionName: '上城区',
      level: 'major', authorityLevel: 'city', imposedAt: '2026-03-01T00:00:00.000Z', deadline: assignBody().deadline, liftedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain('13800000000');

    // Closed: rectified, applied, verified by a city authority → the system lifts it; the row keeps its deadline.
    await t.as(rectifier).post(`/api/v1/hazards/${published}/plan`).send(planBody).expect(200);
    clock.set('2026-03-11T00:00:00Z');
    await t.as(rectifier).post(`/api/v1/hazards/${published}/rectifications`).send(rectificationBody()).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${published}/closure-applications`).send(closureBody()).expect(200);
    await t.as({ ...supervisor2, authority: 'city' }).post(`/api/v1/hazards/${published}/verifications`).send({ passed: true, notes: '市级复核销号' }).expect(200);
    await processesSettled(t.app);

    const lifted = (await t.http().get('/api/v1/public/supervised-hazards?active=false').expect(200)).body;
    expect(lifted.items).toEqual([expect.objectContaining({ documentNo: '安委办督〔2026〕1号', deadline: assignBody().deadline, liftedAt: expect.any(String) })]);
    expect((await t.http().get('/api/v1/public/supervised-hazards?active=true').expect(200)).body.total).toBe(0);
    expect((await t.http().get('/api/v1/public/supervised-hazards?sector=fire').expect(200)).body.total).toBe(0);
    expect((await t.http().get('/api/v1/public/supervised-hazards?regionCode=3301&authorityLevel=city').expect(200)).body.total).toBe(1);
  });

  it('refuses a bad filter with 400 naming it', async () => {
    expect((await t.http().get('/api/v1/public/supervised-hazards?authorityLevel=village').expect(400)).body.message).toMatch(/authorityLevel/);
    expect((await t.http().get('/api/v1/public/supervised-hazards?pageSize=1000').expect(400)).body.message).toMatch(/pageSize/);
  });
});
