import type { Database } from 'better-sqlite3';
import { LEVELS, ReadScope, SOURCES, STATUSES } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import { inSnapshot, OVERDUE_NOW, OVERDUE_SOURCE, rate } from './read-model-sql';
import { DashboardFilter, filteredHazardIds, filteredScope } from './dashboard-filter-sql';
import { READS_ALL, whereAll } from './read-scope-sql';

export interface DashboardSummary {
  /** Hazards (隐患总数). */
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly bySector: Record<string, number>;
  /** By full region code. */
  readonly byRegion: Record<string, number>;
  readonly byLevel: Record<string, number>;
  /** By the source of the first report; absent for a reader the source is hidden from (a rectifier). */
  readonly bySource?: Record<string, number>;
  /** 整改率: hazards whose current status is verified ÷ all hazards. */
  readonly rectificationRate: number;
  /** 按期整改率: rectified cycles whose latest rectification was on time ÷ rectified cycles. */
  readonly onTimeRate: number;
  /** Hazards overdue now by the app's clock (see OVERDUE_NOW). */
  readonly overdue: number;
  /** Major hazards not verified (重大隐患 open). */
  readonly majorOpen: number;
  /** Under 挂牌督办 now. */
  readonly underSupervision: number;
  /** Hazards in their second or later cycle (occurrence ≥ 2) ÷ all hazards. */
  readonly repeatRate: number;
  /** The read-model position these figures stand at. */
  readonly position: number;
}

/**
 * Every figure of the dashboard over the hazards `scope` may read and `filter` keeps, from one snapshot of the
 * read models. Rates are 0..1 to 4 decimals.
 */
export function dashboardSummary(db: Database, now: Date, scope: ReadScope = READS_ALL, filter: DashboardFilter = {}): DashboardSummary {
  const h = LIVE_TABLES.hazards;
  const c = LIVE_TABLES.cycles;
  const hazards = filteredScope(scope, filter);
  const cycles = filteredHazardIds(scope, filter);
  const params = { ...hazards.params, now: now.getTime() };
  const count = (sql: string) => (statement(db, sql).get(params) as { n: number | null }).n ?? 0;
  const groups = (column: string, known: readonly string[] = []) => {
    const counts: Record<string, number> = Object.fromEntries(known.map((k) => [k, 0]));
    const sql = `SELECT ${column} AS k, COUNT(*) AS n FROM ${h} ${whereAll([hazards.sql])} GROUP BY ${column} ORDER BY ${column}`;
    for (const row of statement(db, sql).all(hazards.params) as { k: string; n: number }[]) counts[row.k] = row.n;
    return counts;
  };
  const { result, position } = inSnapshot(db, () => ({
    total: count(`SELECT COUNT(*) AS n FROM ${h} ${whereAll([hazards.sql])}`),
    byStatus: groups('status', STATUSES),
    bySector: groups('sector'),
    byRegion: groups('region_code'),
    byLevel: groups('level', LEVELS),
    bySource: scope.hidesSource ? undefined : groups('source', SOURCES),
    rectifiedCycles: count(`SELECT COUNT(*) AS n FROM ${c} ${whereAll(['rectified = 1', cycles.sql])}`),
    onTimeCycles: count(`SELECT COUNT(*) AS n FROM ${c} ${whereAll(['rectified = 1 AND on_time = 1', cycles.sql])}`),
    overdue: count(`SELECT COUNT(*) AS n FROM ${OVERDUE_SOURCE} ${whereAll([OVERDUE_NOW, hazards.sql])}`),
    majorOpen: count(`SELECT COUNT(*) AS n FROM ${h} ${whereAll(["level = 'major' AND status <> 'verified'", hazards.sql])}`),
    underSupervision: count(`SELECT COUNT(*) AS n FROM ${h} ${whereAll(['under_supervision = 1', hazards.sql])}`),
    repeated: count(`SELECT COUNT(*) AS n FROM ${h} ${whereAll(['occurrence >= 2', hazards.sql])}`),
  }));
  const { total, byStatus, rectifiedCycles, onTimeCycles, repeated, ...rest } = result;
  return {
    total,
    byStatus,
    bySector: rest.bySector,
    byRegion: rest.byRegion,
    byLevel: rest.byLevel,
    ...(rest.bySource && { bySource: rest.bySource }),
    rectificationRate: rate(byStatus.verified ?? 0, total),
    onTimeRate: rate(onTimeCycles, rectifiedCycles),
    overdue: rest.overdue,
    majorOpen: rest.majorOpen,
    underSupervision: rest.underSupervision,
    repeatRate: rate(repeated, total),
    position,
  };
}
