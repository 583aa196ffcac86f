import type { Database } from 'better-sqlite3';
import { Actor, readScopeOf } from '@hazard/domain';
import { commitBatch } from '@hazard/event-store';
import { readModelConsumer } from '../sqlite/read-model.consumer';
import { openReadModelsDb } from '../sqlite/read-models-db';
import { parsePeriod } from '../statistics/period';
import { computeStatistics } from '../statistics/statistics-report';
import { A, B, D, F, firstQuarterLog } from '../statistics/testing/first-quarter-log';
import { aCatalogue } from '../statistics/testing/statistics-catalogue.double';
import { overdueHazards, repeatUnits } from './dashboard-lists.query';
import { DashboardFilter } from './dashboard-filter-sql';
import { dashboardPeriod, trendBuckets } from './dashboard-period';
import { dashboardSummary } from './dashboard-summary.query';
import { dashboardTrend } from './dashboard-trend.query';
import { departmentScorecards } from './department-scorecards.query';
import { listHazards } from './hazard-list.query';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-04-15T00:00:00Z');
const months = (from: string, to: string, timeZone = ZONE) => trendBuckets(from, to, timeZone, NOW);
const found = (from: string, to: string, timeZone = ZONE): DashboardFilter => ({ found: dashboardPeriod(from, to, timeZone)! });
/** A gas inspector of 杭州市: G (宁波市) and C (fire), E (construction), H (mining) are outside its scope. */
const gasOfHangzhou: Actor = { userId: 'u', departmentId: 'd', roles: ['inspector'], sectors: ['gas'], regions: ['3301'] };

/**
 * The dashboard's filters and its trend over the 2026Q1 log of the statistics tests (first-quarter-log.ts): A–H in
 * 杭州市 and 宁波市, with F discovered at 2026-04-01 00:00 in Asia/Shanghai, which is still March in UTC.
 */
