import type { Database } from 'better-sqlite3';
import { Decoder, hazardDecoder, HazardEvent, tipDecoder } from '@hazard/domain';
import { CheckpointedConsumer, RecordedEvent } from '@hazard/event-store';
import { applyToClosureReviews, createClosureReviewTable } from './closure-review-table';
import { applyToTipDeadlines, createTipDeadlineTable } from './tip-deadline-table';

/** A deadline that has passed before the rectification: the scheduler owes the hazard a MarkOverdue. */
export interface DueDeadline {
  readonly hazardId: string;
  readonly occurrence: number;
  readonly deadline: string;
  /** The event that set this deadline (assignment or extension): the MarkOverdue's cause. */
  readonly causeEventId: string;
  readonly correlationId: string;
}

/**
 * The deadline scheduler's state: one row per hazard with an assignment in its current cycle. It mirrors
 * the decider's MarkOverdue conditions, so a scan asks only about deadlines the decider would accept:
 * passed, not rectified, and not already recorded as missed (`overdue_deadline` = the deadline missed last).
 * A row goes when the cycle closes (verified) or a new one starts without assignment (found again, reopened).
 */
const DDL = `
  CREATE TABLE IF NOT EXISTS open_deadlines (
    hazard_id        TEXT PRIMARY KEY,
    occurrence       INTEGER NOT NULL,
    deadline         TEXT NOT NULL,
    deadline_ms      INTEGER NOT NULL,
    rectified        INTEGER NOT NULL DEFAULT 0,
    overdue_deadline TEXT,
    cause_event_id   TEXT NOT NULL,
    correlation_id   TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS open_deadlines_by_time ON open_deadlines (deadline_ms) WHERE rectified = 0;`;

export function createDeadlineTable(db: Database): void {
  db.exec(DDL);
}

/**
 * Keeps `open_deadlines` in step with the global log; its checkpoint commits with each batch. It reads
 * events through the hazard's decoder, like every other reader, so an assignment or extension written in an
 * older shape is seen in today's.
 */
export function deadlineTableConsumer(decoder: Decoder<HazardEvent> = hazardDecoder): CheckpointedConsumer {
  return {
    name: 'deadline-scheduler',
    apply(events: readonly RecordedEvent[], db: Database): void {
      createDeadlineTable(db);
      createClosureReviewTable(db);
      createTipDeadlineTable(db);
      for (const recorded of events) {
        const tipId = tipDecoder.idOf(recorded.streamId);
        const tipEvent = tipId === undefined ? undefined : tipDecoder.decode(recorded);
        if (tipId !== undefined && tipEvent) applyToTipDeadlines(db, tipId, tipEvent, recorded);
        const hazardId = decoder.idOf(recorded.streamId);
        const event = hazardId === undefined ? undefined : decoder.decode(recorded);
        if (hazardId === undefined || !event) continue;
        applyOne(db, hazardId, event, recorded);
        applyToClosureReviews(db, hazardId, event, recorded);
      }
    },
  };
}

export const deadlineTable = deadlineTableConsumer();

function applyOne(db: Database, hazardId: string, event: HazardEvent, recorded: RecordedEvent): void {
  const cause = { cause_event_id: recorded.id, correlation_id: recorded.metadata.correlationId };
  switch (event.type) {
    case 'RectificationAssigned': {
      const { deadline, occurrence } = event.data;
      // A reassignment within the cycle keeps the missed-deadline mark, as the decider's state does.
      db.prepare(
        `INSERT INTO open_deadlines (hazard_id, occurrence, deadline, deadline_ms, cause_event_id, correlation_id)
         VALUES (@hazardId, @occurrence, @deadline, @deadlineMs, @cause_event_id, @correlation_id)
         ON CONFLICT (hazard_id) DO UPDATE SET deadline = excluded.deadline, deadline_ms = excluded.deadline_ms, rectified = 0,
           overdue_deadline = CASE WHEN occurrence = excluded.occurrence THEN overdue_deadline END,
           occurrence = excluded.occurrence, cause_event_id = excluded.cause_event_id, correlation_id = excluded.correlation_id`,
      ).run({ hazardId, occurrence, deadline, deadlineMs: Date.parse(deadline), ...cause });
      return;
    }
    case 'DeadlineExtended':
      db.prepare(`UPDATE open_deadlines SET deadline = ?, deadline_ms = ?, cause_event_id = ?, correlation_id = ? WHERE hazard_id = ?`)
        .run(event.data.newDeadline, Date.parse(event.data.newDeadline), cause.cause_event_id, cause.correlation_id, hazardId);
      return;
    case 'HazardRectified':
      db.prepare('UPDATE open_deadlines SET rectified = 1 WHERE hazard_id = ?').run(hazardId);
      return;
    case 'VerificationFailed': // back to work on the same assignment: its deadline counts again
      db.prepare('UPDATE open_deadlines SET rectified = 0 WHERE hazard_id = ?').run(hazardId);
      return;
    case 'RectificationOverdue':
      db.prepare('UPDATE open_deadlines SET overdue_deadline = ? WHERE hazard_id = ?').run(event.data.deadline, hazardId);
      return;
    case 'HazardVerified':
    case 'HazardReopened':
      db.prepare('DELETE FROM open_deadlines WHERE hazard_id = ?').run(hazardId);
      return;
    case 'HazardFoundAgain':
      if (event.data.previousStatus === 'verified') db.prepare('DELETE FROM open_deadlines WHERE hazard_id = ?').run(hazardId);
      return;
    default:
      return;
  }
}

/** Deadlines passed by `now` and still owed a RectificationOverdue, earliest first. */
export function dueDeadlines(db: Database, now: Date): DueDeadline[] {
  createDeadlineTable(db);
  const rows = db
    .prepare(
      `SELECT hazard_id, occurrence, deadline, cause_event_id, correlation_id FROM open_deadlines
       WHERE rectified = 0 AND deadline_ms < ? AND (overdue_deadline IS NULL OR overdue_deadline <> deadline)
       ORDER BY deadline_ms`,
    )
    .all(now.getTime()) as { hazard_id: string; occurrence: number; deadline: string; cause_event_id: string; correlation_id: string }[];
  return rows.map((r) => ({ hazardId: r.hazard_id, occurrence: r.occurrence, deadline: r.deadline, causeEventId: r.cause_event_id, correlationId: r.correlation_id }));
}
