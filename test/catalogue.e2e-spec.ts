import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@hazard/platform';
import { createApp } from '../apps/api/src/app.factory';
import { admin, inspector, supervisor } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { TestApp, TEST_SECRET } from './support/test-app';

/** DESIGN.md "Reference catalogue (行业, 区划, 判定依据)" through the REST API. */
describe('the reference catalogue (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ env: { SUPERVISE_MAJOR: 'false' } });
  });
  afterAll(() => t.stop());

  it('GET /catalogue needs no token and carries the value sets in zh-CN, the regions, the bases and an ETag', async () => {
    const res = await t.http().get('/api/v1/catalogue').expect(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body.version).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.sectors).toContainEqual({ code: 'gas', name: '燃气' });
    expect(res.body.regions).toContainEqual({ code: '330102', name: '上城区', parent: '3301' });
    expect(res.body.levels).toEqual([{ code: 'general', name: '一般' }, { code: 'major', name: '重大' }]);
    expect(res.body.authorityLevels.map((a: { name: string }) => a.name)).toEqual(['县级', '市级', '省级']);
    expect(res.body.bases.length).toBeGreaterThanOrEqual(40);
    await t.http().get('/api/v1/catalogue').set('If-None-Match', res.headers.etag as string).expect(304);

    const gas = (await t.http().get('/api/v1/catalogue?sector=gas').expect(200)).body.bases as { sectors: string[] }[];
    expect(gas.length).toBeGreaterThan(0);
    expect(gas.every((b) => b.sectors.includes('gas'))).toBe(true);
  });

  it('accepts every default sector for a new hazard', async () => {
    const { sectors } = (await t.http().get('/api/v1/catalogue').expect(200)).body as { sectors: { code: string }[] };
    for (const { code } of sectors) {
      await t.as(admin).post('/api/v1/hazards').send(reportBody({ sector: code, location: `行业 ${code}` })).expect(201);
    }
  });

  it('refuses an unknown sector on a new hazard (400 naming it) and appends nothing', async () => {
    const res = await t.as(admin).post('/api/v1/hazards').send(reportBody({ sector: 'self-built-housing-x' })).expect(400);
    expect(res.body).toMatchObject({ code: 'CATALOGUE.UNKNOWN_SECTOR', message: expect.stringContaining('self-built-housing-x') });
  });

  it('records a basis that fits, and refuses one of another sector or not in force, naming the code', async () => {
    const ok = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ basisCode: 'CZRQ-2023:4(1)' })).expect(201);
    expect((await t.as(admin).get(`/api/v1/hazards/${ok.body.hazardId}`).expect(200)).body.basisCode).toBe('CZRQ-2023:4(1)');

    const mismatch = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ basisCode: 'HG-121-2017:1' })).expect(400);
    expect(mismatch.body).toMatchObject({ code: 'CATALOGUE.BASIS_SECTOR_MISMATCH', message: expect.stringContaining('HG-121-2017:1') });
    const early = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ basisCode: 'CZRQ-2023:4(1)', discoveredAt: '2020-01-01T00:00:00+08:00' })).expect(400);
    expect(early.body.code).toBe('CATALOGUE.BASIS_NOT_IN_FORCE');
    const unknown = await t.as(supervisor).post(`/api/v1/hazards/${ok.body.hazardId}/level`).send({ level: 'major', reason: '复核', basisCode: 'CZRQ-2023:99' }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'CATALOGUE.UNKNOWN_BASIS', message: expect.stringContaining('CZRQ-2023:99') });
  });

  it('stops start-up on a broken CATALOGUE_FILE, naming the variable and the entry', async () => {
    const broken = join(t.dataDir, 'broken-catalogue.json');
    writeFileSync(broken, JSON.stringify({ sectors: [{ code: 'gas', name: '燃气' }], regions: [{ code: '330102', name: '上城区', parent: '3302' }], bases: [] }));
    const config = loadConfig({ DATA_DIR: join(t.dataDir, 'other'), JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'error', CATALOGUE_FILE: broken });
    await expect(createApp(config)).rejects.toThrow(/CATALOGUE_FILE .*broken-catalogue\.json: regions\[0\] \(330102\)/);
  });
});
