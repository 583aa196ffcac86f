import { HazardLevel, HazardStatus, ReadScope } from '@hazard/domain';
import { HAZARD_VIEW_COLUMNS } from '../sqlite/hazard-columns';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { OVERDUE_NOW, OVERDUE_SOURCE } from './read-model-sql';
import { READS_ALL, scopeCondition } from './read-scope-sql';

const T = LIVE_TABLES.hazards;

export interface HazardListFilter {
  readonly status?: HazardStatus;
  readonly sector?: string;
  /** A prefix: region codes are hierarchical (33 province, 3301 city, 330102 district), so `3301` lists a whole city. */
  readonly regionCode?: string;
  readonly level?: HazardLevel;
  readonly unitId?: string;
  /** Overdue now, by the clock passed in (see OVERDUE_NOW). */
  readonly overdue?: boolean;
  readonly underSupervision?: boolean;
  /** Found in [fromMs, toMs): the discoveredAt of its HazardFound, as the dashboard's period counts it. */
  readonly found?: { readonly fromMs: number; readonly toMs: number };
}

/** Up to this many matches, fetching them by their own index and sorting is cheaper than walking in list order. */
const SORT_LIMIT = 2000;

export interface ListPlan {
  /** COUNT(*) queries whose results add up to the total (`sign` -1 subtracts). */
  readonly counts: readonly { readonly sql: string; readonly sign: 1 | -1 }[];
  /** The page query, given the total. */
  readonly page: (total: number) => string;
  readonly params: Record<string, unknown>;
}

/**
 * How to answer a filtered page fast at 100k hazards. Equality filters each have an index ending in
 * found_position, so SQLite reads the page in order and stops. The two range filters do not:
 * - `regionCode` (a prefix, as a range) and `overdue=true` match rows across many index entries, which then
 *   need sorting. When many match, walking the found-order index and stopping after one page is cheaper;
 *   when few match, fetching them by their own index and sorting them is. The total decides.
 * - `overdue=false` cannot use an index, so its total is counted as "all matching" minus "overdue".
 * The reader's scope is one more range-like condition; a reader of everything adds none.
 */
export function planList(filter: HazardListFilter, now: Date, scope: ReadScope = READS_ALL): ListPlan {
  const equality: string[] = [];
  const params: Record<string, unknown> = { now: now.getTime() };
  const equals = (column: string, name: string, value: unknown) => {
    if (value === undefined) return;
    equality.push(`${column} = @${name}`);
    params[name] = value;
  };
  equals('status', 'status', filter.status);
  equals('sector', 'sector', filter.sector);
  equals('level', 'level', filter.level);
  equals('unit_id', 'unitId', filter.unitId);
  equals('under_supervision', 'underSupervision', filter.underSupervision === undefined ? undefined : Number(filter.underSupervision));
  const ranges: string[] = [];
  if (filter.regionCode !== undefined) {
    // Region codes are digits (the report DTO checks), and ':' is the character right after '9', so every
    // code starting with the prefix sorts inside [prefix, prefix + ':').
    ranges.push('region_code >= @regionFrom AND region_code < @regionTo');
    Object.assign(params, { regionFrom: filter.regionCode, regionTo: `${filter.regionCode}:` });
  }
  if (filter.found !== undefined) {
    // The HazardFound is a stream's first event (revision 0); findings are indexed by discovered_ms.
    ranges.push(`hazard_id IN (SELECT hazard_id FROM ${LIVE_TABLES.findings} WHERE discovered_ms >= @foundFrom AND discovered_ms < @foundTo AND revision = 0)`);
    Object.assign(params, { foundFrom: filter.found.fromMs, foundTo: filter.found.toMs });
  }
  const scoped = scopeCondition(scope);
  if (scoped.sql !== null) ranges.push(scoped.sql);
  Object.assign(params, scoped.params);
  const base = [...equality, ...ranges];
  const where = (extra: string[] = []) => {
    const all = [...base, ...extra];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const byDeadline = OVERDUE_SOURCE;
  const byFound = `${T} INDEXED BY ${T}_by_found`;
  const pageSource = (total: number) => {
    if (total <= SORT_LIMIT) return filter.overdue === true ? byDeadline : T;
    return equality.length === 0 && (filter.regionCode !== undefined || filter.found !== undefined || filter.overdue === true || scoped.sql !== null) ? byFound : T;
  };
  const overdue = filter.overdue === undefined ? [] : [filter.overdue ? OVERDUE_NOW : `NOT ${OVERDUE_NOW}`];
  const counts: ListPlan['counts'] =
    filter.overdue === true
      ? [{ sql: `SELECT COUNT(*) AS n FROM ${byDeadline} ${where(overdue)}`, sign: 1 }]
      : [
          { sql: `SELECT COUNT(*) AS n FROM ${T} ${where()}`, sign: 1 },
          ...(filter.overdue === false ? [{ sql: `SELECT COUNT(*) AS n FROM ${byDeadline} ${where([OVERDUE_NOW])}`, sign: -1 as const }] : []),
        ];
  const page = (total: number) =>
    `SELECT ${HAZARD_VIEW_COLUMNS.join(', ')}, ${OVERDUE_NOW} AS overdue_now FROM ${pageSource(total)} ${where(overdue)} ORDER BY found_position DESC LIMIT @limit OFFSET @offset`;
  return { counts, page, params };
}
