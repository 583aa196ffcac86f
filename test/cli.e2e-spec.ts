import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalogue } from '@hazard/domain';
import { SqliteEventStore } from '@hazard/event-store';
import { loadCatalogue } from '@hazard/platform';
import { CliIo } from '../apps/cli/src/cli-io';
import { runDigest } from '../apps/cli/src/digest.command';
import { runReplay } from '../apps/cli/src/replay.command';
import { runVerify } from '../apps/cli/src/verify.command';
import { inspector, inspector2, supervisor } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

describe('reviewer CLI: verify, digest, replay (e2e on a served DATA_DIR)', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let store: SqliteEventStore;
  let catalogue: Catalogue;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    store = SqliteEventStore.open({ file: join(t.dataDir, 'events.sqlite') });
    catalogue = loadCatalogue(t.config.catalogueFile); // as `cli replay` does, from the server's CATALOGUE_FILE
  });
  afterAll(async () => {
    await store.close();
    await t.stop();
  });

  it('verify --against an older digest passes after appends and fails after an edit, naming stream and revision', async () => {
    const { body: a } = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${a.hazardId}/assignments`).send(assignBody()).expect(200);

    const digestIo = captureIo();
    expect(await runDigest(store, digestIo, clock.now())).toBe(0);
    const digestFile = join(t.dataDir, 'digest.json');
    writeFileSync(digestFile, digestIo.stdout());
    expect(JSON.parse(digestIo.stdout())).toMatchObject({ streams: 1, events: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    await t.as(inspector2).post('/api/v1/hazards').send({ ...reportBody(), location: 'x' }).expect(201);
    const after = captureIo();
    expect(await runVerify(store, after, undefined, digestFile)).toBe(0);
    expect(after.stdout()).toContain('valid: nothing recorded before digest');

    const db = new Database(join(t.dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = json_set(data, '$.description', '无隐患') WHERE stream_id = ? AND revision = 0`).run(`hazard-${a.hazardId}`);
    db.close();
    const tampered = captureIo();
    expect(await runVerify(store, tampered, undefined, digestFile)).toBe(1);
    expect(tampered.stdout()).toBe(`CHANGED hazard-${a.hazardId} revision 0: chain-broken\n`);

    const one = captureIo();
    expect(await runVerify(store, one, a.hazardId)).toBe(1);
    expect(one.stdout()).toContain(`BROKEN hazard-${a.hazardId} revision 0`);
    const whole = captureIo();
    expect(await runVerify(store, whole)).toBe(1);
    expect(whole.stdout()).toContain('INVALID: 3 streams, 4 events');
  });

  it('replay prints a readable timeline naming sector, region and 判定依据, cut at --as-of', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ description: '消防通道堵塞', basisCode: 'CZRQ-2023:5(2)' })).expect(201);
    clock.set('2026-03-03T00:00:00Z');
    await t.as(supervisor).post(`/api/v1/hazards/${body.hazardId}/assignments`).send(assignBody()).expect(200);

    const io = captureIo();
    expect(await runReplay(store, catalogue, io, body.hazardId)).toBe(0);
    const lines = io.stdout().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2026-03-01T00:00:00.000Z  #0  insp-li \(dept-gas\)\s+HazardFound: .*消防通道堵塞/);
    expect(lines[1]).toMatch(/; 行业 燃气, 区划 上城区, 判定依据 CZRQ-2023:5\(2\) 城镇燃气经营安全重大隐患判定标准 第五条第（二）项（燃气厂站安全管理）$/);
    expect(lines[2]).toMatch(/sup-zhao \(dept-gas\)\s+RectificationAssigned: 交办整改 assigned to UNIT-GASCO/);
    expect(lines[2]).not.toContain('行业');

    const cut = captureIo();
    await runReplay(store, catalogue, cut, body.hazardId, '2026-03-02T00:00:00Z');
    expect(cut.stdout()).toContain('1 of 2 events');
    expect(cut.stdout()).not.toContain('RectificationAssigned');

    const missing = captureIo();
    expect(await runReplay(store, catalogue, missing, '6d1f3c2a-0000-4000-8000-000000000000')).toBe(2);
    expect(missing.stderr()).toContain('not found');
  });

  it('replay names a region the catalogue lacks after its longest catalogue prefix, and leaves out a basis not given', async () => {
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ regionCode: '33010201' })).expect(201);

    const io = captureIo();
    expect(await runReplay(store, catalogue, io, body.hazardId)).toBe(0);
    const found = io.stdout().trim().split('\n')[1];
    expect(found).toMatch(/HazardFound: .*; 行业 燃气, 区划 上城区（33010201）$/);
    expect(found).not.toContain('判定依据');
  });
});
