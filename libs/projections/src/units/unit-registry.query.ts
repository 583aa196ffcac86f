import type { Database } from 'better-sqlite3';
import { RegisteredUnit, UnitType } from '@hazard/domain';
import { inSnapshot } from '../queries/read-model-sql';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';

export interface UnitListFilter {
  /** A region-code prefix: 3301 lists the units of 杭州市 and its districts. */
  readonly regionCode?: string;
  readonly type?: UnitType;
}

export interface UnitRows {
  readonly units: RegisteredUnit[];
  readonly total: number;
  readonly position: number;
}

/** Matches the filter and the reader's region prefixes (`@scope`, a JSON array; null: all); `c` is the table's alias. */
const whereOf = (c = '') => `WHERE (@region IS NULL OR substr(${c}region_code, 1, length(@region)) = @region)
  AND (@type IS NULL OR ${c}type = @type)
  AND (@scope IS NULL OR EXISTS (SELECT 1 FROM json_each(@scope) WHERE substr(${c}region_code, 1, length(value)) = value))`;

/** One page of registered units, by region code then creditCode, with the total and the read models' position. */
export function listUnitRows(db: Database, filter: UnitListFilter, regions: readonly string[] | null, paging: { page: number; pageSize: number }): UnitRows {
  const params = { region: filter.regionCode ?? null, type: filter.type ?? null, scope: regions === null ? null : JSON.stringify(regions) };
  const t = LIVE_TABLES.registry;
  const { result, position } = inSnapshot(db, () => ({
    total: (statement(db, `SELECT count(*) AS n FROM ${t} ${whereOf()}`).get(params) as { n: number }).n,
    rows: statement(db, `SELECT state FROM ${t} ${whereOf()} ORDER BY region_code, credit_code LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit: paging.pageSize,
      offset: (paging.page - 1) * paging.pageSize,
    }) as { state: string }[],
  }));
  return { units: result.rows.map((r) => JSON.parse(r.state) as RegisteredUnit), total: result.total, position };
}

/** The registry row of one unit as the read models hold it, and their position. */
export function unitRow(db: Database, creditCode: string): { unit: RegisteredUnit | undefined; position: number } {
  const { result, position } = inSnapshot(db, () => statement(db, `SELECT state FROM ${LIVE_TABLES.registry} WHERE credit_code = ?`).get(creditCode) as { state: string } | undefined);
  return { unit: result ? (JSON.parse(result.state) as RegisteredUnit) : undefined, position };
}

export interface ScopedUnitRow {
  readonly creditCode: string;
  readonly name: string;
  readonly type: UnitType;
  readonly regionCode: string;
  readonly registeredAt: string;
  /** The latest report for the period asked, if any. */
  readonly report: { readonly zeroHazard: boolean } | undefined;
}

/** Every unit of the region prefix and the reader's regions, with its report for `period`; call inside a snapshot. */
export function unitsWithReportFor(db: Database, period: string, regionCode: string | undefined, regions: readonly string[] | null): ScopedUnitRow[] {
  const params = { region: regionCode ?? null, type: null, scope: regions === null ? null : JSON.stringify(regions), period };
  const rows = statement(
    db,
    `SELECT r.credit_code, r.name, r.type, r.region_code, r.registered_ms, s.zero_hazard
     FROM ${LIVE_TABLES.registry} r LEFT JOIN ${LIVE_TABLES.selfChecks} s ON s.credit_code = r.credit_code AND s.period = @period
     ${whereOf('r.')} ORDER BY r.region_code, r.credit_code`,
  ).all(params) as Record<string, unknown>[];
  return rows.map((r) => ({
    creditCode: r.credit_code as string,
    name: r.name as string,
    type: r.type as UnitType,
    regionCode: r.region_code as string,
    registeredAt: new Date(r.registered_ms as number).toISOString(),
    report: r.zero_hazard === null ? undefined : { zeroHazard: r.zero_hazard === 1 },
  }));
}