describe('dashboard filters and the monthly trend, over the read models', () => {
  const log = firstQuarterLog();
  let db: Database;

  beforeAll(() => {
    db = openReadModelsDb(':memory:');
    const events = log.events();
    for (let i = 0; i < events.length; i += 7) commitBatch(db, readModelConsumer, events.slice(i, i + 7));
  });
  afterAll(() => db.close());

  it('counts per TIME_ZONE month the cycles opened and first verified', () => {
    const trend = dashboardTrend(db, months('2025-12', '2026-04'));
    expect(trend.months).toEqual([
      { month: '2025-12', found: 1, rectified: 0 }, // D found
      { month: '2026-01', found: 2, rectified: 1 }, // A, B found; A verified
      { month: '2026-02', found: 1, rectified: 1 }, // C found (B found again while open opens nothing); D verified
      { month: '2026-03', found: 5, rectified: 2 }, // D reopened, H, G, H again after verification, E at 23:59; H, C verified
      { month: '2026-04', found: 1, rectified: 0 }, // F at 04-01 00:00 +08:00
    ]);
    expect(trend.position).toBe(log.head);
  });

  it('puts a hazard found at local midnight of the 1st in the month of TIME_ZONE, not of UTC', () => {
    const shanghai = dashboardTrend(db, months('2026-03', '2026-04')).months;
    const utc = dashboardTrend(db, months('2026-03', '2026-04', 'UTC')).months;
    expect(shanghai.map((m) => m.found)).toEqual([5, 1]);
    expect(utc.map((m) => m.found)).toEqual([6, 0]);

    expect(dashboardSummary(db, NOW, undefined, found('2026-04', '2026-04')).total).toBe(1);
    expect(dashboardSummary(db, NOW, undefined, found('2026-04', '2026-04', 'UTC')).total).toBe(0);
    expect(dashboardSummary(db, NOW, undefined, found('2026-03-31', '2026-03-31')).total).toBe(1); // E at 23:59, not F
  });

  it('gives each month the 统计分析表’s 排查隐患 and 已整改 of that month', () => {
    const catalogue = aCatalogue();
    for (const bucket of months('2025-12', '2026-04')) {
      const period = parsePeriod(bucket.month, ZONE);
      const report = computeStatistics(log.facts(), { ...period, end: period.to, regionCode: null, groupBy: 'region' }, catalogue);
      const month = dashboardTrend(db, [bucket]).months[0];
      expect(month).toEqual({ month: bucket.month, found: report.total.found, rectified: report.total.rectifiedGeneral + report.total.rectifiedMajor });
    }
  });

  it('cuts the first and last month to the days asked for', () => {
    expect(dashboardTrend(db, months('2026-01-06', '2026-03-05')).months).toEqual([
      { month: '2026-01', found: 1, rectified: 1 }, // B (A was found on the 5th)
      { month: '2026-02', found: 1, rectified: 1 },
      { month: '2026-03', found: 2, rectified: 0 }, // D reopened on the 1st, H on the 5th
    ]);
  });

  it('narrows the trend and the figures to a sector and a region prefix', () => {
    expect(dashboardTrend(db, months('2025-12', '2026-04'), undefined, { sector: 'gas' }).months.map((m) => [m.found, m.rectified])).toEqual([[1, 0], [2, 1], [0, 1], [2, 0], [1, 0]]);
    expect(dashboardTrend(db, months('2026-03', '2026-03'), undefined, { regionCode: '3302' }).months).toEqual([{ month: '2026-03', found: 1, rectified: 0 }]);

    const gas = dashboardSummary(db, NOW, undefined, { sector: 'gas' });
    expect(gas.total).toBe(5); // A, B, D, F, G
    expect(Object.keys(gas.bySector)).toEqual(['gas']);
    expect(dashboardSummary(db, NOW, undefined, { sector: 'gas', regionCode: '3301' }).total).toBe(4);
    expect(dashboardSummary(db, NOW, undefined, { regionCode: '330105' }).byRegion).toEqual({ '330105': 2 }); // C, D
  });

  it('takes the hazards first found in the period: its total is the sum of its months’', () => {
    const march = dashboardSummary(db, NOW, undefined, found('2026-03', '2026-03'));
    expect(march.total).toBe(3); // H, G, E; not D, found in December and reopened in March
    const quarter = dashboardSummary(db, NOW, undefined, found('2026-01', '2026-03')).total;
    const byMonth = ['2026-01', '2026-02', '2026-03'].map((m) => dashboardSummary(db, NOW, undefined, found(m, m)).total);
    expect(quarter).toBe(6);
    expect(byMonth.reduce((a, b) => a + b)).toBe(quarter);
    expect(dashboardSummary(db, NOW, undefined, found('2026-01', '2026-01')).byStatus).toMatchObject({ verified: 1, assigned: 1 }); // A, B
  });

  it('never counts a hazard outside the reader’s scope, whatever the filter asks for', () => {
    const scope = readScopeOf(gasOfHangzhou);
    expect(dashboardSummary(db, NOW, scope, { regionCode: '3302' }).total).toBe(0); // G is gas, but in 宁波市
    expect(dashboardTrend(db, months('2026-03', '2026-03'), scope, { regionCode: '3302' }).months[0]).toMatchObject({ found: 0, rectified: 0 });
    expect(dashboardTrend(db, months('2025-12', '2026-04'), scope).months.map((m) => [m.found, m.rectified])).toEqual([[1, 0], [2, 1], [0, 1], [1, 0], [1, 0]]);
    const readable = listHazards(db, {}, { page: 1, pageSize: 50 }, NOW, scope).items.map((h) => h.hazardId).sort();
    expect(readable).toEqual([A, B, D, F].sort());
    expect(dashboardSummary(db, NOW, scope, found('2026-01', '2026-04')).total).toBe(3); // A, B, F
  });

  it('filters the lists and scorecards as the figures', () => {
    type Item = ReturnType<typeof listHazards>['items'][number];
    const cases: [DashboardFilter, (h: Item) => boolean][] = [
      [{ sector: 'gas' }, (h) => h.sector === 'gas'],
      [{ sector: 'fire' }, (h) => h.sector === 'fire'],
      [{ regionCode: '330102' }, (h) => h.regionCode.startsWith('330102')],
      [found('2026-01', '2026-01'), (h) => h.hazardId === A || h.hazardId === B],
    ];
    const all = listHazards(db, {}, { page: 1, pageSize: 50 }, NOW).items;
    const overdueAll = overdueHazards(db, NOW).items;
    const cycles = db.prepare('SELECT hazard_id FROM rm_cycles WHERE supervising_department IS NOT NULL').all() as { hazard_id: string }[];
    expect(all).toHaveLength(8);
    for (const [filter, keeps] of cases) {
      const kept = all.filter(keeps).map((h) => h.hazardId);
      expect(kept.length).toBeGreaterThan(0);
      expect(overdueHazards(db, NOW, -1, undefined, filter).items).toEqual(overdueAll.filter((h) => kept.includes(h.hazardId)));
      const units = new Set(all.filter((h) => kept.includes(h.hazardId) && h.repeatFindings > 0).map((h) => h.unitId));
      expect(repeatUnits(db, -1, undefined, filter).items.map((u) => u.unitId).sort()).toEqual([...units].sort());
      const assigned = departmentScorecards(db, NOW, undefined, filter).items.reduce((sum, d) => sum + d.assigned, 0);
      expect(assigned).toBe(cycles.filter((c) => kept.includes(c.hazard_id)).length);
    }
    expect(overdueHazards(db, NOW, -1, undefined, { sector: 'gas' }).items.map((h) => h.hazardId)).toContain(B);
    expect(overdueHazards(db, NOW, -1, undefined, { sector: 'fire' }).items).toEqual([]);
    expect(repeatUnits(db, -1, undefined, { sector: 'gas' }).items.map((u) => u.unitId)).toEqual(['UNIT-B']);
  });

  it('answers again once the projector moves on, not from the answer it kept', () => {
    const growing = openReadModelsDb(':memory:');
    const events = log.events();
    const march = months('2026-03', '2026-03');
    commitBatch(growing, readModelConsumer, events.slice(0, 30));
    const before = dashboardTrend(growing, march);
    expect(dashboardTrend(growing, march)).toBe(before); // the same reading, kept
    commitBatch(growing, readModelConsumer, events.slice(30));
    const after = dashboardTrend(growing, march);
    expect(after.position).toBe(log.head);
    expect(after.months).toEqual(dashboardTrend(db, march).months);
    expect(after.months[0]!.found).toBeGreaterThan(before.months[0]!.found);
    growing.close();
  });
});
