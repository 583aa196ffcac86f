import type { Database } from 'better-sqlite3';
import { createDeadlineTable } from './deadline-table';

const DAY_MS = 86_400_000;

export interface LadderCandidate {
  readonly hazardId: string;
  readonly causeEventId: string;
  readonly correlationId: string;
}

/**
 * Hazards whose ladder has a rung (a reminder before the deadline, or the 督办函 after it) that fell due in
 * (sinceMs, nowMs]: the deadline scan looks at those only. The first scan after a start has sinceMs = 0, so
 * whatever fell due during downtime is looked at once (and the pure ladder sends only the latest reminder).
 */
export function ladderCandidates(db: Database, sinceMs: number, nowMs: number, beforeDays: readonly number[], escalateAfterDays: number): LadderCandidate[] {
  createDeadlineTable(db);
  const offsets = [...beforeDays.map((d) => -d * DAY_MS), escalateAfterDays * DAY_MS];
  const rows = db
    .prepare(`SELECT hazard_id, deadline_ms, cause_event_id, correlation_id FROM open_deadlines WHERE rectified = 0 AND deadline_ms + @first <= @now AND deadline_ms + @last > @since`)
    .all({ first: Math.min(...offsets), last: Math.max(...offsets), now: nowMs, since: sinceMs }) as { hazard_id: string; deadline_ms: number; cause_event_id: string; correlation_id: string }[];
  return rows
    .filter((r) => offsets.some((o) => r.deadline_ms + o > sinceMs && r.deadline_ms + o <= nowMs))
    .map((r) => ({ hazardId: r.hazard_id, causeEventId: r.cause_event_id, correlationId: r.correlation_id }));
}
