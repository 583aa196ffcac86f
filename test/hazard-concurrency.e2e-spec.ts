import { admin, inspector, rectifier, supervisor } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

describe('concurrent commands on one hazard (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));

  beforeAll(async () => {
    t = await TestApp.start({ clock });
  });
  afterAll(() => t.stop());

  it('20 simultaneous first reports of one new key make exactly one hazard', async () => {
    const body = reportBody();
    const responses = await Promise.all(Array.from({ length: 20 }, () => t.as(inspector).post('/api/v1/hazards').send(body)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const ids = new Set(responses.map((r) => r.body.hazardId));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const history = await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'HazardFound')).toHaveLength(1);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'HazardFoundAgain')).toHaveLength(19);
    const state = await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200);
    expect(state.body.repeatFindings).toBe(19);
  });

  it('10 simultaneous verifications of one rectified hazard let exactly one through', async () => {
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    const id = found.hazardId;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    clock.set('2026-03-12T00:00:00Z');
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200);

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.as({ ...supervisor, sub: `sup-${i}` }).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: `check ${i}` })),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.body).toMatchObject({ statusCode: 409, details: { status: 'verified' } });
    const history = await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'HazardVerified')).toHaveLength(1);
  });
});
