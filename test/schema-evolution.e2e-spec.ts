import { hazardIdFor, streamIdFor } from '@hazard/domain';
import { chainEvents, eventIdFor, GENESIS_HASH, SqliteEventStore } from '@hazard/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspector, reviewer, supervisor } from './support/actors';
import { assignBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

/** A store written by an older version: HazardFound v1 had no gridId field at all. */
async function storeWithV1Hazard(dataDir: string): Promise<string> {
  const key = { unitId: 'UNIT-GASCO', location: '老厂区 1号调压站', categoryCode: 'GAS-PIPE-AGING' };
  const hazardId = hazardIdFor(key);
  const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
  const v1Found = {
    id: eventIdFor('legacy-command-1', 0),
    type: 'HazardFound',
    data: {
      hazardId, ...key, unitName: '某某燃气有限公司', sector: 'gas', regionCode: '330102', level: 'general',
      source: 'inspection', description: '旧版本记录的隐患', discoveredAt: '2025-12-01T09:00:00+08:00', evidence: [],
      reportedBy: 'insp-old', reportingDepartment: 'dept-gas',
    },
    metadata: {
      commandId: 'legacy-command-1', correlationId: 'legacy-command-1', causationId: 'legacy-command-1',
      actor: { userId: 'insp-old', departmentId: 'dept-gas', roles: ['inspector'] }, occurredAt: '2025-12-01T10:00:00.000Z', schemaVersion: 1,
    },
  };
  await store.append(streamIdFor(hazardId), chainEvents(GENESIS_HASH, [v1Found]), { expectedRevision: -1 });
  await store.close();
  return hazardId;
}

describe('schema evolution: v1 events are upcast on read, never rewritten (e2e)', () => {
  let t: TestApp;
  let hazardId: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hazard-v1-'));
    hazardId = await storeWithV1Hazard(dataDir);
    t = await TestApp.start({ dataDir, clock: new FakeClock(new Date('2026-03-01T00:00:00Z')) });
  });
  afterAll(() => t.stop());

  it('reads a v1 HazardFound as v2 with gridId null', async () => {
    const res = await t.as(reviewer).get(`/api/v1/hazards/${hazardId}`).expect(200);
    expect(res.body).toMatchObject({ hazardId, gridId: null, status: 'found', description: '旧版本记录的隐患' });
  });

  it('decides new commands on the upcast state and keeps the stored v1 event as it was', async () => {
    await t.as(supervisor).post(`/api/v1/hazards/${hazardId}/assignments`).send(assignBody()).expect(200);
    const history = await t.as(reviewer).get(`/api/v1/hazards/${hazardId}/history`).expect(200);
    const [found, assigned] = history.body.events;
    expect(found.metadata.schemaVersion).toBe(1);
    expect(found.data).not.toHaveProperty('gridId');
    expect(assigned.type).toBe('RectificationAssigned');
    await t.as(reviewer).get(`/api/v1/hazards/${hazardId}/integrity`).expect(200).expect(({ body }) => expect(body.valid).toBe(true));
  });

  it('new reports are written as v4 with an explicit gridId, basisCode and tipNo', async () => {
    const res = await t.as(inspector).post('/api/v1/hazards').send({
      unitId: 'UNIT-NEW', unitName: '新单位', location: '1号楼', categoryCode: 'FIRE-EXIT', sector: 'gas', regionCode: '330102',
      level: 'general', source: 'inspection', description: '新隐患', discoveredAt: '2026-02-28T09:00:00+08:00',
    }).expect(201);
    const history = await t.as(reviewer).get(`/api/v1/hazards/${res.body.hazardId}/history`).expect(200);
    expect(history.body.events[0]).toMatchObject({ data: { gridId: null, basisCode: null, tipNo: null }, metadata: { schemaVersion: 4 } });
  });
});
