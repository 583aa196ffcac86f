import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { eventIdFor } from '@hazard/event-store';
import { eventually, processesSettled, settledScan } from './support/processes-probe';
import { admin, inspector, inspector2, rectifier, supervisor, supervisor2 } from './support/actors';
import { assignBody, closureBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

interface HistoryEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: { userId: string }; causationId: string; correlationId: string; commandId: string };
}

const env = { DEADLINE_SCAN_MS: '20' };

describe('escalation rules through the REST API (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set('2026-03-01T00:00:00Z'));

  const historyOf = async (id: string, app = t): Promise<HistoryEvent[]> => (await app.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200)).body.events;
  const supervisionOf = async (id: string, app = t) => (await historyOf(id, app)).filter((e) => e.type === 'SupervisionImposed' || e.type === 'SupervisionLifted');
  /** The lifecycle without the 文号 the numbering process manager records whenever it gets to it. */
  const lifecycleOf = async (id: string, app = t) => (await historyOf(id, app)).filter((e) => e.type !== 'SupervisionDocumentNumbered');
  const report = async (overrides: Record<string, unknown> = {}, app = t): Promise<string> =>
    (await app.as(inspector).post('/api/v1/hazards').send(reportBody(overrides)).expect(201)).body.hazardId;

  /** Assign, (plan,) rectify and verify one cycle, at the fake clock's current day. */
  async function completeCycle(id: string, major = false): Promise<void> {
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    if (major) await t.as(rectifier).post(`/api/v1/hazards/${id}/plan`).send(planBody).expect(200);
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody({ completedAt: clock.now().toISOString() })).expect(200);
    if (major) await t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()).expect(200);
    await t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '复核通过' }).expect(200);
  }

  it('a major hazard is put under county-level supervision when found, by the system, caused by the finding', async () => {
    const id = await report({ level: 'major' });
    await processesSettled(t.app);
    const [found, imposed, ...rest] = await lifecycleOf(id);
    expect(rest).toEqual([]);
    // Escalations are numbered too: the system's imposition gets the next 文号, once.
    const numbered = (await historyOf(id)).filter((e) => e.type === 'SupervisionDocumentNumbered');
    expect(numbered).toEqual([expect.objectContaining({ data: expect.objectContaining({ supervisionId: imposed!.data.supervisionId, documentNo: expect.stringMatching(/^安委办督〔2026〕\d+号$/) }) })]);
    expect(imposed).toMatchObject({
      type: 'SupervisionImposed',
      data: { authorityLevel: 'county', reason: 'major', imposedBy: 'system', department: 'system' },
      metadata: { actor: { userId: 'system' }, correlationId: found!.metadata.correlationId },
    });
    expect(imposed!.metadata.causationId).toBe(eventIdFor(found!.metadata.commandId, 0)); // caused by the event itself
    expect((await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body).toMatchObject({ underSupervision: true, supervision: { authorityLevel: 'county', reason: 'major' } });
  });

  it('and when it is graded major later', async () => {
    const id = await report();
    await processesSettled(t.app);
    expect(await supervisionOf(id)).toEqual([]);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/level`).send({ level: 'major', reason: '复核认定为重大事故隐患' }).expect(200);
    await eventually(async () => (await supervisionOf(id)).length > 0, 'SupervisionImposed');
    expect((await supervisionOf(id)).map((e) => e.data)).toEqual([expect.objectContaining({ authorityLevel: 'county', reason: 'major' })]);
  });

  it('a major hazard that goes overdue is escalated to city-level supervision', async () => {
    const id = await report({ level: 'major' });
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    clock.set('2026-04-01T00:00:00Z');
    await settledScan(t.app);
    await processesSettled(t.app);
    const history = await lifecycleOf(id);
    expect(history.map((e) => e.type)).toEqual(['HazardFound', 'SupervisionImposed', 'RectificationAssigned', 'RectificationOverdue', 'SupervisionImposed']);
    expect(history[4]).toMatchObject({
      data: { authorityLevel: 'city', reason: 'overdue', imposedBy: 'system' },
      metadata: { correlationId: history[3]!.metadata.correlationId, causationId: eventIdFor(history[3]!.metadata.commandId, 0) },
    });
    expect((await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body).toMatchObject({ overdue: true, supervision: { authorityLevel: 'city', reason: 'overdue' } });
  });

  it('a general hazard that goes overdue is not escalated', async () => {
    const id = await report();
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    clock.set('2026-04-01T00:00:00Z');
    await settledScan(t.app);
    expect((await lifecycleOf(id)).map((e) => e.type)).toEqual(['HazardFound', 'RectificationAssigned', 'RectificationOverdue']);
  });

  it('a hazard found for the third time is put under supervision for recurrence', async () => {
    const key = { location: `屡查屡犯 ${Date.now()}` };
    const id = await report(key);
    clock.set('2026-03-12T00:00:00Z');
    await completeCycle(id);
    await t.as(inspector2).post('/api/v1/hazards').send(reportBody(key)).expect(200).expect(({ body }) => expect(body.occurrence).toBe(2));
    await completeCycle(id);
    await processesSettled(t.app);
    expect(await supervisionOf(id)).toEqual([]);

    await t.as(inspector2).post('/api/v1/hazards').send(reportBody(key)).expect(200).expect(({ body }) => expect(body.occurrence).toBe(3));
    await eventually(async () => (await supervisionOf(id)).length > 0, 'SupervisionImposed');
    expect((await supervisionOf(id)).map((e) => e.data)).toEqual([expect.objectContaining({ authorityLevel: 'county', reason: 'recurrence', imposedBy: 'system' })]);
  });

  it('supervision is lifted when the hazard is verified', async () => {
    const id = await report({ level: 'major' });
    await processesSettled(t.app);
    clock.set('2026-03-12T00:00:00Z');
    await completeCycle(id, true);
    await eventually(async () => (await supervisionOf(id)).length === 2, 'SupervisionLifted');
    const [, lifted] = await supervisionOf(id);
    expect(lifted).toMatchObject({ type: 'SupervisionLifted', data: { reason: 'verified', liftedBy: 'system' }, metadata: { actor: { userId: 'system' } } });
    expect((await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body).toMatchObject({ status: 'verified', underSupervision: false });
  });

  it('redelivering every event (processes.sqlite lost) records no escalation twice', async () => {
    const key = { level: 'major', location: `重复投递 ${Date.now()}` };
    const ids = [await report({ level: 'major' }), await report(key)];
    await t.as(supervisor).post(`/api/v1/hazards/${ids[0]}/assignments`).send(assignBody()).expect(200);
    // The second one is supervised, verified (lifted) and found again: only the commandId stops a redelivered
    // HazardFound from supervising it a second time, since the decider would now accept that command.
    clock.set('2026-03-12T00:00:00Z');
    await processesSettled(t.app);
    await completeCycle(ids[1]!, true);
    await processesSettled(t.app);
    await t.as(inspector2).post('/api/v1/hazards').send(reportBody(key)).expect(200);
    clock.set('2026-04-01T00:00:00Z');
    await settledScan(t.app);
    const before = await Promise.all(ids.map((id) => historyOf(id)));
    expect(before[0]!.filter((e) => e.type === 'SupervisionImposed')).toHaveLength(2);
    expect(before[1]!.map((e) => e.type).slice(-3)).toEqual(['HazardVerified', 'SupervisionLifted', 'HazardFoundAgain']);

    await t.app.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(t.dataDir, `processes.sqlite${suffix}`), { force: true });
    await t.restart();
    await settledScan(t.app);
    expect(await Promise.all(ids.map((id) => historyOf(id)))).toEqual(before);
  });
});

describe('escalation with SUPERVISE_MAJOR=false (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ clock: new FakeClock(), env: { ...env, SUPERVISE_MAJOR: 'false' } });
  });
  afterAll(() => t.stop());

  it('a major hazard is not put under supervision when found', async () => {
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ level: 'major' })).expect(201);
    await processesSettled(t.app);
    const history = await t.as(admin).get(`/api/v1/hazards/${body.hazardId}/history`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['HazardFound']);
  });
});
