import { processesSettled, settledScan } from './support/processes-probe';
import { admin, inspector, rectifier, supervisor, supervisor2 } from './support/actors';
import { assignBody, closureBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { historyOf as history } from './support/history';
import { FakeClock, TestApp } from './support/test-app';

const APPLIED = '2026-03-12T00:00:00.000Z';
const REVIEW_DEADLINE = '2026-03-22T00:00:00.000Z';
const env = { DEADLINE_SCAN_MS: '20', SUPERVISE_MAJOR: 'false' };

/** DESIGN.md "Closing a major hazard (销号, 16号令 Art. 18, 23)", through the REST API and the scheduler. */
describe('closing a major hazard (销号) (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set('2026-03-01T00:00:00Z'));

  const historyOf = (id: string, app = t) => history(app, id);

  /** A hazard rectified at APPLIED's time, ready to apply for closure. */
  async function rectified(overrides: Record<string, unknown> = {}): Promise<string> {
    const major = (overrides.level ?? 'major') === 'major';
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major', ...overrides })).expect(201);
    const id: string = body.hazardId;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    if (major) await t.as(rectifier).post(`/api/v1/hazards/${id}/plan`).send(planBody).expect(200);
    clock.set(APPLIED);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200);
    return id;
  }

  it('verifies a major hazard only after the unit’s application; the answer names its review deadline', async () => {
    const id = await rectified();
    const refused = await t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '复核' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'HAZARD.CLOSURE_REQUIRED' });

    const applied = await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(200);
    expect(applied.body).toMatchObject({ hazardId: id, status: 'rectified', reviewDeadline: REVIEW_DEADLINE });
    const state = (await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body;
    expect(state.closureApplication).toMatchObject({ appliedAt: APPLIED, assessedBy: 'experts', resumeProduction: true, reviewDeadline: REVIEW_DEADLINE, reviewOverdue: false });

    await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(409);
    await t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '现场复核，同意销号和恢复生产' }).expect(200)
      .expect(({ body }) => expect(body.status).toBe('verified'));
    const verified = (await historyOf(id)).find((e) => e.type === 'HazardVerified');
    expect(verified?.data).toMatchObject({ closure: { appliedAt: APPLIED, resumeProduction: true, reviewOverdue: false }, verifierAuthority: 'county' });
  });

  it('refuses bad applications with 400, a general hazard with 422, an unrectified one with 409, and another unit with 403', async () => {
    const id = await rectified();
    const bad = await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody({ assessedBy: 'friends', evidence: [] })).expect(400);
    expect(bad.body.message).toMatch(/assessedBy/);
    expect(bad.body.message).toMatch(/evidence/);
    const general = await rectified({ level: 'general', location: '一般隐患 1' });
    expect((await t.as(rectifier).post(`/api/v1/hazards/${general}/closure-applications`).send(closureBody()).expect(422)).body.code).toBe('HAZARD.CLOSURE_ONLY_FOR_MAJOR');
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major' })).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${body.hazardId}/assignments`).send(assignBody({ deadline: '2026-04-30T18:00:00+08:00' })).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${body.hazardId}/closure-applications`).send(closureBody()).expect(409);
    await t.as({ ...rectifier, sub: 'rect-other', unitId: 'UNIT-OTHER' }).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(403);
  });

  it('under city supervision, closing needs a city authority or higher (403 with the levels), or an admin', async () => {
    const id = await rectified();
    await t.as(admin).post(`/api/v1/hazards/${id}/supervision`).send({ authorityLevel: 'city', reason: 'manual' }).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(200);

    const county = await t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '复核' }).expect(403);
    expect(county.body).toMatchObject({ code: 'ACCESS.AUTHORITY_INSUFFICIENT', details: { required: 'city', authority: 'county' } });
    await t.as({ ...supervisor2, authority: undefined }).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '复核' }).expect(403);
    await t.as({ ...supervisor2, authority: 'city' }).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '市级复核' }).expect(200);
  });

  it('a plan may carry its 治理资金 in yuan to the fen; more decimals or a negative amount is 400 naming it', async () => {
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major', location: '治理资金' })).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${body.hazardId}/assignments`).send(assignBody()).expect(200);
    for (const fundingAmount of [200000.555, -1, 'much']) {
      const bad = await t.as(rectifier).post(`/api/v1/hazards/${body.hazardId}/plan`).send({ ...planBody, fundingAmount }).expect(400);
      expect(bad.body.message).toMatch(/fundingAmount/);
    }
    await t.as(rectifier).post(`/api/v1/hazards/${body.hazardId}/plan`).send({ ...planBody, fundingAmount: 200000.55 }).expect(200);
    expect((await t.as(admin).get(`/api/v1/hazards/${body.hazardId}`).expect(200)).body.plan).toMatchObject({ funding: planBody.funding, fundingAmount: 200000.55 });
  });

  it('a token with an unknown authority is 401', async () => {
    await t.as({ ...supervisor, authority: 'village' }).get('/api/v1/hazards').expect(401);
  });

  it('records an unreviewed application once, 1 ms after its deadline, across two schedulers and a restart; the scorecard counts it once', async () => {
    const id = await rectified({ location: '超期审查 调压箱' });
    await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(200);
    const second = await TestApp.start({ clock, env, dataDir: t.dataDir });
    try {
      clock.set(REVIEW_DEADLINE);
      await Promise.all([settledScan(t.app), settledScan(second.app)]);
      expect((await historyOf(id)).filter((e) => e.type === 'ClosureReviewOverdue')).toHaveLength(0);

      clock.set('2026-03-22T00:00:00.001Z');
      await Promise.all([settledScan(t.app), settledScan(second.app), settledScan(t.app)]);
      await second.restart();
      await Promise.all([settledScan(second.app), settledScan(t.app)]);
    } finally {
      await second.stop({ keepData: true });
    }
    const overdue = (await historyOf(id)).filter((e) => e.type === 'ClosureReviewOverdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      data: { reviewDeadline: REVIEW_DEADLINE, detectedAt: '2026-03-22T00:00:00.001Z', chargedTo: 'dept-gas' },
      metadata: { actor: { userId: 'system' } },
    });

    clock.set('2026-03-25T00:00:00Z');
    await t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '逾期复核' }).expect(200);
    await settledScan(t.app);
    expect((await historyOf(id)).filter((e) => e.type === 'ClosureReviewOverdue')).toHaveLength(1);
    expect((await historyOf(id)).find((e) => e.type === 'HazardVerified')?.data).toMatchObject({ closure: { reviewOverdue: true } });

    const trail = (await t.as(admin).get(`/api/v1/hazards/${id}/trail`).expect(200)).body;
    expect(trail.cycles[0].closures).toEqual([
      expect.objectContaining({ appliedAt: APPLIED, reviewDeadline: REVIEW_DEADLINE, reviewOverdue: true, chargedTo: 'dept-gas', outcome: 'passed', reviewedBy: supervisor2.sub }),
    ]);
    await processesSettled(t.app);
    const departments = (await t.as(admin).get('/api/v1/dashboard/departments').expect(200)).body.items;
    expect(departments.find((d: { department: string }) => d.department === 'dept-gas')).toMatchObject({ closureReviewsOverdue: 1 });
  });

  it('CLOSURE_REQUIRED=false restores the earlier verification of major hazards', async () => {
    const legacy = await TestApp.start({ clock, env: { ...env, CLOSURE_REQUIRED: 'false' } });
    try {
      const { body } = await legacy.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major' })).expect(201);
      await legacy.as(supervisor).post(`/api/v1/hazards/${body.hazardId}/assignments`).send(assignBody()).expect(200);
      await legacy.as(rectifier).post(`/api/v1/hazards/${body.hazardId}/plan`).send(planBody).expect(200);
      clock.set(APPLIED);
      await legacy.as(rectifier).post(`/api/v1/hazards/${body.hazardId}/rectifications`).send(rectificationBody()).expect(200);
      await legacy.as({ ...supervisor2, authority: undefined }).post(`/api/v1/hazards/${body.hazardId}/verifications`).send({ passed: true, notes: '复核' }).expect(200);
    } finally {
      await legacy.stop();
    }
  });
});
