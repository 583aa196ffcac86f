import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { join } from 'node:path';
import { SqliteEventStore } from '@hazard/event-store';
import { collectCycleFacts, computeStatistics, HazardFacts, openReadModelsDb, READ_MODELS_FILE, rebuildReadModels } from '@hazard/projections';
import { loadCatalogue } from '@hazard/platform';
import { statisticsCatalogueOf } from '../apps/api/src/reports/statistics-catalogue';
import { admin, fireSupervisor, inspector, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp, TestClaims } from './support/test-app';

/** No scans and no automatic supervision: every event of this file is scripted, so each figure can be counted by hand. */
const env = { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' };
const Q1 = { period: '2026Q1', from: '2026-01-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', timeZone: 'Asia/Shanghai' };
const LAST_MINUTE_OF_Q1 = '2026-03-31T23:59:00+08:00';
const FIRST_INSTANT_OF_Q2 = '2026-04-01T00:00:00+08:00';
const LATE_DISCOVERY = '2026-03-31T20:00:00+08:00';
const FILED_AT = '2026-04-04T02:00:00.000Z'; // 10:00 in Hangzhou
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * DESIGN.md "Period statistics and filings (统计分析表, 16号令 Art. 14, 24)" through the REST API: the live report
 * from the read models, filings recomputed from the log, late findings (迟报), scope and the XLSX form.
 *
 * The log, in 杭州市 (3301) unless said otherwise:
 * - A gas 上城区 general inspection, discovered 03-05, rectified on time and verified 03-10;
 * - B fire 拱墅区 major citizen report, discovered 03-08, left open;
 * - G gas 宁波市 (3302), outside 3301;
 * - C gas 西湖区, discovered 03-31 23:59 (Q1), reported 04-01; D gas 上城区, discovered 04-01 00:00 (Q2);
 * - after the first filing: E gas 滨江区, discovered 03-31 20:00, reported 04-05 (the late finding).
 */
describe('period statistics and filings (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-10T02:00:00Z'));
  let t: TestApp;
  let store: SqliteEventStore;
  let last = 0;
  const ids: Record<string, string> = {};

  const track = async <T extends { body: { position: number } }>(request: PromiseLike<T>): Promise<T> => {
    const res = await request;
    last = Math.max(last, res.body.position);
    return res;
  };
  const report = async (name: string, who: TestClaims, overrides: Record<string, unknown>) => {
    ids[name] = (await track(t.as(who).post('/api/v1/hazards').send(reportBody(overrides)).expect(201))).body.hazardId;
  };
  const statistics = (who: TestClaims, query: string) => t.as(who).get(`/api/v1/reports/statistics?${query}&minPosition=${last}`);
  const fileReport = (who: TestClaims, body: Record<string, unknown>) => t.as(who).post(`/api/v1/reports/filings?minPosition=${last}`).send(body);
  const filingsCount = async () => (await t.as(admin).get('/api/v1/reports/filings?pageSize=200').expect(200)).body.total as number;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
    store = SqliteEventStore.open({ file: join(t.dataDir, 'events.sqlite') });

    await report('A', inspector, { regionCode: '330102', discoveredAt: '2026-03-05T09:00:00+08:00' });
    await track(t.as(supervisor).post(`/api/v1/hazards/${ids.A}/assignments`).send(assignBody({ deadline: '2026-03-20T18:00:00+08:00' })).expect(200));
    await track(t.as(rectifier).post(`/api/v1/hazards/${ids.A}/rectifications`).send(rectificationBody({ completedAt: '2026-03-10T09:00:00+08:00' })).expect(200));
    await track(t.as(supervisor2).post(`/api/v1/hazards/${ids.A}/verifications`).send({ passed: true, notes: '复查合格' }).expect(200));
    await report('B', admin, { sector: 'fire', regionCode: '330105', level: 'major', source: 'citizen-report', discoveredAt: '2026-03-08T10:00:00+08:00' });
    await report('G', admin, { regionCode: '330203', discoveredAt: '2026-03-09T10:00:00+08:00' });

    clock.set('2026-04-01T00:30:00Z'); // 08:30 on 04-01 in Hangzhou: Q1 has ended, Q2 is running
    await report('C', inspector, { regionCode: '330106', discoveredAt: LAST_MINUTE_OF_Q1 });
    await report('D', inspector, { regionCode: '330102', discoveredAt: FIRST_INSTANT_OF_Q2 });
  });
  afterAll(async () => {
    await store.close();
    await t.stop();
  });

  it('Q1 is [2026-01-01T00:00+08:00, 2026-04-01T00:00+08:00): 03-31 23:59 counts in it, 04-01 00:00 in Q2', async () => {
    const q1 = (await statistics(admin, 'period=2026Q1&regionCode=3301').expect(200)).body;

    expect(q1).toMatchObject({ ...Q1, end: Q1.to, regionCode: '3301', sectors: null, groupBy: 'region', position: last });
    expect(Object.keys(q1)).toEqual(['period', 'from', 'to', 'end', 'timeZone', 'regionCode', 'sectors', 'groupBy', 'position', 'digest', 'rows', 'total']);
    expect(q1.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(q1.rows.slice(0, 3).map((r: { key: string; name: string; found: number }) => [r.key, r.name, r.found])).toEqual([
      ['330102', '上城区', 1],
      ['330105', '拱墅区', 1],
      ['330106', '西湖区', 1],
    ]);
    expect(q1.rows).toHaveLength(13); // the 13 districts and counties of 杭州市, zero rows kept
    expect(q1.total).toMatchObject({
      found: 3, foundGeneral: 2, foundMajor: 1, foundRectifiedGeneral: 1, rectificationRateGeneral: 0.5, rectifiedGeneral: 1, rectifiedOnTime: 1, onTimeRate: 1,
      openAtEnd: 2, bySource: { inspection: 2, 'self-check': 0, 'citizen-report': 1, other: 0 },
    });

    const q2 = (await statistics(admin, 'period=2026Q2&regionCode=3301').expect(200)).body;
    expect(q2).toMatchObject({ period: '2026Q2', from: Q1.to, to: '2026-07-01T00:00:00+08:00', end: '2026-04-01T08:30:00+08:00' });
    expect(q2.total).toMatchObject({ found: 1, openAtEnd: 3 }); // B and C carried over, D new
    expect((await statistics(admin, 'period=2026-03&regionCode=3301').expect(200)).body.total.found).toBe(3);
  });

  it('400 naming the parameter: 2026Q5, 2026-13, a period not begun, regionCode, unknown sectors, groupBy, format', async () => {
    const refused = async (query: string, name: RegExp) => {
      const res = await t.as(admin).get(`/api/v1/reports/statistics?${query}`).expect(400);
      expect(res.body.message).toMatch(name);
      return res.body;
    };
    expect(await refused('period=2026Q5', /period/)).toMatchObject({ code: 'REPORT.INVALID_PERIOD', details: { field: 'period', value: '2026Q5' } });
    await refused('period=2026-13', /period/);
    expect(await refused('period=2026Q3', /period 2026Q3 has not begun/)).toMatchObject({ code: 'REPORT.INVALID_PERIOD' });
    await refused('regionCode=3301', /period/);
    await refused('period=2026Q1&regionCode=3', /regionCode/);
    await refused('period=2026Q1&regionCode=3301001001001', /regionCode/);
    expect(await refused('period=2026Q1&sectors=gas,nosuch', /sectors: nosuch/)).toMatchObject({ code: 'CATALOGUE.UNKNOWN_SECTOR' });
    await refused('period=2026Q1&groupBy=unit', /groupBy/);
    await refused('period=2026Q1&format=pdf', /format/);
    await refused('period=2026Q1&colour=red', /colour/);

    const filing = await fileReport(admin, { period: '2027', regionCode: '3301' }).expect(400);
    expect(filing.body.message).toMatch(/period 2027 has not begun/);
    expect((await fileReport(admin, { period: '2026Q1', groupBy: 'unit' }).expect(400)).body.message).toMatch(/groupBy/);
  });

  it('reports are for every role but rectifier (403)', async () => {
    await t.as(rectifier).get('/api/v1/reports/statistics?period=2026Q1').expect(403);
    await t.as(rectifier).get('/api/v1/reports/filings').expect(403);
    await t.as(rectifier).get('/api/v1/reports/filings/00000000-0000-5000-8000-000000000000').expect(403);
    await t.as(rectifier).post('/api/v1/reports/filings').send({ period: '2026Q1', regionCode: '3301' }).expect(403);
    await t.http().get('/api/v1/reports/statistics?period=2026Q1').expect(401);
  });

  it('a reader whose token lists sectors and regions sees only those; reviewer and admin see everything', async () => {
    const everywhere = (await statistics(reviewer, 'period=2026Q1').expect(200)).body;
    expect(everywhere.total.found).toBe(4); // A, B, C and G (宁波)
    expect(everywhere.rows.map((r: { key: string }) => r.key)).toEqual(['33']);

    const gasInHangzhou = (await statistics(inspector, 'period=2026Q1').expect(200)).body;
    expect(gasInHangzhou).toMatchObject({ regionCode: null, sectors: null });
    expect(gasInHangzhou.total).toMatchObject({ found: 2, foundMajor: 0, bySource: { inspection: 2, 'citizen-report': 0 } }); // A and C

    const bySector = (await statistics(inspector, 'period=2026Q1&regionCode=3301&groupBy=sector&sectors=gas,fire').expect(200)).body;
    expect(bySector.rows.map((r: { key: string; found: number }) => [r.key, r.found])).toEqual([['gas', 2], ['fire', 0]]);
  });

  let filingId = '';
  let filedPosition = 0;
  let filedDigest = '';

  it('a filing reads back with digestMatches and no differences', async () => {
    clock.set(FILED_AT);
    const live = (await statistics(admin, 'period=2026Q1&regionCode=3301').expect(200)).body;
    const filed = await fileReport(admin, { period: '2026Q1', regionCode: '3301' }).set('Idempotency-Key', 'q1-3301').expect(201);

    expect(Object.keys(filed.body)).toEqual(['filingId', 'position', 'digest', 'report']);
    expect(filed.body).toMatchObject({ position: live.position, digest: live.digest, report: { ...live } });
    ({ filingId, position: filedPosition, digest: filedDigest } = filed.body);
    const again = await fileReport(admin, { period: '2026Q1', regionCode: '3301' }).set('Idempotency-Key', 'q1-3301').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(filed.body);

    const read = (await t.as(admin).get(`/api/v1/reports/filings/${filingId}`).expect(200)).body;
    const catalogueVersion = (await t.http().get('/api/v1/catalogue').expect(200)).body.version;
    expect(read.filing).toEqual({
      filingId, ...Q1, regionCode: '3301', sectors: null, groupBy: 'region', rowKeys: live.rows.map((r: { key: string }) => r.key),
      position: filedPosition, digest: filedDigest, definitionVersion: 1, catalogueVersion, filedBy: admin.sub, filedByDepartment: admin.dept, filedAt: FILED_AT,
    });
    expect(read.asFiled).toEqual({ report: { ...live, end: Q1.to }, recomputedDigest: filedDigest, digestMatches: true });
    expect(read.asCorrected.report).toMatchObject({ digest: filedDigest, total: live.total });
    expect(read.differences).toEqual([]);
    expect(read.lateEntries).toEqual([]);

    const list = (await t.as(reviewer).get('/api/v1/reports/filings?period=2026Q1&regionCode=33').expect(200)).body;
    expect(list).toEqual({
      items: [{ filingId, period: '2026Q1', regionCode: '3301', sectors: null, groupBy: 'region', position: filedPosition, digest: filedDigest, filedBy: admin.sub, filedAt: FILED_AT }],
      total: 1, page: 1, pageSize: 20,
    });
    expect((await t.as(reviewer).get('/api/v1/reports/filings?period=2026Q2').expect(200)).body.total).toBe(0);
  });

  it('then a late finding (discovered in Q1, reported after the filing) shows in both differences and lateEntries', async () => {
    clock.set('2026-04-05T01:00:00Z');
    await report('E', inspector, { regionCode: '330108', discoveredAt: LATE_DISCOVERY });
    const lateAt = last;

    const read = (await t.as(admin).get(`/api/v1/reports/filings/${filingId}?minPosition=${lateAt}`).expect(200)).body;
    expect(read.asFiled).toMatchObject({ recomputedDigest: filedDigest, digestMatches: true });
    expect(read.asCorrected.report.position).toBeGreaterThanOrEqual(lateAt);
    expect(read.asCorrected.report.digest).not.toBe(filedDigest);
    expect(read.differences).toEqual(
      expect.arrayContaining([
        { key: '330108', field: 'found', asFiled: 0, asCorrected: 1 },
        { key: '330108', field: 'openAtEnd', asFiled: 0, asCorrected: 1 },
        { key: 'total', field: 'found', asFiled: 3, asCorrected: 4 },
        { key: 'total', field: 'bySource.inspection', asFiled: 2, asCorrected: 3 },
      ]),
    );
    expect(read.differences.every((d: { key: string }) => d.key === '330108' || d.key === 'total')).toBe(true);
    expect(read.lateEntries).toEqual([{ hazardId: ids.E, occurrence: 1, type: 'HazardFound', countsAt: LATE_DISCOVERY, recordedAt: expect.any(String), position: lateAt }]);
  });

  it('live at P equals recomputed from the log at P, also after a rebuild of the read models', async () => {
    const names = statisticsCatalogueOf(loadCatalogue(t.config.catalogueFile));
    const recomputedAt = async (position: number, groupBy: 'region' | 'sector') => {
      const facts = new Map<string, HazardFacts>();
      for (let page = await store.readAll({ after: 0, maxCount: 1000 }); page.length; page = await store.readAll({ after: page[page.length - 1]!.position, maxCount: 1000 })) {
        collectCycleFacts(page.filter((e) => e.position <= position), facts);
      }
      return computeStatistics(facts.values(), { ...Q1, end: Q1.to, regionCode: '3301', groupBy }, names);
    };
    const liveNow = async () => {
      const byRegion = (await statistics(admin, 'period=2026Q1&regionCode=3301').expect(200)).body;
      const bySector = (await statistics(admin, 'period=2026Q1&regionCode=3301&groupBy=sector').expect(200)).body;
      return { byRegion, bySector };
    };

    const before = await liveNow();
    expect(before.byRegion.position).toBe(await store.headPosition());
    for (const [live, groupBy] of [[before.byRegion, 'region'], [before.bySector, 'sector']] as const) {
      const { position: _position, ...figures } = live;
      expect(figures).toEqual(await recomputedAt(live.position, groupBy));
    }
    expect(before.byRegion.total.found).toBe(4);

    const db = openReadModelsDb(join(t.dataDir, READ_MODELS_FILE)); // a second connection, as `cli rebuild` would open
    try {
      expect((await rebuildReadModels(store, db)).position).toBe(await store.headPosition());
    } finally {
      db.close();
    }
    expect(await liveNow()).toEqual(before);
  });

  it('a running period is 422 REPORT.PERIOD_NOT_ENDED, and nothing is filed', async () => {
    const filings = await filingsCount();
    const refused = await fileReport(admin, { period: '2026Q2', regionCode: '3301' }).expect(422);

    expect(refused.body).toMatchObject({ code: 'REPORT.PERIOD_NOT_ENDED', details: { period: '2026Q2', to: '2026-07-01T00:00:00+08:00' } });
    expect(await filingsCount()).toBe(filings);
  });

  it('a gas supervisor’s filing covers gas only, and only readers covering it read it back', async () => {
    const filed = (await fileReport(supervisor, { period: '2026Q1', regionCode: '3301', groupBy: 'sector' }).expect(201)).body;

    expect(filed.report).toMatchObject({ regionCode: '3301', sectors: ['gas'], groupBy: 'sector' });
    expect(filed.report.rows.map((r: { key: string; found: number }) => [r.key, r.found])).toEqual([['gas', 3]]); // A, C and E; not B (fire)
    expect(filed.report.total).toMatchObject({ found: 3, foundMajor: 0 });
    const read = (await t.as(supervisor).get(`/api/v1/reports/filings/${filed.filingId}`).expect(200)).body;
    expect(read.filing).toMatchObject({ sectors: ['gas'], filedBy: supervisor.sub, filedByDepartment: 'dept-gas' });
    expect(read.asFiled.digestMatches).toBe(true);

    const hidden = await t.as(fireSupervisor).get(`/api/v1/reports/filings/${filed.filingId}`).expect(404);
    expect(hidden.body).toMatchObject({ code: 'REPORT.FILING_NOT_FOUND' });
    expect((await t.as(admin).get('/api/v1/reports/filings/00000000-0000-5000-8000-000000000000').expect(404)).body.code).toBe('REPORT.FILING_NOT_FOUND');
    expect((await t.as(fireSupervisor).get('/api/v1/reports/filings').expect(200)).body.items).toEqual([]);
    expect((await t.as(inspector).get('/api/v1/reports/filings').expect(200)).body.items.map((i: { filingId: string }) => i.filingId)).toEqual([filed.filingId]);
  });

  it('outside its regions, beyond its sectors, without regionCode, or as a reviewer, filing is 403', async () => {
    const filings = await filingsCount();
    await fileReport(supervisor, { period: '2026Q1', regionCode: '3302' }).expect(403);
    expect((await fileReport(supervisor, { period: '2026Q1', regionCode: '3301', sectors: ['gas', 'fire'] }).expect(403)).body.message).toMatch(/sector fire/);
    expect((await fileReport(supervisor, { period: '2026Q1' }).expect(403)).body.message).toMatch(/regionCode/);
    await fileReport(reviewer, { period: '2026Q1', regionCode: '3301' }).expect(403);
    await fileReport(inspector, { period: '2026Q1', regionCode: '3301' }).expect(403);
    expect(await filingsCount()).toBe(filings);
  });

  it('the XLSX downloads and reads back: 统计分析表, and a filing’s 更正后 and 差异', async () => {
    const res = await statistics(admin, 'period=2026Q1&regionCode=3301&format=xlsx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="statistics-2026Q1-3301.xlsx"; filename*=UTF-8''${encodeURIComponent('隐患排查治理统计分析表-2026年第一季度.xlsx')}`,
    );
    const form = await workbookOf(res.body as Buffer);
    expect(form.worksheets.map((s) => s.name)).toEqual(['统计分析表']);
    const sheet = form.getWorksheet('统计分析表')!;
    expect(sheet.getCell('A1').value).toBe('隐患排查治理统计分析表');
    expect(sheet.getCell('A5').value).toBe('上城区');
    expect([sheet.getCell('A18').value, sheet.getCell('B18').value]).toEqual(['合计', 4]);

    const filed = await t.as(admin).get(`/api/v1/reports/filings/${filingId}?format=xlsx`).buffer(true).parse(binary).expect(200);
    expect(filed.headers['content-disposition']).toContain('filename="statistics-2026Q1-3301.xlsx"');
    const workbook = await workbookOf(filed.body as Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['统计分析表', '更正后', '差异']);
    expect(workbook.getWorksheet('统计分析表')!.getCell('B18').value).toBe(3);
    expect(workbook.getWorksheet('更正后')!.getCell('B18').value).toBe(4);
    expect(workbook.getWorksheet('统计分析表')!.getColumn(1).values).toContain(`报送编号：${filingId}`);
  });
});

/** supertest buffers unknown binary types as text unless told otherwise. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function workbookOf(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}
