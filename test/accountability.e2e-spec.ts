import Database from 'better-sqlite3';
import { join } from 'node:path';
import { admin, inspector, rectifier, reviewer, supervisor } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

describe('time travel and integrity for reviewers (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));

  beforeAll(async () => {
    t = await TestApp.start({ clock });
  });
  afterAll(() => t.stop());

  it('as-of answers equal the state the API returned at each moment', async () => {
    const snapshots: { at: string; revision: number; body: unknown }[] = [];
    const snapshot = async (id: string) => {
      const res = await t.as(reviewer).get(`/api/v1/hazards/${id}`).expect(200);
      snapshots.push({ at: clock.now().toISOString(), revision: res.body.revision, body: res.body });
    };
    clock.set('2026-03-01T01:00:00Z');
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    const id = found.hazardId;
    await snapshot(id);
    clock.set('2026-03-02T01:00:00Z');
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    await snapshot(id);
    clock.set('2026-03-12T01:00:00Z');
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200);
    await snapshot(id);
    clock.set('2026-03-13T01:00:00Z');
    await t.as(admin).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: 'ok' }).expect(200);
    await snapshot(id);

    for (const s of snapshots) {
      const byTime = await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ asOf: s.at }).expect(200);
      expect(byTime.body).toEqual(s.body);
      const byRevision = await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ revision: s.revision }).expect(200);
      expect(byRevision.body).toEqual(s.body);
    }
    const between = await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ asOf: '2026-03-05T00:00:00+08:00' }).expect(200);
    expect(between.body).toEqual(snapshots[1]!.body);

    const before = await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ asOf: '2026-02-01T00:00:00Z' }).expect(404);
    expect(before.body.message).toContain('did not exist yet');
    await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ asOf: 'last tuesday' }).expect(400)
      .expect(({ body }) => expect(body.message).toContain('asOf'));
    await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ revision: 'x' }).expect(400);
    await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).expect(400);
    await t.as(reviewer).get(`/api/v1/hazards/${id}/state`).query({ revision: 99 }).expect(404);
  });

  it('the integrity endpoints find an edited event by stream and revision', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    const id = found.hazardId;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    await t.as(reviewer).get(`/api/v1/hazards/${id}/integrity`).expect(200).expect(({ body }) => expect(body).toEqual({ valid: true, events: 2 }));
    const whole = await t.as(reviewer).get('/api/v1/integrity').expect(200);
    expect(whole.body).toMatchObject({ valid: true, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(whole.body.streams).toBeGreaterThanOrEqual(2);

    const db = new Database(join(t.dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = json_set(data, '$.deadline', '2026-12-31T00:00:00+08:00') WHERE stream_id = ? AND revision = 1`).run(`hazard-${id}`);
    db.close();

    const stream = await t.as(reviewer).get(`/api/v1/hazards/${id}/integrity`).expect(200);
    expect(stream.body).toMatchObject({ valid: false, events: 2, brokenAt: { streamId: `hazard-${id}`, revision: 1, reason: 'hash-mismatch' } });
    const store = await t.as(reviewer).get('/api/v1/integrity').expect(200);
    expect(store.body.valid).toBe(false);
    expect(store.body.brokenAt).toEqual([expect.objectContaining({ streamId: `hazard-${id}`, revision: 1 })]);
  });

  it('the trail computes responsibility, overdue days, a verification that did not hold and 迟报 from the events', async () => {
    clock.set('2026-03-03T00:00:00Z');
    const report = reportBody({ discoveredAt: '2026-03-01T00:00:00Z' });
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(report).expect(201);
    const id = found.hazardId;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody({ responsibleUnitId: 'UNIT-OTHER', deadline: '2026-03-10T00:00:00Z' })).expect(200);
    clock.set('2026-03-05T00:00:00Z');
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody({ deadline: '2026-03-10T00:00:00Z' })).expect(200);
    clock.set('2026-03-13T00:00:00Z');
    await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody({ completedAt: '2026-03-12T00:00:00Z' })).expect(200);
    clock.set('2026-03-14T00:00:00Z');
    await t.as(admin).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: 'ok' }).expect(200);
    clock.set('2026-03-20T00:00:00Z');
    await t.as(inspector).post('/api/v1/hazards').send({ ...report, discoveredAt: '2026-03-19T20:00:00Z' }).expect(200);

    const { body: trail } = await t.as(reviewer).get(`/api/v1/hazards/${id}/trail`).expect(200);
    expect(trail.reporting).toMatchObject({ delayHours: 48, late: true, reportedBy: inspector.sub });
    expect(trail.cycles).toHaveLength(2);
    const [first, second] = trail.cycles;
    expect(first.responsibility.map((r: { responsibleUnitId: string }) => r.responsibleUnitId)).toEqual(['UNIT-OTHER', 'UNIT-GASCO']);
    expect(first.responsibility[0]).toMatchObject({ from: '2026-03-03T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z', days: 2 });
    expect(first.overdueDaysByUnit).toEqual({ 'UNIT-OTHER': 0, 'UNIT-GASCO': 2 });
    expect(first).toMatchObject({ rectifiedAt: '2026-03-12T00:00:00Z', onTime: false });
    expect(first.verification).toMatchObject({ by: admin.sub, held: false });
    expect(second).toMatchObject({ occurrence: 2, cause: 'found-again' });
    expect(trail.refindings[0]).toMatchObject({ delayHours: 4, late: false });
  });
});
