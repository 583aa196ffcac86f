import { eventually } from './support/processes-probe';
import { admin, inspector, reviewer, supervisor } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { TestApp } from './support/test-app';

/** The one test on the real clock: a deadline two seconds ahead, a scan every 200 ms, nothing faked. */
describe('the deadline scheduler on the real clock (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ env: { DEADLINE_SCAN_MS: '200' } });
  });
  afterAll(() => t.stop());

  it('notices a deadline two seconds ahead once it passes: history, state and the overdue dashboard', async () => {
    const discoveredAt = new Date(Date.now() - 60_000).toISOString();
    const { body: found } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ discoveredAt })).expect(201);
    const id = found.hazardId;
    const deadline = new Date(Date.now() + 2_000).toISOString();
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody({ deadline })).expect(200);

    const overdue = await eventually(
      async () => {
        const { body } = await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200);
        return body.events.find((e: { type: string }) => e.type === 'RectificationOverdue') as { position: number; data: { deadline: string; detectedAt: string } } | undefined;
      },
      'RectificationOverdue in the history',
      15_000,
    );
    expect(overdue.data.deadline).toBe(deadline);
    expect(Date.parse(overdue.data.detectedAt)).toBeGreaterThan(Date.parse(deadline));

    const state = await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200);
    expect(state.body).toMatchObject({ status: 'assigned', overdue: true, overdueDeadline: deadline });

    // Read-your-writes on the read model: wait until the projector has passed the overdue event.
    await eventually(
      async () => {
        const res = await t.as(reviewer).get('/api/v1/dashboard/overdue').query({ minPosition: overdue.position });
        expect(res.status).toBe(200); // the route is the projector's (API.md): fail now, not after the timeout
        return JSON.stringify(res.body).includes(id);
      },
      'the hazard in /api/v1/dashboard/overdue',
      10_000,
    );
  });
});
