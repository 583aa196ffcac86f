import { createHash } from 'node:crypto';
import { canonicalJson } from '@hazard/event-store';
import { AsOf, currentCycleAt, cycleAt, hazardRecorded, levelAt, ms, sourceBucketOf, supervisionAt } from './cycle-at-end';
import { HazardFacts } from './cycle-facts';
import { StatisticsCatalogue } from './statistics-catalogue';
import { FigureTally, StatisticsFigures } from './statistics-figures';
import { catalogueRowKeys, extraRowKeys, GroupBy, inStatisticsScope, normaliseScope, RowKey, rowKeyFinder, rowName } from './statistics-grouping';

export interface StatisticsQuery {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  /** min(to, now), passed in (see periodEnd): the instant "at end" and "before end" refer to. */
  readonly end: string;
  readonly timeZone: string;
  readonly regionCode?: string | null;
  /** Sector codes in scope; null or absent: all. */
  readonly sectors?: readonly string[] | null;
  readonly groupBy: GroupBy;
  /** A filing's own rows, instead of the catalogue's and the data's (a filing recomputes with them). */
  readonly rowKeys?: readonly RowKey[];
  /** Count only facts recorded at or before this log position (a filing's); default all. */
  readonly asOfPosition?: number;
}

export type StatisticsRow = { readonly key: RowKey; readonly name: string } & StatisticsFigures;

/** The 统计分析表 as data: GET /reports/statistics without `position`, which the caller adds. */
export interface StatisticsReport {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly end: string;
  readonly timeZone: string;
  readonly regionCode: string | null;
  readonly sectors: readonly string[] | null;
  readonly groupBy: GroupBy;
  readonly digest: string;
  readonly rows: readonly StatisticsRow[];
  readonly total: StatisticsFigures;
}

/**
 * The period's figures of the hazards in scope, a row per group and the total from its own sums. Pure: the
 * facts (from the read model or a recomputation), the query and the catalogue's names are all it reads.
 * Facts outside the scope are skipped, so the caller may pass every hazard the reader may read.
 */
export function computeStatistics(facts: Iterable<HazardFacts>, query: StatisticsQuery, names: StatisticsCatalogue): StatisticsReport {
  const scope = normaliseScope(query);
  const fromMs = ms(query.from);
  const asOf: AsOf = { endMs: ms(query.end), position: query.asOfPosition ?? Infinity };
  const shown = query.rowKeys ? [...query.rowKeys] : catalogueRowKeys(query.groupBy, scope, names);
  const keyOf = rowKeyFinder(query.groupBy, shown);
  const tallies = new Map<RowKey, FigureTally>();
  const total = new FigureTally();
  const tallyOf = (key: RowKey): FigureTally => {
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = new FigureTally()));
    return tally;
  };

  for (const h of facts) {
    if (!inStatisticsScope(h, scope) || !hazardRecorded(h, asOf)) continue;
    for (const cycle of h.cycles) {
      const atEnd = cycleAt(h, cycle, asOf);
      if (!atEnd) continue;
      const key = keyOf(h, atEnd.level, atEnd.source);
      for (const tally of [tallyOf(key), total]) tally.addCycle(atEnd, fromMs, asOf.endMs);
    }
    const supervised = supervisionAt(h, asOf);
    const current = currentCycleAt(h, asOf);
    if (supervised && current) {
      const key = keyOf(h, levelAt(h, asOf), sourceBucketOf(current));
      for (const tally of [tallyOf(key), total]) tally.addSupervision(supervised);
    }
  }

  const keys = query.rowKeys ? shown : [...shown, ...extraRowKeys(query.groupBy, shown, tallies)];
  const rows = keys.map((key) => ({ key, name: rowName(query.groupBy, key, names), ...(tallies.get(key) ?? new FigureTally()).figures() }));
  const report = {
    period: query.period,
    from: query.from,
    to: query.to,
    end: query.end,
    timeZone: query.timeZone,
    regionCode: scope.regionCode,
    sectors: scope.sectors,
    groupBy: query.groupBy,
    rows,
    total: total.figures(),
  };
  return { ...report, digest: statisticsDigest(report) };
}

/** The rows a report has, in order: what a filing records to recompute with later. */
export function rowKeysOf(report: Pick<StatisticsReport, 'rows'>): RowKey[] {
  return report.rows.map((row) => row.key);
}

/**
 * sha256 (hex) of the canonical JSON (as in the hash chain) of {period, from, to, regionCode, sectors,
 * groupBy, rows without names, total}: names come from the catalogue and end from the clock, so neither is in it.
 */
export function statisticsDigest(report: Omit<StatisticsReport, 'digest' | 'end' | 'timeZone'>): string {
  const { period, from, to, regionCode, sectors, groupBy, total } = report;
  const rows = report.rows.map(({ name: _name, ...figures }) => figures);
  return createHash('sha256').update(canonicalJson({ period, from, to, regionCode, sectors, groupBy, rows, total })).digest('hex');
}
