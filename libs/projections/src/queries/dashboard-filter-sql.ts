import { ReadScope } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { ScopeCondition, scopeCondition } from './read-scope-sql';

/**
 * What a dashboard reader narrows its figures to, on top of its read scope. Absent fields do not narrow.
 */
export interface DashboardFilter {
  /** A catalogue sector code (the API checks it against the catalogue). */
  readonly sector?: string;
  /** A region-code prefix, as the list's: `3301` is the whole city. */
  readonly regionCode?: string;
  /**
   * Found in [foundFromMs, foundToMs): the discoveredAt of the hazard's HazardFound, not of a later finding, so a
   * hazard belongs to one period only and the period's total is the sum of its months'.
   */
  readonly found?: { readonly fromMs: number; readonly toMs: number };
}

/**
 * The reader's scope and the filter as one condition over a table with `hazard_id`, `sector` and `region_code`
 * (the hazards, the statistics facts); `alias` qualifies the columns in a join. Parameters are named `filter…`.
 */
export function filteredScope(scope: ReadScope, filter: DashboardFilter = {}, alias?: string): ScopeCondition {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const scoped = scopeCondition(scope, alias);
  const params: Record<string, unknown> = { ...scoped.params };
  const all: string[] = scoped.sql === null ? [] : [scoped.sql];
  if (filter.sector !== undefined) {
    all.push(`${column('sector')} = @filterSector`);
    params.filterSector = filter.sector;
  }
  if (filter.regionCode !== undefined) {
    // Region codes are digits, and ':' sorts right after '9': the prefix is the range [prefix, prefix + ':').
    all.push(`(${column('region_code')} >= @filterRegionFrom AND ${column('region_code')} < @filterRegionTo)`);
    Object.assign(params, { filterRegionFrom: filter.regionCode, filterRegionTo: `${filter.regionCode}:` });
  }
  if (filter.found !== undefined) {
    // The HazardFound is a stream's first event (revision 0); findings are indexed by discovered_ms.
    all.push(
      `${column('hazard_id')} IN (SELECT hazard_id FROM ${LIVE_TABLES.findings} WHERE discovered_ms >= @filterFoundFrom AND discovered_ms < @filterFoundTo AND revision = 0)`,
    );
    Object.assign(params, { filterFoundFrom: filter.found.fromMs, filterFoundTo: filter.found.toMs });
  }
  return { sql: all.length > 0 ? `(${all.join(' AND ')})` : null, params };
}

/** The same on a table keyed by hazard that has no sector or region of its own (cycles, departments). */
export function filteredHazardIds(scope: ReadScope, filter: DashboardFilter = {}): ScopeCondition {
  const { sql, params } = filteredScope(scope, filter);
  return { sql: sql && `hazard_id IN (SELECT hazard_id FROM ${LIVE_TABLES.hazards} WHERE ${sql})`, params };
}
