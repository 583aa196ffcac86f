import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { hazardAggregateWith, hazardIdFor, DEFAULT_HAZARD_RULES, SYSTEM_ACTOR } from '@hazard/domain';
import { AggregateCommandRunner, SqliteEventStore } from '@hazard/event-store';
import { eventually, processesSettled } from './support/processes-probe';
import { admin, inspector, rectifier, supervisor } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { historyOf as history } from './support/history';
import { FakeClock, TestApp } from './support/test-app';

const env = { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '50' };

/** DESIGN.md "挂牌督办 as a formal act (督办通知书: 文号, 签发, 送达, 签收, 公示)" through the API and the process manager. */
describe('督办通知书: 文号, service and signature (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set('2026-03-01T00:00:00Z'));

  const historyOf = (id: string, app = t) => history(app, id);
  const hazard = async (location: string, app = t): Promise<string> =>
    (await app.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major', location })).expect(201)).body.hazardId;
  const impose = (id: string, body: Record<string, unknown> = {}, app = t) =>
    app.as(supervisor).post(`/api/v1/hazards/${id}/supervision`).send({ authorityLevel: 'county', reason: 'manual', ...body });

  it('numbers unnumbered impositions 〔2026〕1号, 2号; a given 文号 draws none; the year is TIME_ZONE’s', async () => {
    const first = await impose(await hazard('文号 1')).expect(200);
    expect(first.body).toMatchObject({ supervisionId: expect.any(String), documentNo: '安委办督〔2026〕1号', status: 'found' });
    const given = await impose(await hazard('文号 given'), { documentNo: '杭安委〔2026〕7号', issuedBy: '李四' }).expect(200);
    expect(given.body.documentNo).toBe('杭安委〔2026〕7号');
    expect((await impose(await hazard('文号 2')).expect(200)).body.documentNo).toBe('安委办督〔2026〕2号');

    clock.set('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 in Asia/Shanghai
    expect((await impose(await hazard('文号 2027')).expect(200)).body.documentNo).toBe('安委办督〔2027〕1号');

    const state = (await t.as(admin).get(`/api/v1/hazards/${first.body.hazardId}`).expect(200)).body;
    expect(state.supervision).toMatchObject({ supervisionId: first.body.supervisionId, documentNo: '安委办督〔2026〕1号', numbering: 'system', imposedAt: '2026-03-01T00:00:00.000Z' });
  });

  it('refuses publish without summary (400), a 文号 in the system’s form (422) and a planned completion in the past (422)', async () => {
    const id = await hazard('refusals');
    expect((await impose(id, { publish: true }).expect(400)).body.message).toMatch(/summary/);
    expect((await impose(id, { documentNo: '安委办督〔2026〕99号' }).expect(422)).body.code).toBe('HAZARD.DOC_NO_RESERVED');
    const past = await impose(id, { plannedCompletion: '2026-02-01T00:00:00+08:00' }).expect(422);
    expect(past.body).toMatchObject({ code: 'HAZARD.DEADLINE_IN_PAST', message: expect.stringContaining('plannedCompletion') });
    expect((await historyOf(id)).map((e) => e.type)).toEqual(['HazardFound']);
  });

  it('records service and signature in order; signOverdue is false at the sign-due and true 1 ms later', async () => {
    const id = await hazard('送达签收');
    await t.as(supervisor).post(`/api/v1/hazards/${id}/supervision/notice-service`).send({ servedBy: '王五', servedAt: '2026-03-01T08:00:00+08:00', recipient: '张三' }).expect(409);
    await impose(id).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    const early = await t.as(supervisor).post(`/api/v1/hazards/${id}/supervision/notice-service`).send({ servedBy: '王五', servedAt: '2026-02-28T08:00:00+08:00', recipient: '张三' }).expect(422);
    expect(early.body.code).toBe('HAZARD.SERVED_BEFORE_IMPOSED');
    await t.as(rectifier).post(`/api/v1/hazards/${id}/supervision/notice-signature`).send({ signedBy: '张三', signedAt: '2026-03-01T08:30:00+08:00' }).expect(409);

    clock.set('2026-03-02T00:00:00Z');
    await t.as(supervisor).post(`/api/v1/hazards/${id}/supervision/notice-service`).send({ servedBy: '王五', servedAt: '2026-03-01T09:00:00+08:00', recipient: '张三' }).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/supervision/notice-service`).send({ servedBy: '王五', servedAt: '2026-03-01T09:00:00+08:00', recipient: '张三' }).expect(409);
    const beforeService = await t.as(rectifier).post(`/api/v1/hazards/${id}/supervision/notice-signature`).send({ signedBy: '张三', signedAt: '2026-03-01T08:59:00+08:00' }).expect(422);
    expect(beforeService.body.code).toBe('HAZARD.SIGNED_BEFORE_SERVED');

    const signDue = '2026-03-04T00:00:00.000Z';
    clock.set(signDue);
    expect((await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body.supervision.notice).toMatchObject({ signDue, signOverdue: false, servedBy: '王五' });
    clock.set('2026-03-04T00:00:00.001Z');
    expect((await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body.supervision.notice.signOverdue).toBe(true);
    const asOf = (await t.as(admin).get(`/api/v1/hazards/${id}/state?asOf=2026-03-03T00:00:00Z`).expect(200)).body;
    expect(asOf.supervision.notice.signOverdue).toBe(false);

    await t.as(rectifier).post(`/api/v1/hazards/${id}/supervision/notice-signature`).send({ signedBy: '张三', signedAt: '2026-03-04T00:00:00.001Z' }).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/supervision/notice-signature`).send({ signedBy: '张三', signedAt: '2026-03-04T00:00:00.001Z' }).expect(409);
    const trail = (await t.as(admin).get(`/api/v1/hazards/${id}/trail`).expect(200)).body;
    expect(trail.supervision[0]).toMatchObject({ action: 'imposed', documentNo: expect.stringMatching(/^安委办督/), notice: { signedBy: '张三', signOverdue: true } });
  });

  it('numbers 50 concurrent impositions from two processes 1..50, each once', async () => {
    const fresh = await TestApp.start({ clock, env: { ...env, SUPERVISION_DOC_PREFIX: '并发督' } });
    const second = await TestApp.start({ clock, env: { ...env, SUPERVISION_DOC_PREFIX: '并发督' }, dataDir: fresh.dataDir });
    try {
      const apps = [fresh, second];
      const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => hazard(`并发 ${i}`, apps[i % 2])));
      const answers = await Promise.all(ids.map((id, i) => impose(id, {}, apps[i % 2]).expect(200)));
      const numbers = answers.map((a) => Number(/〔2026〕(\d+)号/.exec(a.body.documentNo)?.[1])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      await Promise.all([processesSettled(fresh.app), processesSettled(second.app)]);
      for (const id of ids) expect((await historyOf(id, fresh)).filter((e) => e.type === 'SupervisionDocumentNumbered')).toHaveLength(1);
    } finally {
      await second.stop({ keepData: true });
      await fresh.stop();
    }
  });

  it('finishes a numbering interrupted after SupervisionImposed, once, and a replay of the process manager appends nothing', async () => {
    const crashed = await TestApp.start({ clock, env });
    const dataDir = crashed.dataDir;
    await crashed.stop({ keepData: true });
    // The "crash": the imposition is recorded by the command path alone, and nothing numbers it.
    const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    const runner = new AggregateCommandRunner(store, hazardAggregateWith(DEFAULT_HAZARD_RULES), () => clock.now());
    const report = reportBody({ level: 'major', location: '中断的编号' });
    const hazardId = hazardIdFor(report);
    const context = (commandId: string) => ({ actor: { ...SYSTEM_ACTOR, userId: 'sup-zhao', roles: ['supervisor' as const], sectors: ['gas'], regions: ['3301'] }, commandId, correlationId: commandId, causationId: commandId });
    await runner.run({ type: 'ReportHazard', hazardId, data: { ...(report as unknown as Record<string, never>), evidence: [] } as never }, context('c-report'));
    await runner.run({ type: 'ImposeSupervision', hazardId, data: { authorityLevel: 'county', reason: 'manual' } }, context('c-impose'));
    await store.close();

    const restarted = await TestApp.start({ clock, env, dataDir });
    try {
      await eventually(async () => (await historyOf(hazardId, restarted)).some((e) => e.type === 'SupervisionDocumentNumbered'), 'the numbering');
      await processesSettled(restarted.app);
      const after = await historyOf(hazardId, restarted);
      expect(after.filter((e) => e.type === 'SupervisionDocumentNumbered').map((e) => e.data.documentNo)).toEqual(['安委办督〔2026〕1号']);

      await restarted.app.close();
      rmSync(join(dataDir, 'processes.sqlite'), { force: true }); // every event is delivered to the process manager again
      await restarted.restart();
      await processesSettled(restarted.app);
      expect(await historyOf(hazardId, restarted)).toEqual(after);
      const integrity = (await restarted.as(admin).get('/api/v1/integrity').expect(200)).body;
      expect(integrity).toMatchObject({ valid: true, streams: 2 });
    } finally {
      await restarted.stop();
    }
  });
});
