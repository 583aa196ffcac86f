import { parsePeriod } from './period';
import { computeStatistics, rowKeysOf, StatisticsReport } from './statistics-report';
import { aCatalogue } from './testing/statistics-catalogue.double';
import { firstQuarterLog } from './testing/first-quarter-log';
import { figures, q1Query } from './testing/statistics.mother';

const catalogue = aCatalogue();

const COUNTS = [
  'found', 'foundGeneral', 'foundMajor', 'foundRectifiedGeneral', 'foundRectifiedMajor', 'rectifiedGeneral', 'rectifiedMajor', 'rectifiedOnTime',
  'openAtEnd', 'overdueAtEnd', 'withPlan', 'fundingPlanned',
] as const;

function sumOfRows(report: StatisticsReport): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const row of report.rows) {
    for (const field of COUNTS) sum[field] = (sum[field] ?? 0) + row[field];
    for (const [k, v] of Object.entries(row.supervisedAtEnd)) sum[`supervisedAtEnd.${k}`] = (sum[`supervisedAtEnd.${k}`] ?? 0) + v;
    for (const [k, v] of Object.entries(row.bySource)) sum[`bySource.${k}`] = (sum[`bySource.${k}`] ?? 0) + v;
  }
  return sum;
}

function totalCounts(report: StatisticsReport): Record<string, number> {
  const t = report.total;
  return {
    ...Object.fromEntries(COUNTS.map((field) => [field, t[field]])),
    ...Object.fromEntries(Object.entries(t.supervisedAtEnd).map(([k, v]) => [`supervisedAtEnd.${k}`, v])),
    ...Object.fromEntries(Object.entries(t.bySource).map(([k, v]) => [`bySource.${k}`, v])),
  };
}

