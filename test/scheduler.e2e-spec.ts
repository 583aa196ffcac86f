import { eventually, processesSettled, settledScan } from './support/processes-probe';
import { admin, inspector, rectifier, supervisor } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

interface HistoryEvent {
  type: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
  metadata: { actor: { userId: string }; causationId: string; correlationId: string };
}

const DEADLINE = '2026-03-15T18:00:00+08:00';
const NEW_DEADLINE = '2026-03-31T18:00:00+08:00';
const BEFORE_DEADLINE = '2026-03-10T00:00:00Z';
const AFTER_DEADLINE = '2026-03-16T00:00:00Z';
const AFTER_NEW_DEADLINE = '2026-04-01T00:00:00Z';
// Fast scans so the background loop races the tests' own scans, as a second instance would.
const env = { DEADLINE_SCAN_MS: '20', SUPERVISE_MAJOR: 'false' };

describe('the deadline scheduler, with a fake clock (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set('2026-03-01T00:00:00Z'));

  const historyOf = async (id: string, app = t): Promise<HistoryEvent[]> => (await app.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200)).body.events;
  const overduesOf = async (id: string, app = t) => (await historyOf(id, app)).filter((e) => e.type === 'RectificationOverdue').map((e) => e.data.deadline);

  async function assignedHazard(deadline = DEADLINE): Promise<string> {
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${body.hazardId}/assignments`).send(assignBody({ deadline })).expect(200);
    return body.hazardId;
  }

  async function extend(id: string, newDeadline: string): Promise<void> {
    await t.as(rectifier).post(`/api/v1/hazards/${id}/extension-requests`).send({ newDeadline, reason: '设备到货延迟' }).expect(200);
    await t.as(supervisor).post(`/api/v1/hazards/${id}/extension-decisions`).send({ approved: true, reason: '同意' }).expect(200);
  }

  it('records a passed deadline once, as the system, caused by the assignment', async () => {
    const id = await assignedHazard();
    clock.set(BEFORE_DEADLINE);
    await settledScan(t.app);
    expect(await overduesOf(id)).toEqual([]);

    clock.set(AFTER_DEADLINE);
    await settledScan(t.app);
    await Promise.all([settledScan(t.app), settledScan(t.app)]);
    clock.set(AFTER_NEW_DEADLINE);
    await settledScan(t.app);

    const history = await historyOf(id);
    const overdue = history.filter((e) => e.type === 'RectificationOverdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.data).toMatchObject({ deadline: DEADLINE, responsibleUnitId: 'UNIT-GASCO', occurrence: 1 });
    const assigned = history.find((e) => e.type === 'RectificationAssigned')!;
    expect(overdue[0]!.metadata).toMatchObject({ actor: { userId: 'system' }, causationId: expect.any(String), correlationId: assigned.metadata.correlationId });
    const state = await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200);
    expect(state.body).toMatchObject({ status: 'assigned', overdue: true, overdueDeadline: DEADLINE });
  });

  it('records nothing for a hazard rectified before its deadline', async () => {
    const id = await assignedHazard();
    clock.set('2026-03-11T00:00:00Z');
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200);
    clock.set(AFTER_NEW_DEADLINE);
    expect(await settledScan(t.app)).toMatchObject({ due: 0 });
    expect(await overduesOf(id)).toEqual([]);
  });

  it('after an extension granted in time, records only the new deadline', async () => {
    const id = await assignedHazard();
    clock.set(BEFORE_DEADLINE);
    await extend(id, NEW_DEADLINE);
    clock.set(AFTER_DEADLINE);
    await settledScan(t.app);
    expect(await overduesOf(id)).toEqual([]);
    clock.set(AFTER_NEW_DEADLINE);
    await settledScan(t.app);
    expect(await overduesOf(id)).toEqual([NEW_DEADLINE]);
  });

  it('an overdue hazard that gets an extension goes overdue again on the new deadline, once', async () => {
    const id = await assignedHazard();
    clock.set(AFTER_DEADLINE);
    await settledScan(t.app);
    await extend(id, NEW_DEADLINE);
    expect((await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).body.overdue).toBe(false);
    await settledScan(t.app);
    expect(await overduesOf(id)).toEqual([DEADLINE]);
    clock.set(AFTER_NEW_DEADLINE);
    await settledScan(t.app);
    await settledScan(t.app);
    expect(await overduesOf(id)).toEqual([DEADLINE, NEW_DEADLINE]);
  });

  it('the background scan finds a passed deadline by itself', async () => {
    const id = await assignedHazard();
    clock.set(AFTER_DEADLINE);
    await eventually(async () => (await overduesOf(id)).length > 0, 'RectificationOverdue from the background scan');
    expect(await overduesOf(id)).toEqual([DEADLINE]);
  });

  it('a restart in the middle loses and doubles nothing, even one that forgets every checkpoint', async () => {
    const early = await assignedHazard(DEADLINE);
    const late = await assignedHazard(NEW_DEADLINE);
    const whileDown = await assignedHazard('2026-03-20T18:00:00+08:00');
    clock.set(AFTER_DEADLINE);
    await settledScan(t.app);
    expect(await overduesOf(early)).toEqual([DEADLINE]);

    await t.app.close();
    clock.set('2026-03-25T00:00:00Z'); // passes while no scheduler runs
    await t.restart();
    await settledScan(t.app);
    expect(await overduesOf(whileDown)).toEqual(['2026-03-20T18:00:00+08:00']);

    await t.restart();
    clock.set(AFTER_NEW_DEADLINE);
    await settledScan(t.app);
    expect(await overduesOf(late)).toEqual([NEW_DEADLINE]);

    // The worst redelivery: processes.sqlite gone, so every event is consumed again and every due deadline re-sent.
    const before = await Promise.all([early, late, whileDown].map((id) => historyOf(id)));
    await t.app.close();
    const { rmSync } = await import('node:fs');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${t.dataDir}/processes.sqlite${suffix}`, { force: true });
    await t.restart();
    await settledScan(t.app);
    expect(await Promise.all([early, late, whileDown].map((id) => historyOf(id)))).toEqual(before);
  });

  it('two scheduler instances on one DATA_DIR record one RectificationOverdue', async () => {
    const other = await TestApp.start({ clock, env, dataDir: t.dataDir });
    try {
      const id = await assignedHazard();
      await processesSettled(other.app);
      clock.set(AFTER_DEADLINE);
      await Promise.all([settledScan(t.app), settledScan(other.app), settledScan(t.app), settledScan(other.app)]);
      await eventually(async () => (await overduesOf(id, other)).length > 0, 'the overdue event');
      await Promise.all([settledScan(t.app), settledScan(other.app)]);
      expect(await overduesOf(id)).toEqual([DEADLINE]);
    } finally {
      await other.stop({ keepData: true });
    }
  });
});
