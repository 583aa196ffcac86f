import type { Database } from 'better-sqlite3';
import { HazardLevel, HazardStatus, ReadScope } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { hazardColumnsOf } from '../sqlite/hazard-columns';
import { statement } from '../sqlite/statement-cache';
import { days, inSnapshot, OVERDUE_NOW, OVERDUE_SOURCE } from './read-model-sql';
import { DashboardFilter, filteredScope } from './dashboard-filter-sql';
import { READS_ALL, whereAll } from './read-scope-sql';

export interface DashboardList<T> {
  readonly items: T[];
  /** The read-model position the list stands at. */
  readonly position: number;
}

export interface OverdueHazard {
  readonly hazardId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly location: string;
  readonly sector: string;
  readonly regionCode: string;
  readonly level: HazardLevel;
  readonly status: HazardStatus;
  readonly responsibleUnitId: string | null;
  readonly responsiblePerson: string | null;
  readonly supervisingDepartment: string | null;
  readonly deadline: string;
  /** now − deadline in days, 2 decimals, by the app's clock. */
  readonly daysOverdue: number;
  readonly underSupervision: boolean;
}

export interface RepeatUnit {
  readonly rank: number;
  readonly unitId: string;
  readonly unitName: string;
  /** HazardFoundAgain events at the unit: what the ranking is by (屡查屡犯). */
  readonly foundAgain: number;
  readonly hazards: number;
  readonly repeatHazards: number;
  readonly findings: number;
}

const OVERDUE_COLUMNS = hazardColumnsOf([
  'hazardId', 'unitId', 'unitName', 'location', 'sector', 'regionCode', 'level', 'status',
  'responsibleUnitId', 'responsiblePerson', 'supervisingDepartment', 'deadline', 'deadlineMs', 'underSupervision',
]);

/** The hazards `scope` may read and `filter` keeps that are overdue now, most overdue first; `limit` -1 for all. */
export function overdueHazards(db: Database, now: Date, limit = -1, scope: ReadScope = READS_ALL, filter: DashboardFilter = {}): DashboardList<OverdueHazard> {
  const nowMs = now.getTime();
  const scoped = filteredScope(scope, filter);
  const sql = `SELECT ${OVERDUE_COLUMNS} FROM ${OVERDUE_SOURCE} ${whereAll([OVERDUE_NOW, scoped.sql])} ORDER BY deadline_ms, hazard_id LIMIT @limit`;
  const { result, position } = inSnapshot(db, () => statement(db, sql).all({ ...scoped.params, now: nowMs, limit }) as Record<string, unknown>[]);
  // Mapped column by column, not through hazardFromSql: the whole list may be tens of thousands of rows.
  const items = result.map((r) => ({
    hazardId: r.hazard_id as string,
    unitId: r.unit_id as string,
    unitName: r.unit_name as string,
    location: r.location as string,
    sector: r.sector as string,
    regionCode: r.region_code as string,
    level: r.level as HazardLevel,
    status: r.status as HazardStatus,
    responsibleUnitId: r.responsible_unit_id as string | null,
    responsiblePerson: r.responsible_person as string | null,
    supervisingDepartment: r.supervising_department as string | null,
    deadline: r.deadline as string,
    daysOverdue: days(nowMs - (r.deadline_ms as number)),
    underSupervision: r.under_supervision === 1,
  }));
  return { items, position };
}

/**
 * Units found again at least once, most found-again first (then most findings, then unit id); `limit` -1 for all.
 * A reader of everything, unfiltered, reads the units table; anyone else gets the same counts over the hazards it
 * may read and `filter` keeps.
 */
export function repeatUnits(db: Database, limit = -1, scope: ReadScope = READS_ALL, filter: DashboardFilter = {}): DashboardList<RepeatUnit> {
  const scoped = filteredScope(scope, filter, 'h');
  const sql = scoped.sql === null ? ALL_REPEAT_UNITS : scopedRepeatUnits(scoped.sql);
  const { result, position } = inSnapshot(db, () => statement(db, sql).all({ ...scoped.params, limit }) as Record<string, number & string>[]);
  const items = result.map((r, index) => ({
    rank: index + 1,
    unitId: r.unit_id,
    unitName: r.unit_name,
    foundAgain: r.found_again,
    hazards: r.hazards,
    repeatHazards: r.repeat_hazards,
    findings: r.findings,
  }));
  return { items, position };
}

const REPEAT_ORDER = 'found_again > 0 ORDER BY found_again DESC, findings DESC, unit_id LIMIT @limit';
const ALL_REPEAT_UNITS = `SELECT * FROM ${LIVE_TABLES.units} WHERE ${REPEAT_ORDER}`;

/**
 * The units table's counts, taken from the readable hazards' rows: a HazardFoundAgain adds one repeat finding, so
 * found_again = Σ repeat_findings and findings = hazards + found_again. The name is the unit's, as in the table.
 */
function scopedRepeatUnits(scope: string): string {
  return `SELECT * FROM (
      SELECT h.unit_id AS unit_id, COALESCE(MAX(u.unit_name), MAX(h.unit_name)) AS unit_name, COUNT(*) AS hazards,
        COUNT(*) + SUM(h.repeat_findings) AS findings, SUM(h.repeat_findings) AS found_again, SUM(h.repeat_findings > 0) AS repeat_hazards
      FROM ${LIVE_TABLES.hazards} h LEFT JOIN ${LIVE_TABLES.units} u ON u.unit_id = h.unit_id
      WHERE ${scope} GROUP BY h.unit_id)
    WHERE ${REPEAT_ORDER}`;
}
