import { HazardLevel, LEVELS } from '@hazard/domain';
import { SOURCE_BUCKETS, SourceBucket } from './cycle-at-end';
import { HazardFacts } from './cycle-facts';
import { FigureTally } from './statistics-figures';
import { LEVEL_ROW_NAMES, OTHER_ROW_NAME, SOURCE_NAMES } from './statistics-labels';
import { StatisticsCatalogue } from './statistics-catalogue';

export const GROUP_BYS = ['region', 'sector', 'level', 'source'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** A row's key: a region or sector code, a level, a source bucket; null is the region row 其他 (the rest). */
export type RowKey = string | null;

/** What a report covers: regionCode prefix × sectors (null: all). */
export interface StatisticsScope {
  readonly regionCode: string | null;
  readonly sectors: readonly string[] | null;
}

/** Region null when absent; sectors sorted and deduplicated (null, or a claim's `*`: all), so one scope has one digest. */
export function normaliseScope(scope: { readonly regionCode?: string | null; readonly sectors?: readonly string[] | null }): StatisticsScope {
  const sectors = scope.sectors && !scope.sectors.includes('*') ? [...new Set(scope.sectors)].sort() : null;
  return { regionCode: scope.regionCode ?? null, sectors };
}

export function inStatisticsScope(h: Pick<HazardFacts, 'regionCode' | 'sector'>, scope: StatisticsScope): boolean {
  return (scope.regionCode === null || h.regionCode.startsWith(scope.regionCode)) && (scope.sectors === null || scope.sectors.includes(h.sector));
}

/**
 * The rows shown whatever the data: region, the catalogue children of regionCode (the roots without one; the
 * region itself if childless) in code order; sector, the catalogue sectors in scope in catalogue order;
 * level and source, all their values.
 */
export function catalogueRowKeys(groupBy: GroupBy, scope: StatisticsScope, catalogue: StatisticsCatalogue): RowKey[] {
  switch (groupBy) {
    case 'region': {
      const children = catalogue.regionChildren(scope.regionCode).map((c) => c.code).sort(byCode);
      return children.length === 0 && scope.regionCode !== null ? [scope.regionCode] : children;
    }
    case 'sector':
      return catalogue.sectors.map((s) => s.code).filter((code) => scope.sectors === null || scope.sectors.includes(code));
    case 'level':
      return [...LEVELS];
    case 'source':
      return [...SOURCE_BUCKETS];
  }
}

/** Rows beyond the catalogue's, only where something was counted: region 其他 (null), then other sector codes. */
export function extraRowKeys(groupBy: GroupBy, shown: readonly RowKey[], tallies: ReadonlyMap<RowKey, FigureTally>): RowKey[] {
  const withData = [...tallies].filter(([key, tally]) => tally.hasData && !shown.includes(key)).map(([key]) => key);
  if (groupBy === 'region') return withData.includes(null) ? [null] : [];
  if (groupBy === 'sector') return withData.filter((key): key is string => key !== null).sort(byCode);
  return [];
}

/** Which row a cycle (or a supervised hazard) is counted in, given the rows' keys. */
export function rowKeyFinder(groupBy: GroupBy, keys: readonly RowKey[]): (h: HazardFacts, level: HazardLevel, source: SourceBucket) => RowKey {
  switch (groupBy) {
    case 'region': {
      // The most specific row whose code is a prefix of the hazard's region; the rest is 其他.
      const regions = keys.filter((k): k is string => k !== null).sort((a, b) => b.length - a.length);
      return (h) => regions.find((code) => h.regionCode.startsWith(code)) ?? null;
    }
    case 'sector':
      return (h) => h.sector;
    case 'level':
      return (_h, level) => level;
    case 'source':
      return (_h, _level, source) => source;
  }
}

export function rowName(groupBy: GroupBy, key: RowKey, catalogue: StatisticsCatalogue): string {
  if (key === null) return OTHER_ROW_NAME;
  switch (groupBy) {
    case 'region':
      return catalogue.regionName(key);
    case 'sector':
      return catalogue.sectorName(key);
    case 'level':
      return LEVEL_ROW_NAMES[key as HazardLevel] ?? key;
    case 'source':
      return SOURCE_NAMES[key as SourceBucket] ?? key;
  }
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
