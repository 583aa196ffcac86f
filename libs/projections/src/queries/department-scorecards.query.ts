import type { Database } from 'better-sqlite3';
import { ReadScope } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import type { DashboardList } from './dashboard-lists.query';
import { days, inSnapshot, OVERDUE_NOW, OVERDUE_SOURCE, rate } from './read-model-sql';
import { DashboardFilter, filteredHazardIds, filteredScope } from './dashboard-filter-sql';
import { READS_ALL, whereAll } from './read-scope-sql';

export interface DepartmentScorecard {
  readonly department: string;
  /** Cycles whose latest assignment names the department as supervising. */
  readonly assigned: number;
  readonly verified: number;
  readonly rectified: number;
  /** Rectified cycles whose latest rectification was on time. */
  readonly onTime: number;
  readonly onTimeRate: number;
  /** Its cycles overdue now. */
  readonly overdueNow: number;
  /**
   * Days overdue over its cycles, 2 decimals: for a cycle still being worked on past its deadline, now −
   * deadline; for any other, how late its latest rectification was (0 when on time).
   */
  readonly overdueDays: number;
  /** Its verified cycles that came back: found again after the verification, or reopened. */
  readonly verificationsNotHeld: number;
  /** 销号审查超期: closure applications it did not review within CLOSURE_REVIEW_DAYS (ClosureReviewOverdue charged to it). */
  readonly closureReviewsOverdue: number;
}

interface CycleTotals {
  department: string;
  assigned: number;
  verified: number;
  rectified: number;
  on_time: number;
  late_ms: number;
  not_held: number;
}

/**
 * One scorecard per supervising department, by department id. Two reads instead of one join over every
 * cycle: the totals come from the cycles alone, and only the overdue hazards (few, found through the partial
 * deadline index) are joined to their current cycle to replace its lateness with the running overdue time.
 * Only the cycles, overdue hazards and closure reviews of hazards `scope` may read and `filter` keeps count.
 */
export function departmentScorecards(db: Database, now: Date, scope: ReadScope = READS_ALL, filter: DashboardFilter = {}): DashboardList<DepartmentScorecard> {
  const c = LIVE_TABLES.cycles;
  const ofHazards = filteredHazardIds(scope, filter);
  const overdueHazards = filteredScope(scope, filter, 'h');
  const totalsSql = `
    SELECT supervising_department AS department, COUNT(*) AS assigned, SUM(verified) AS verified, SUM(rectified) AS rectified,
      SUM(rectified = 1 AND on_time = 1) AS on_time, SUM(late_ms) AS late_ms, SUM(verification_not_held) AS not_held
    FROM ${c} ${whereAll(['supervising_department IS NOT NULL', ofHazards.sql])} GROUP BY supervising_department ORDER BY supervising_department`;
  // An overdue hazard's current cycle is the one its assignment (and so the cycle's department) belongs to.
  const overdueSql = `
    SELECT c.supervising_department AS department, COUNT(*) AS overdue_now, SUM(@now - h.deadline_ms - c.late_ms) AS extra_ms
    FROM ${OVERDUE_SOURCE.replace(LIVE_TABLES.hazards, `${LIVE_TABLES.hazards} h`)}
    JOIN ${c} c ON c.hazard_id = h.hazard_id AND c.occurrence = h.occurrence
    ${whereAll([OVERDUE_NOW.replace(/\b(status|deadline_ms)\b/g, 'h.$1'), 'c.supervising_department IS NOT NULL', overdueHazards.sql])}
    GROUP BY c.supervising_department`;
  const closuresSql = `SELECT department, SUM(closure_reviews_overdue) AS closure_reviews_overdue FROM ${LIVE_TABLES.departments} ${whereAll([ofHazards.sql])} GROUP BY department`;
  const params = { ...ofHazards.params, now: now.getTime() };
  const { result, position } = inSnapshot(db, () => ({
    totals: statement(db, totalsSql).all(params) as CycleTotals[],
    overdue: statement(db, overdueSql).all(params) as { department: string; overdue_now: number; extra_ms: number }[],
    closures: statement(db, closuresSql).all(params) as { department: string; closure_reviews_overdue: number }[],
  }));
  const closuresBy = new Map(result.closures.map((d) => [d.department, d.closure_reviews_overdue]));
  const overdueBy = new Map(result.overdue.map((o) => [o.department, o]));
  const items = result.totals.map((t) => {
    const overdue = overdueBy.get(t.department);
    return {
      department: t.department,
      assigned: t.assigned,
      verified: t.verified,
      rectified: t.rectified,
      onTime: t.on_time,
      onTimeRate: rate(t.on_time, t.rectified),
      overdueNow: overdue?.overdue_now ?? 0,
      overdueDays: days(t.late_ms + (overdue?.extra_ms ?? 0)),
      verificationsNotHeld: t.not_held,
      closureReviewsOverdue: closuresBy.get(t.department) ?? 0,
    };
  });
  return { items, position };
}