describe('period statistics on a scripted first quarter (杭州市, by region)', () => {
  const log = firstQuarterLog();
  const report = computeStatistics(log.facts(), q1Query(), catalogue);

  it('echoes the query, with the scope normalised', () => {
    expect(report).toMatchObject({
      period: '2026Q1', from: '2026-01-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', end: '2026-04-01T00:00:00+08:00',
      timeZone: 'Asia/Shanghai', regionCode: '3301', sectors: null, groupBy: 'region',
    });
    expect(report.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rows: the catalogue children in code order, then 其他 for the region outside them', () => {
    expect(report.rows.map((r) => [r.key, r.name])).toEqual([['330102', '上城区'], ['330105', '拱墅区'], ['330106', '西湖区'], [null, '其他']]);
  });

  it('上城区: A verified on time; B major by reclassification, overdue after its extension, latest plan 0.1 yuan, city supervision; F is next quarter', () => {
    expect(report.rows[0]).toEqual({
      key: '330102', name: '上城区',
      ...figures({
        found: 2, foundGeneral: 1, foundMajor: 1, foundRectifiedGeneral: 1, rectificationRateGeneral: 1, rectifiedGeneral: 1, rectifiedOnTime: 1, onTimeRate: 1,
        openAtEnd: 1, overdueAtEnd: 1, supervisedAtEnd: { county: 0, city: 1, province: 0 }, withPlan: 1, fundingPlanned: 10,
        bySource: { inspection: 1, 'self-check': 1, 'citizen-report': 0, other: 0 },
      }),
    });
  });

  it('拱墅区: C verified after a failed verification and a late rectification (not on time); D verified in Q1, found before it, reopened and supervised', () => {
    expect(report.rows[1]).toEqual({
      key: '330105', name: '拱墅区',
      ...figures({
        found: 2, foundGeneral: 1, foundMajor: 1, foundRectifiedMajor: 1, rectificationRateMajor: 1, rectifiedGeneral: 1, rectifiedMajor: 1, rectifiedOnTime: 1, onTimeRate: 0.5,
        openAtEnd: 1, supervisedAtEnd: { county: 1, city: 0, province: 0 }, withPlan: 1, fundingPlanned: 20,
        bySource: { inspection: 0, 'self-check': 0, 'citizen-report': 1, other: 1 },
      }),
    });
  });

  it('西湖区: E, discovered at 23:59 on the last day and recorded five days later, counts in Q1', () => {
    expect(report.rows[2]).toEqual({ key: '330106', name: '西湖区', ...figures({ found: 1, foundGeneral: 1, openAtEnd: 1, bySource: { inspection: 0, 'self-check': 0, 'citizen-report': 0, other: 1 } }) });
  });

  it('其他: H verified, found again by a citizen report (a new cycle), under province supervision, and still general at end', () => {
    expect(report.rows[3]).toEqual({
      key: null, name: '其他',
      ...figures({
        found: 2, foundGeneral: 2, foundRectifiedGeneral: 1, rectificationRateGeneral: 0.5, rectifiedGeneral: 1, rectifiedOnTime: 1, onTimeRate: 1, openAtEnd: 1,
        supervisedAtEnd: { county: 0, city: 0, province: 1 }, bySource: { inspection: 0, 'self-check': 0, 'citizen-report': 1, other: 1 },
      }),
    });
  });

  it('the total from its own sums: 2 of 5 general (0.4), 3 of 4 on time (0.75), funding 0.1 + 0.2 yuan = 30 fen exactly', () => {
    expect(report.total).toEqual(
      figures({
        found: 7, foundGeneral: 5, foundMajor: 2, foundRectifiedGeneral: 2, foundRectifiedMajor: 1, rectificationRateGeneral: 0.4, rectificationRateMajor: 0.5,
        rectifiedGeneral: 3, rectifiedMajor: 1, rectifiedOnTime: 3, onTimeRate: 0.75, openAtEnd: 4, overdueAtEnd: 1, supervisedAtEnd: { county: 1, city: 1, province: 1 },
        withPlan: 2, fundingPlanned: 30, bySource: { inspection: 1, 'self-check': 1, 'citizen-report': 2, other: 3 },
      }),
    );
    expect(0.1 + 0.2).not.toBe(0.3); // why funding is summed in fen
  });

  it.each(['region', 'sector', 'level', 'source'] as const)('grouped by %s, the total counts equal the rows’ sums', (groupBy) => {
    for (const regionCode of ['3301', null]) {
      const grouped = computeStatistics(log.facts(), q1Query({ groupBy, regionCode }), catalogue);
      expect(sumOfRows(grouped)).toEqual(totalCounts(grouped));
    }
  });

  it('by sector: the catalogue’s sectors in its order, zero rows kept, then other codes with data', () => {
    const bySector = computeStatistics(log.facts(), q1Query({ groupBy: 'sector' }), catalogue);

    expect(bySector.rows.map((r) => [r.key, r.name, r.found])).toEqual([['gas', '燃气', 3], ['fire', '消防', 1], ['construction', '住建', 1], ['mining', 'mining', 2]]);
  });

  it('by sector within chosen sectors: only those, in catalogue order, and the scope is sorted', () => {
    const scoped = computeStatistics(log.facts(), q1Query({ groupBy: 'sector', sectors: ['fire', 'gas', 'fire'] }), catalogue);

    expect(scoped.sectors).toEqual(['fire', 'gas']);
    expect(scoped.rows.map((r) => r.key)).toEqual(['gas', 'fire']);
    expect(scoped.total.found).toBe(4);
  });

  it('by level and by source: all values as rows, with the level at end', () => {
    const byLevel = computeStatistics(log.facts(), q1Query({ groupBy: 'level' }), catalogue);
    const bySource = computeStatistics(log.facts(), q1Query({ groupBy: 'source' }), catalogue);

    expect(byLevel.rows.map((r) => [r.key, r.name, r.found, r.supervisedAtEnd])).toEqual([
      ['general', '一般隐患', 5, { county: 1, city: 0, province: 1 }],
      ['major', '重大隐患', 2, { county: 0, city: 1, province: 0 }],
    ]);
    expect(bySource.rows.map((r) => [r.key, r.name, r.found])).toEqual([['inspection', '部门检查', 1], ['self-check', '企业自查', 1], ['citizen-report', '群众举报', 2], ['other', '其他', 3]]);
  });

  it('without a region: the catalogue roots; a childless region is its own row', () => {
    expect(computeStatistics(log.facts(), q1Query({ regionCode: null }), catalogue).rows.map((r) => [r.key, r.found])).toEqual([['33', 8]]);
    expect(computeStatistics(log.facts(), q1Query({ regionCode: '330105' }), catalogue).rows.map((r) => [r.key, r.name, r.found])).toEqual([['330105', '拱墅区', 2]]);
  });

  it('a running period: the log as it was at 03-05 12:00, figures at end = now', () => {
    const now = '2026-03-05T12:00:00+08:00';
    const running = computeStatistics(log.facts(log.positionAt(now)), q1Query({ end: now }), catalogue);

    expect(running.total).toEqual(
      figures({
        found: 5, foundGeneral: 3, foundMajor: 2, foundRectifiedGeneral: 1, rectificationRateGeneral: 0.3333, rectifiedGeneral: 2, rectifiedOnTime: 2, onTimeRate: 1,
        openAtEnd: 4, supervisedAtEnd: { county: 2, city: 1, province: 0 }, withPlan: 2, fundingPlanned: 30,
        bySource: { inspection: 1, 'self-check': 1, 'citizen-report': 1, other: 2 },
      }),
    );
  });

  it('nothing dated after end counts, so the whole log gives the figures the log had then', () => {
    const now = '2026-03-05T12:00:00+08:00';

    expect(computeStatistics(log.facts(), q1Query({ end: now }), catalogue)).toEqual(computeStatistics(log.facts(log.positionAt(now)), q1Query({ end: now }), catalogue));
  });

  it('a cycle’s level is the one at end: H is major from 04-03, so in April, not in Q1', () => {
    const april = parsePeriod('2026-04', 'Asia/Shanghai');
    const inApril = computeStatistics(log.facts(), q1Query({ period: april.period, from: april.from, to: april.to, end: april.to }), catalogue);

    expect(inApril.rows.find((r) => r.key === null)).toMatchObject({ found: 0, openAtEnd: 1, supervisedAtEnd: { province: 1 } });
    expect(inApril.total).toMatchObject({ found: 1, foundGeneral: 1 }); // F, discovered at 04-01 00:00
    expect(report.total.foundMajor).toBe(2);
  });

  it('the digest is stable, ignores names and the order of the facts, and changes with any figure', () => {
    const again = computeStatistics([...log.facts()].reverse(), q1Query(), aCatalogue([], { '330102': '上城' }));
    const earlier = computeStatistics(log.facts(log.head - 1), q1Query(), catalogue);

    expect(again.rows[0]?.name).toBe('上城');
    expect(again.digest).toBe(report.digest);
    expect(earlier.digest).not.toBe(report.digest);
  });

  it('rowKeys: a filing recomputes with its own rows even after the catalogue gained a district', () => {
    const grown = aCatalogue([{ code: '330108', name: '滨江区', parent: '3301' }]);

    expect(computeStatistics(log.facts(), q1Query(), grown).rows.map((r) => r.key)).toEqual(['330102', '330105', '330106', '330108', null]);
    const refiled = computeStatistics(log.facts(), q1Query({ rowKeys: rowKeysOf(report) }), grown);
    expect(refiled.digest).toBe(report.digest);
  });

  it('as of a position: the stored facts cut at P equal the facts folded from the log up to P', () => {
    for (const position of [0, 10, 25, log.head - 1, log.head]) {
      const cut = computeStatistics(log.facts(), q1Query({ asOfPosition: position }), catalogue);
      const replayed = computeStatistics(log.facts(position), q1Query(), catalogue);
      expect(cut).toEqual(replayed);
    }
  });
});
