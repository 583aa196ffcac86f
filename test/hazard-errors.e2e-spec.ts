import { admin, fireSupervisor, inspector, otherRectifier, otherRegionSupervisor, rectifier, reviewer, supervisor, supervisorOfUnit } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

/** Every error code of API.md, and that a refused command appends nothing. */
describe('errors of the command API (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));

  beforeAll(async () => {
    t = await TestApp.start({ clock });
  });
  afterAll(() => t.stop());

  async function newHazard(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.as(inspector).post('/api/v1/hazards').send(reportBody(overrides)).expect(201);
    return res.body.hazardId;
  }

  async function revisionOf(id: string): Promise<number> {
    const res = await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200);
    return res.body.events.length - 1;
  }

  describe('400 bad input names the field and appends nothing', () => {
    it.each([
      ['a missing field', { unitId: undefined }, 'unitId'],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['a bad level', { level: 'huge' }, 'level'],
      ['a bad source', { source: 'rumour' }, 'source'],
      ['a time without offset', { discoveredAt: '2026-02-28 09:30' }, 'discoveredAt'],
      ['evidence that is not a list', { evidence: 'photo.jpg' }, 'evidence'],
    ])('%s', async (_case, overrides, field) => {
      const body = reportBody(overrides);
      const res = await t.as(inspector).post('/api/v1/hazards').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain(field);
      const head = await t.http().get('/health').expect(200);
      expect(head.body.details.eventStore.headPosition).toBe(headBefore);
    });

    let headBefore = 0;
    beforeAll(async () => {
      headBefore = (await t.http().get('/health').expect(200)).body.details.eventStore.headPosition;
    });

    it('a malformed hazard id', async () => {
      const res = await t.as(supervisor).post('/api/v1/hazards/not-a-uuid/assignments').send(assignBody()).expect(400);
      expect(res.body.message).toContain('id');
    });

    it('a malformed If-Match', async () => {
      const id = await newHazard();
      const res = await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).set('If-Match', 'yesterday').send(assignBody()).expect(400);
      expect(res.body.message).toContain('If-Match');
    });
  });

  describe('401 and 403', () => {
    it('401 without a token, with a bad signature, or with malformed claims', async () => {
      await t.http().post('/api/v1/hazards').send(reportBody()).expect(401);
      await t.http().get('/api/v1/hazards/00000000-0000-0000-0000-000000000000').set('Authorization', 'Bearer abc.def.ghi').expect(401);
      const noRoles = t.token({ sub: 'x', dept: 'd', roles: [] });
      const res = await t.http().post('/api/v1/hazards').set('Authorization', `Bearer ${noRoles}`).send(reportBody()).expect(401);
      expect(res.body.message).toContain('roles');
    });

    it('403 for a role that may not, a sector or region outside the token, and a rectifier of another unit', async () => {
      const id = await newHazard();
      await t.as(reviewer).post('/api/v1/hazards').send(reportBody()).expect(403);
      await t.as(rectifier).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(403);
      await t.as(fireSupervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(403)
        .expect(({ body }) => expect(body.message).toContain('sector gas'));
      await t.as(otherRegionSupervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(403)
        .expect(({ body }) => expect(body.message).toContain('region 330102'));
      await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
      clock.set('2026-03-12T00:00:00Z');
      await t.as(otherRectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(403);
      expect(await revisionOf(id)).toBe(1);
    });
  });

  it('404 for an unknown hazard, on commands and queries', async () => {
    const unknown = '6d1f3c2a-0000-4000-8000-000000000000';
    await t.as(supervisor).post(`/api/v1/hazards/${unknown}/assignments`).send(assignBody()).expect(404);
    await t.as(admin).get(`/api/v1/hazards/${unknown}`).expect(404);
    await t.as(admin).get(`/api/v1/hazards/${unknown}/history`).expect(404);
  });

  it('409 names the current status and appends nothing', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const id = await newHazard();
    const res = await t.as(supervisor).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: 'x' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'HAZARD.ILLEGAL_TRANSITION', details: { status: 'found' } });
    expect(res.body.message).toContain('found');
    expect(await revisionOf(id)).toBe(0);
  });

  it('412 when If-Match is not the current revision; the matching one goes through', async () => {
    const id = await newHazard();
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).set('If-Match', '"3"').send(assignBody()).expect(412);
    expect(await revisionOf(id)).toBe(0);
    const etag = (await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).headers.etag;
    await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).set('If-Match', etag).send(assignBody()).expect(200);
  });

  describe('422 rules of the domain', () => {
    it('a deadline in the past', async () => {
      clock.set('2026-03-01T00:00:00Z');
      const id = await newHazard();
      const res = await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody({ deadline: '2026-02-01T00:00:00+08:00' })).expect(422);
      expect(res.body.code).toBe('HAZARD.DEADLINE_IN_PAST');
      expect(await revisionOf(id)).toBe(0);
    });

    it('an extension that does not move the deadline later', async () => {
      clock.set('2026-03-01T00:00:00Z');
      const id = await newHazard();
      await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
      const res = await t.as(rectifier).post(`/api/v1/hazards/${id}/extension-requests`)
        .send({ newDeadline: '2026-03-15T00:00:00+08:00', reason: 'x' }).expect(422);
      expect(res.body.code).toBe('HAZARD.EXTENSION_NOT_LATER');
    });

    it('separation of duties: the responsible unit may not verify its own fix', async () => {
      clock.set('2026-03-01T00:00:00Z');
      const id = await newHazard();
      await t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
      clock.set('2026-03-12T00:00:00Z');
      await t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()).expect(200);
      const res = await t.as(supervisorOfUnit).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: 'mine' }).expect(422);
      expect(res.body.code).toBe('HAZARD.SEPARATION_OF_DUTIES');
      expect(await revisionOf(id)).toBe(2);
    });

    it('a report discovered in the future', async () => {
      clock.set('2026-03-01T00:00:00Z');
      const res = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ discoveredAt: '2026-03-05T00:00:00+08:00' })).expect(422);
      expect(res.body.code).toBe('HAZARD.TIME_IN_FUTURE');
    });
  });
});
