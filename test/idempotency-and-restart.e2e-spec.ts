import { admin, inspector, supervisor } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

describe('idempotent replay and restarts on the same DATA_DIR (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));

  beforeAll(async () => {
    t = await TestApp.start({ clock });
  });
  afterAll(() => t.stop());

  const historyOf = async (id: string) => (await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200)).body.events;

  it('the same key and body replays the first response and appends nothing, even after a restart', async () => {
    const body = reportBody();
    const first = await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'report-1').send(body).expect(201);
    const second = await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'report-1').send(body).expect(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await historyOf(first.body.hazardId)).toHaveLength(1);

    await t.restart();
    const afterRestart = await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'report-1').send(body).expect(201);
    expect(afterRestart.body).toEqual(first.body);
    expect(await historyOf(first.body.hazardId)).toHaveLength(1);
  });

  it('the same key with another body is 422 and appends nothing', async () => {
    const body = reportBody();
    const first = await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'report-2').send(body).expect(201);
    const res = await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'report-2').send({ ...body, description: 'other' }).expect(422);
    expect(res.body.message).toContain('Idempotency-Key');
    expect(await historyOf(first.body.hazardId)).toHaveLength(1);
  });

  it('simultaneous duplicates with one key make one command', async () => {
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    const send = () => t.as(supervisor).post(`/api/v1/hazards/${found.hazardId}/assignments`).set('Idempotency-Key', 'assign-1').send(assignBody());
    const responses = await Promise.all([send(), send(), send()]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect((await historyOf(found.hazardId)).map((e: { type: string }) => e.type)).toEqual(['HazardFound', 'RectificationAssigned']);
  });

  it('a key is per user: another user with the same key is another command', async () => {
    const body = reportBody();
    await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'shared').send(body).expect(201);
    await t.as({ ...inspector, sub: 'insp-other' }).post('/api/v1/hazards').set('Idempotency-Key', 'shared').send(body).expect(200);
  });

  it('a restart keeps every event and their hash chain', async () => {
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${found.hazardId}/assignments`).send(assignBody()).expect(200);
    const before = await historyOf(found.hazardId);
    const headBefore = (await t.http().get('/health').expect(200)).body.details.eventStore.headPosition;
    await t.restart();
    expect(await historyOf(found.hazardId)).toEqual(before);
    expect((await t.http().get('/health').expect(200)).body.details.eventStore.headPosition).toBe(headBefore);
    expect(before[1].metadata.prevHash).toBe(before[0].metadata.hash);
  });
});
