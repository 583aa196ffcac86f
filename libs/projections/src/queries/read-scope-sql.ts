import { ReadScope } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';

/** A reader's scope as an SQL condition, with its named parameters (each named `scope…`, apart from a query's own). */
export interface ScopeCondition {
  /** null: the reader reads everything, so a query stays exactly as it was, with its indexed plan. */
  readonly sql: string | null;
  readonly params: Readonly<Record<string, unknown>>;
}

type Area = NonNullable<ReadScope['area']>;

/** The scope of a reader of everything (reviewer, admin, the CLI): the queries' default. */
export const READS_ALL: ReadScope = { all: true, hidesSource: false };

/**
 * readScopeOf's rule (the one canRead applies) in SQL, over a table with `hazard_id`, `sector` and `region_code`
 * columns — the hazards and the statistics facts; `alias` qualifies them in a join: its sectors × region prefixes,
 * or the hazards a rectifier's unit may read (unitReads). A prefix is a range, as the list's regionCode filter:
 * region codes are digits, and ':' sorts right after '9'. Only the shape of the SQL depends on the scope, never
 * its values, so a few statements serve every reader.
 */
export function scopeCondition(scope: ReadScope, alias?: string): ScopeCondition {
  if (scope.all) return { sql: null, params: {} };
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const params: Record<string, unknown> = {};
  const either: string[] = [];
  if (scope.area) {
    const area = areaCondition(scope.area, column, params);
    if (area === null) return { sql: null, params: {} }; // every sector in every region
    either.push(area);
  }
  if (scope.unitId !== undefined) {
    params.scopeUnit = scope.unitId;
    either.push(`${column('hazard_id')} IN (SELECT hazard_id FROM ${LIVE_TABLES.unitReads} WHERE unit_id = @scopeUnit)`);
  }
  return { sql: either.length > 0 ? `(${either.join(' OR ')})` : nothing(column), params };
}

/** The scope on a table keyed by hazard that has no sector or region of its own (cycles, departments). */
export function scopedHazardIds(scope: ReadScope): ScopeCondition {
  const { sql, params } = scopeCondition(scope);
  return { sql: sql && `hazard_id IN (SELECT hazard_id FROM ${LIVE_TABLES.hazards} WHERE ${sql})`, params };
}

/** `AND`s the condition onto a query's own ones ("" when there are none). */
export function whereAll(conditions: readonly (string | null | undefined)[]): string {
  const present = conditions.filter((c): c is string => !!c);
  return present.length > 0 ? `WHERE ${present.join(' AND ')}` : '';
}

function areaCondition(area: Area, column: (name: string) => string, params: Record<string, unknown>): string | null {
  const both: string[] = [];
  if (!area.sectors.includes('*')) {
    const names = area.sectors.map((sector, i) => {
      params[`scopeSector${i}`] = sector;
      return `@scopeSector${i}`;
    });
    both.push(names.length > 0 ? `${column('sector')} IN (${names.join(', ')})` : nothing(column));
  }
  if (!area.regions.includes('*')) {
    const ranges = area.regions.map((prefix, i) => {
      Object.assign(params, { [`scopeRegionFrom${i}`]: prefix, [`scopeRegionTo${i}`]: `${prefix}:` });
      return `(${column('region_code')} >= @scopeRegionFrom${i} AND ${column('region_code')} < @scopeRegionTo${i})`;
    });
    both.push(ranges.length > 0 ? `(${ranges.join(' OR ')})` : nothing(column));
  }
  return both.length > 0 ? both.join(' AND ') : null;
}

/** False for every row, but not a constant: a constant false leaves a query that says `INDEXED BY` with no plan. */
function nothing(column: (name: string) => string): string {
  return `${column('hazard_id')} IS NULL`;
}
