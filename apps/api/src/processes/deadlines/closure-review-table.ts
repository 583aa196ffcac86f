import type { Database } from 'better-sqlite3';
import { HazardEvent } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';

/** A closure application not reviewed by its deadline: the scheduler owes the hazard a MarkClosureReviewOverdue. */
export interface DueClosureReview {
  readonly hazardId: string;
  readonly reviewDeadline: string;
  /** The ClosureApplied event: its id makes the commandId, so each application is marked once. */
  readonly appliedEventId: string;
  readonly correlationId: string;
}

/** One row per pending application; it goes when a verification (passed or failed) consumes the application. */
const DDL = `
  CREATE TABLE IF NOT EXISTS pending_closure_reviews (
    hazard_id          TEXT PRIMARY KEY,
    review_deadline    TEXT NOT NULL,
    review_deadline_ms INTEGER NOT NULL,
    marked             INTEGER NOT NULL DEFAULT 0,
    applied_event_id   TEXT NOT NULL,
    correlation_id     TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS pending_closure_reviews_by_time ON pending_closure_reviews (review_deadline_ms) WHERE marked = 0;`;

export function createClosureReviewTable(db: Database): void {
  db.exec(DDL);
}

/** Applies one decoded hazard event to the table; runs inside the deadline table's transaction. */
export function applyToClosureReviews(db: Database, hazardId: string, event: HazardEvent, recorded: RecordedEvent): void {
  switch (event.type) {
    case 'ClosureApplied':
      db.prepare(
        `INSERT OR REPLACE INTO pending_closure_reviews (hazard_id, review_deadline, review_deadline_ms, marked, applied_event_id, correlation_id)
         VALUES (?, ?, ?, 0, ?, ?)`,
      ).run(hazardId, event.data.reviewDeadline, Date.parse(event.data.reviewDeadline), recorded.id, recorded.metadata.correlationId);
      return;
    case 'ClosureReviewOverdue':
      db.prepare('UPDATE pending_closure_reviews SET marked = 1 WHERE hazard_id = ?').run(hazardId);
      return;
    case 'HazardVerified':
    case 'VerificationFailed':
      db.prepare('DELETE FROM pending_closure_reviews WHERE hazard_id = ?').run(hazardId);
      return;
    default:
      return;
  }
}

/** Reviews whose deadline has passed by `now` (strictly) and that are not yet recorded as overdue. */
export function dueClosureReviews(db: Database, now: Date): DueClosureReview[] {
  createClosureReviewTable(db);
  const rows = db
    .prepare(
      `SELECT hazard_id, review_deadline, applied_event_id, correlation_id FROM pending_closure_reviews
       WHERE marked = 0 AND review_deadline_ms < ? ORDER BY review_deadline_ms`,
    )
    .all(now.getTime()) as { hazard_id: string; review_deadline: string; applied_event_id: string; correlation_id: string }[];
  return rows.map((r) => ({ hazardId: r.hazard_id, reviewDeadline: r.review_deadline, appliedEventId: r.applied_event_id, correlationId: r.correlation_id }));
}
