import type { Database } from 'better-sqlite3';
import { LEVELS, SOURCES, STATUSES } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import { inSnapshot, OVERDUE_NOW, OVERDUE_SOURCE, rate } from './read-model-sql';

export interface DashboardSummary {
  /** Hazards (隐患总数). */
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly bySector: Record<string, number>;
  /** By full region code. */
  readonly byRegion: Record<string, number>;
  readonly byLevel: Record<string, number>;
  /** By the source of the first report. */
  readonly bySource: Record<string, number>;
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

/** Every figure of the dashboard, from one snapshot of the read models. Rates are 0..1 to 4 decimals. */
export function dashboardSummary(db: Database, now: Date): DashboardSummary {
  const h = LIVE_TABLES.hazards;
  const c = LIVE_TABLES.cycles;
  const count = (sql: string) => (statement(db, sql).get({ now: now.getTime() }) as { n: number | null }).n ?? 0;
  const groups = (column: string, known: readonly string[] = []) => {
    const counts: Record<string, number> = Object.fromEntries(known.map((k) => [k, 0]));
    for (const row of statement(db, `SELECT ${column} AS k, COUNT(*) AS n FROM ${h} GROUP BY ${column} ORDER BY ${column}`).all() as { k: string; n: number }[]) {
      counts[row.k] = row.n;
    }
    return counts;
  };
  const { result, position } = inSnapshot(db, () => ({
    total: count(`SELECT COUNT(*) AS n FROM ${h}`),
    byStatus: groups('status', STATUSES),
    bySector: groups('sector'),
    byRegion: groups('region_code'),
    byLevel: groups('level', LEVELS),
    bySource: groups('source', SOURCES),
    rectifiedCycles: count(`SELECT COUNT(*) AS n FROM ${c} WHERE rectified = 1`),
    onTimeCycles: count(`SELECT COUNT(*) AS n FROM ${c} WHERE rectified = 1 AND on_time = 1`),
    overdue: count(`SELECT COUNT(*) AS n FROM ${OVERDUE_SOURCE} WHERE ${OVERDUE_NOW}`),
    majorOpen: count(`SELECT COUNT(*) AS n FROM ${h} WHERE level = 'major' AND status <> 'verified'`),
    underSupervision: count(`SELECT COUNT(*) AS n FROM ${h} WHERE under_supervision = 1`),
    repeated: count(`SELECT COUNT(*) AS n FROM ${h} WHERE occurrence >= 2`),
  }));
  const { total, byStatus, rectifiedCycles, onTimeCycles, repeated, ...rest } = result;
  return {
    total,
    byStatus,
    bySector: rest.bySector,
    byRegion: rest.byRegion,
    byLevel: rest.byLevel,
    bySource: rest.bySource,
    rectificationRate: rate(byStatus.verified ?? 0, total),
    onTimeRate: rate(onTimeCycles, rectifiedCycles),
    overdue: rest.overdue,
    majorOpen: rest.majorOpen,
    underSupervision: rest.underSupervision,
    repeatRate: rate(repeated, total),
    position,
  };
}
