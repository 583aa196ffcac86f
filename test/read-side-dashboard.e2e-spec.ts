import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { admin, inspector, inspector2, otherRectifier, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

/** No scans and no automatic supervision: every event of this file is scripted below, so each figure can be counted by hand. */
const env = { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' };
const D1 = '2026-03-15T18:00:00+08:00'; // 2026-03-15T10:00Z
const D2 = '2026-03-19T18:00:00+08:00'; // 2026-03-19T10:00Z
const NOW = '2026-03-20T00:00:00Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Seven hazards, at NOW:
 *   A gas 330102 general inspection     UNIT-GASCO  dept-gas        rectified on time, failed, rectified on time, verified
 *   B gas 330102 major   citizen-report UNIT-GASCO  dept-gas        assigned (D1), 挂牌督办 → overdue 4d14h
 *   C gas 330105 general monitoring     UNIT-OTHER  dept-gas        rectified 2d14h late, verified, found again → reopened, occurrence 2
 *   D fire 330201 general self-check    UNIT-MALL   —               found, found again while open
 *   E gas 330102 general inspection     UNIT-GASCO  —               found, found again twice while open
 *   F gas 330105 general media          UNIT-OTHER  dept-emergency  rectified on time, verified, reopened, assigned again (D2) → overdue 14h
 *   G gas 330102 major   inspection     UNIT-GASCO  —               found
 */
describe('read side: dashboard figures counted by hand from scripted events (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  let last = 0;
  const ids: Record<string, string> = {};

  const track = <T extends { body: { position: number } }>(res: T): T => {
    last = Math.max(last, res.body.position);
    return res;
  };
  const read = (path: string) => t.as(reviewer).get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`);

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
    const gasco = { unitId: 'UNIT-GASCO', unitName: '某某燃气有限公司' };
    const other = { unitId: 'UNIT-OTHER', unitName: '另一燃气公司', regionCode: '330105' };
    const mall = { unitId: 'UNIT-MALL', unitName: '某商场,"东区"', sector: 'fire', regionCode: '330201' };
    const bodies = {
      A: reportBody({ ...gasco, source: 'inspection' }),
      B: reportBody({ ...gasco, level: 'major', source: 'citizen-report' }),
      C: reportBody({ ...other, source: 'monitoring' }),
      D: reportBody({ ...mall, source: 'self-check' }),
      E: reportBody({ ...gasco, source: 'inspection' }),
      F: reportBody({ ...other, source: 'media' }),
      G: reportBody({ ...gasco, level: 'major', source: 'inspection' }),
    };
    for (const [name, body] of Object.entries(bodies)) {
      ids[name] = track(await t.as(name === 'D' ? admin : inspector).post('/api/v1/hazards').send(body).expect(201)).body.hazardId;
    }
    const post = async (who: typeof admin, hazard: string, path: string, body: object) => track(await t.as(who).post(`/api/v1/hazards/${ids[hazard]}/${path}`).send(body).expect(200));
    await post(supervisor, 'A', 'assignments', assignBody({ deadline: D1 }));
    await post(supervisor, 'B', 'assignments', assignBody({ deadline: D1 }));
    await post(admin, 'B', 'supervision', { authorityLevel: 'city', reason: 'manual' });
    await post(supervisor, 'C', 'assignments', assignBody({ deadline: D1, responsibleUnitId: 'UNIT-OTHER' }));
    await post(supervisor, 'F', 'assignments', assignBody({ deadline: D1, responsibleUnitId: 'UNIT-OTHER', supervisingDepartment: 'dept-emergency' }));
    track(await t.as(admin).post('/api/v1/hazards').send({ ...bodies.D, source: 'inspection' }).expect(200));
    track(await t.as(inspector2).post('/api/v1/hazards').send(bodies.E).expect(200));
    track(await t.as(inspector).post('/api/v1/hazards').send({ ...bodies.E, source: 'citizen-report' }).expect(200));

    clock.set('2026-03-12T00:00:00Z');
    await post(rectifier, 'A', 'rectifications', rectificationBody({ completedAt: '2026-03-10T08:00:00+08:00' }));
    await post(supervisor, 'A', 'verifications', { passed: false, notes: '报警装置未安装' });
    await post(rectifier, 'A', 'rectifications', rectificationBody({ completedAt: '2026-03-12T08:00:00+08:00' }));
    await post(supervisor2, 'A', 'verifications', { passed: true, notes: '复核通过' });
    await post(otherRectifier, 'F', 'rectifications', rectificationBody({ completedAt: '2026-03-11T08:00:00+08:00' }));
    await post(supervisor, 'F', 'verifications', { passed: true, notes: '通过' });
    await post(supervisor, 'F', 'reopenings', { reason: '群众投诉' });
    await post(supervisor, 'F', 'assignments', assignBody({ deadline: D2, responsibleUnitId: 'UNIT-OTHER', supervisingDepartment: 'dept-emergency' }));

    clock.set('2026-03-18T00:00:00Z');
    await post(otherRectifier, 'C', 'rectifications', rectificationBody({ completedAt: '2026-03-18T08:00:00+08:00' }));
    await post(supervisor, 'C', 'verifications', { passed: true, notes: '通过' });
    const cAgain = track(await t.as(inspector2).post('/api/v1/hazards').send(bodies.C).expect(200));
    expect(cAgain.body).toMatchObject({ status: 'reopened', occurrence: 2, foundAgain: true });

    clock.set(NOW);
  });
  afterAll(() => t.stop());

  it('summary: every figure equals the count worked out from the script', async () => {
    const { body } = await read('dashboard/summary').expect(200);
    expect(body).toEqual({
      total: 7,
      byStatus: { found: 3, assigned: 2, rectified: 0, verified: 1, reopened: 1 }, // D E G | B F | — | A | C
      bySector: { gas: 6, fire: 1 },
      byRegion: { '330102': 4, '330105': 2, '330201': 1 }, // A B E G | C F | D
      byLevel: { general: 5, major: 2 },
      bySource: { inspection: 3, 'self-check': 1, 'citizen-report': 1, monitoring: 1, media: 1, other: 0 }, // of the first report
      rectificationRate: 0.1429, // 1 verified (A) ÷ 7
      onTimeRate: 0.6667, // cycles rectified: A#1 (latest on time), C#1 (late), F#1 (on time) → 2 ÷ 3
      overdue: 2, // B (D1), F (D2, its second cycle)
      majorOpen: 2, // B, G
      underSupervision: 1, // B
      repeatRate: 0.2857, // occurrence ≥ 2: C, F → 2 ÷ 7
      position: expect.any(Number),
    });
    expect(body.position).toBeGreaterThanOrEqual(last);
  });

  it('overdue: open hazards past their deadline by the app clock, most overdue first, with days overdue', async () => {
    const { body } = await read('dashboard/overdue').expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({ hazardId: ids.B, unitId: 'UNIT-GASCO', level: 'major', status: 'assigned', deadline: D1, daysOverdue: 4.58, underSupervision: true, responsibleUnitId: 'UNIT-GASCO', supervisingDepartment: 'dept-gas' }),
      expect.objectContaining({ hazardId: ids.F, unitId: 'UNIT-OTHER', deadline: D2, daysOverdue: 0.58, supervisingDepartment: 'dept-emergency' }),
    ]);
    expect(body.items[0].daysOverdue).toBe(Math.round(((4 * DAY + 14 * HOUR) / DAY) * 100) / 100);

    clock.set('2026-03-15T09:00:00Z'); // before D1: nothing is overdue yet
    expect((await read('dashboard/overdue').expect(200)).body.items).toEqual([]);
    expect((await read('dashboard/summary').expect(200)).body.overdue).toBe(0);
    clock.set(NOW);
  });

  it('repeat units: ranked by found-again count (屡查屡犯), then by findings', async () => {
    const { body } = await read('dashboard/repeat-units').expect(200);
    expect(body.items).toEqual([
      { rank: 1, unitId: 'UNIT-GASCO', unitName: '某某燃气有限公司', foundAgain: 2, hazards: 4, repeatHazards: 1, findings: 6 }, // E twice; A B E G
      { rank: 2, unitId: 'UNIT-OTHER', unitName: '另一燃气公司', foundAgain: 1, hazards: 2, repeatHazards: 1, findings: 3 }, // C after verification
      { rank: 3, unitId: 'UNIT-MALL', unitName: '某商场,"东区"', foundAgain: 1, hazards: 1, repeatHazards: 1, findings: 2 }, // D while open
    ]);
    expect((await read('dashboard/repeat-units?limit=1').expect(200)).body.items).toHaveLength(1);
  });

  it('departments: assigned, verified, on-time rate, overdue days and verifications that did not hold', async () => {
    const { body } = await read('dashboard/departments').expect(200);
    expect(body.items).toEqual([
      // F#1 on time, verified, reopened (not held); F#2 in work, 14 h past D2.
      { department: 'dept-emergency', assigned: 2, verified: 1, rectified: 1, onTime: 1, onTimeRate: 1, overdueNow: 1, overdueDays: 0.58, verificationsNotHeld: 1, closureReviewsOverdue: 0 },
      // A#1 on time, verified; B#1 in work 4d14h past D1; C#1 2d14h late, verified, found again (not held).
      { department: 'dept-gas', assigned: 3, verified: 2, rectified: 2, onTime: 1, onTimeRate: 0.5, overdueNow: 1, overdueDays: 7.17, verificationsNotHeld: 1, closureReviewsOverdue: 0 },
    ]);
  });

  it('exports each list as CSV: UTF-8 with BOM, zh-CN header, quoted fields, a dated file name', async () => {
    const res = await read('dashboard/repeat-units?format=csv').buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="repeat-units-2026-03-20.csv"; filename*=UTF-8''${encodeURIComponent('屡查屡犯单位-2026-03-20.csv')}`,
    );
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      '排名,单位代码,单位名称,重复发现次数,隐患数,重复发现隐患数,发现总次数',
      '1,UNIT-GASCO,某某燃气有限公司,2,4,1,6',
      '2,UNIT-OTHER,另一燃气公司,1,2,1,3',
      '3,UNIT-MALL,"某商场,""东区""",1,1,1,2',
      '',
    ]);

    const overdue = (await read('dashboard/overdue?format=csv').buffer(true).expect(200)).text.slice(1).split('\r\n');
    expect(overdue[0]).toBe('隐患编号,单位代码,单位名称,位置,行业,区划代码,区划名称,等级,状态,责任单位,责任人,督办部门,整改期限,逾期天数,挂牌督办');
    // 行业 is the catalogue's name of the sector, 区划名称 the region's beside its code: 330102 exports as 上城区.
    expect(overdue[1]).toMatch(new RegExp(`^${ids.B},UNIT-GASCO,某某燃气有限公司,.*,燃气,330102,上城区,重大,整改中,UNIT-GASCO,张三,dept-gas,${D1.replace('+', '\\+')},4.58,是$`));
    expect(overdue[2]).toMatch(new RegExp(`^${ids.F},UNIT-OTHER,另一燃气公司,.*,燃气,330105,拱墅区,一般,`));
    expect(overdue).toHaveLength(4);
    const departments = (await read('dashboard/departments?format=csv').buffer(true).expect(200)).text.slice(1).split('\r\n');
    expect(departments.slice(1, 3)).toEqual(['dept-emergency,2,1,1,1,1,1,0.58,1,0', 'dept-gas,3,2,1,0.5,2,1,7.17,1,0']);
  });

  it('exports each list as a real XLSX workbook that reads back with the same library', async () => {
    const res = await read('dashboard/departments?format=xlsx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('filename="department-scorecards-2026-03-20.xlsx"');
    const sheet = await firstSheet(res.body as Buffer);
    expect(sheet.name).toBe('部门履职情况');
    expect(sheet.rows).toEqual([
      ['督办部门', '交办整改', '已整改', '按期整改', '按期整改率', '验收通过', '当前逾期', '逾期天数', '验收后复发', '销号审查超期'],
      ['dept-emergency', 2, 1, 1, 1, 1, 1, 0.58, 1, 0],
      ['dept-gas', 3, 2, 1, 0.5, 2, 1, 7.17, 1, 0],
    ]);

    const units = await firstSheet((await read('dashboard/repeat-units?format=xlsx').buffer(true).parse(binary).expect(200)).body as Buffer);
    expect(units.rows[3]).toEqual([3, 'UNIT-MALL', '某商场,"东区"', 1, 1, 1, 2]);
    const overdue = await firstSheet((await read('dashboard/overdue?format=xlsx').buffer(true).parse(binary).expect(200)).body as Buffer);
    expect(overdue.rows.map((r) => r[0])).toEqual(['隐患编号', ids.B, ids.F]);
    expect(overdue.rows.map((r) => r.slice(4, 7))).toEqual([
      ['行业', '区划代码', '区划名称'],
      ['燃气', '330102', '上城区'],
      ['燃气', '330105', '拱墅区'],
    ]);
  });

  it('rejects an unknown format, and every read-model query needs a token', async () => {
    const res = await read('dashboard/overdue?format=pdf').expect(400);
    expect(res.body.message).toContain('format must be one of json, csv, xlsx');
    await t.http().get('/api/v1/dashboard/summary').expect(401);
  });
});

/** supertest buffers unknown binary types as text unless told otherwise. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream; // in Node, superagent hands the parser the raw response stream
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function firstSheet(buffer: Buffer): Promise<{ name: string; rows: unknown[][] }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}
