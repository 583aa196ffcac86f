import { admin, inspector, inspector2, rectifier, supervisor, supervisor2 } from './support/actors';
import { assignBody, closureBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

describe('the lifecycle of a major gas hazard (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false' } });
  });
  afterAll(() => t.stop());

  it('is reported, assigned, planned, fails verification, passes, and comes back as occurrence 2 on the same id', async () => {
    const report = reportBody({ level: 'major' });
    const found = await t.as(inspector).post('/api/v1/hazards').send(report).expect(201);
    const id = found.body.hazardId;
    expect(found.body).toMatchObject({ status: 'found', occurrence: 1, revision: 0, foundAgain: false });
    expect(found.body.position).toBeGreaterThan(0);

    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ status: 'assigned', revision: 1 }));

    clock.set('2026-03-12T00:00:00Z');
    const noPlan = await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(422);
    expect(noPlan.body).toMatchObject({ statusCode: 422, code: 'HAZARD.PLAN_REQUIRED' });

    await t.as(rectifier).post(`/api/v1/hazards/${id}/plan`).send(planBody).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200)
      .expect(({ body }) => expect(body.status).toBe('rectified'));

    await t.as(supervisor).post(`/api/v1/hazards/${id}/verifications`).send({ passed: false, notes: '报警装置未安装' }).expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ status: 'reopened', occurrence: 1 }));

    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`)
      .send(rectificationBody({ completedAt: '2026-03-11T17:00:00+08:00', measures: '补装泄漏报警装置' })).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(200);
    await t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '复核通过' }).expect(200)
      .expect(({ body }) => expect(body.status).toBe('verified'));

    const again = await t.as(inspector2).post('/api/v1/hazards').send({ ...report, description: '再次发现漏气', source: 'citizen-report' }).expect(200);
    expect(again.body).toMatchObject({ hazardId: id, status: 'reopened', occurrence: 2, foundAgain: true });

    const state = await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200);
    expect(state.headers.etag).toBe(`"${again.body.revision}"`);
    expect(state.body).toMatchObject({ hazardId: id, status: 'reopened', occurrence: 2, level: 'major', repeatFindings: 1 });
    expect(state.body.assignment).toBeUndefined();

    const history = await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'HazardFound',
      'RectificationAssigned',
      'RemediationPlanSubmitted',
      'HazardRectified',
      'VerificationFailed',
      'HazardRectified',
      'ClosureApplied',
      'HazardVerified',
      'HazardFoundAgain',
    ]);
    const verified = history.body.events[7];
    expect(verified.metadata).toMatchObject({ actor: { userId: supervisor2.sub, departmentId: 'dept-gas' }, occurredAt: '2026-03-12T00:00:00.000Z' });
    for (const e of history.body.events) {
      const schemaVersion = ({ HazardFound: 4, HazardFoundAgain: 3, HazardVerified: 2, VerificationFailed: 2 } as Record<string, number>)[e.type] ?? 1;
      expect(e.metadata).toEqual(expect.objectContaining({ commandId: expect.any(String), correlationId: expect.any(String), causationId: expect.any(String), schemaVersion }));
    }
    const positions = history.body.events.map((e: { position: number }) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('reports a hazard found again while still open without changing its status', async () => {
    const report = reportBody();
    const first = await t.as(inspector).post('/api/v1/hazards').send(report).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${first.body.hazardId}/assignments`).send(assignBody()).expect(200);
    const again = await t.as(inspector2).post('/api/v1/hazards').send(report).expect(200);
    expect(again.body).toMatchObject({ hazardId: first.body.hazardId, status: 'assigned', occurrence: 1, foundAgain: true });
    const state = await t.as(admin).get(`/api/v1/hazards/${first.body.hazardId}`).expect(200);
    expect(state.body.repeatFindings).toBe(1);
  });

  it('reassigns, extends a deadline on request, and reopens a verified hazard by decision', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    const id = found.hazardId;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody({ responsibleUnitId: 'UNIT-OTHER' })).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/extension-requests`).send({ newDeadline: '2026-04-30T18:00:00+08:00', reason: '设备到货延迟' }).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/extension-decisions`).send({ approved: true, reason: '同意' }).expect(200);
    const afterExtension = await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200);
    expect(afterExtension.body).toMatchObject({ deadline: '2026-04-30T18:00:00+08:00', extensionCount: 1, assignment: { responsibleUnitId: 'UNIT-GASCO' } });

    clock.set('2026-03-12T00:00:00Z');
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: 'ok' }).expect(200);
    const reopened = await t.as(supervisor).post(`/api/v1/hazards/${id}/reopenings`).send({ reason: '群众投诉' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', occurrence: 2 });
  });

  it('imposes and lifts supervision and reclassifies a hazard', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    const id = found.hazardId;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/level`).send({ level: 'major', reason: '复核认定' }).expect(200);
    await t.as(admin).post(`/api/v1/hazards/${id}/supervision`).send({ authorityLevel: 'city', reason: 'manual' }).expect(200);
    const state = await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200);
    expect(state.body).toMatchObject({ level: 'major', underSupervision: true, supervision: { authorityLevel: 'city', reason: 'manual' } });
    const early = await t.as(admin).delete(`/api/v1/hazards/${id}/supervision`).expect(409);
    expect(early.body.message).toContain('found');
  });
});
