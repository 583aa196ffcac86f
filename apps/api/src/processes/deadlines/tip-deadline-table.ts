import type { Database } from 'better-sqlite3';
import { TipEvent } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';

/** A tip's due time that has passed with nothing done: the scheduler owes it a MarkTipOverdue or MarkTipFeedbackOverdue. */
export interface DueTipDeadline {
  readonly tipId: string;
  readonly which: 'verify' | 'feedback';
  readonly dueAt: string;
  readonly causeEventId: string;
  readonly correlationId: string;
}

/** One row per tip: its verification due while no conclusion stands, its feedback due while the reporter is untold. */
const DDL = `
  CREATE TABLE IF NOT EXISTS tip_deadlines (
    tip_id TEXT PRIMARY KEY,
    verify_due TEXT, verify_due_ms INTEGER, verify_marked TEXT,
    feedback_due TEXT, feedback_due_ms INTEGER, feedback_marked TEXT,
    cause_event_id TEXT NOT NULL, correlation_id TEXT NOT NULL
  );`;

export function createTipDeadlineTable(db: Database): void {
  db.exec(DDL);
}

export function applyToTipDeadlines(db: Database, tipId: string, event: TipEvent, recorded: RecordedEvent): void {
  const cause = { cause: recorded.id, correlation: recorded.metadata.correlationId, tipId };
  const setVerify = (due: string | null) =>
    db.prepare(
      `INSERT INTO tip_deadlines (tip_id, verify_due, verify_due_ms, cause_event_id, correlation_id) VALUES (@tipId, @due, @ms, @cause, @correlation)
       ON CONFLICT (tip_id) DO UPDATE SET verify_due = excluded.verify_due, verify_due_ms = excluded.verify_due_ms, cause_event_id = excluded.cause_event_id, correlation_id = excluded.correlation_id`,
    ).run({ ...cause, due, ms: due === null ? null : Date.parse(due) });
  const setFeedback = (due: string | null) =>
    db.prepare('UPDATE tip_deadlines SET feedback_due = ?, feedback_due_ms = ?, cause_event_id = ?, correlation_id = ? WHERE tip_id = ?')
      .run(due, due === null ? null : Date.parse(due), cause.cause, cause.correlation, tipId);
  switch (event.type) {
    case 'TipReceived':
      return void setVerify(event.data.verifyDueAt);
    case 'TipReviewRequested':
      return void setVerify(event.data.verifyDueAt);
    case 'TipVerified':
    case 'TipRejected':
      setVerify(null);
      return void setFeedback(event.data.feedbackDueAt);
    case 'ReporterNotified':
      return void setFeedback(null);
    case 'TipOverdue':
      return void db.prepare('UPDATE tip_deadlines SET verify_marked = ? WHERE tip_id = ?').run(event.data.dueAt, tipId);
    case 'TipFeedbackOverdue':
      return void db.prepare('UPDATE tip_deadlines SET feedback_marked = ? WHERE tip_id = ?').run(event.data.dueAt, tipId);
    default:
      return;
  }
}

/** Due times passed by `now` (strictly) and not yet recorded as missed. */
export function dueTipDeadlines(db: Database, now: Date): DueTipDeadline[] {
  createTipDeadlineTable(db);
  const ms = now.getTime();
  const rows = db
    .prepare(
      `SELECT tip_id, 'verify' AS which, verify_due AS due, cause_event_id, correlation_id FROM tip_deadlines
         WHERE verify_due_ms < @ms AND (verify_marked IS NULL OR verify_marked <> verify_due)
       UNION ALL
       SELECT tip_id, 'feedback', feedback_due, cause_event_id, correlation_id FROM tip_deadlines
         WHERE feedback_due_ms < @ms AND (feedback_marked IS NULL OR feedback_marked <> feedback_due)`,
    )
    .all({ ms }) as { tip_id: string; which: 'verify' | 'feedback'; due: string; cause_event_id: string; correlation_id: string }[];
  return rows.map((r) => ({ tipId: r.tip_id, which: r.which, dueAt: r.due, causeEventId: r.cause_event_id, correlationId: r.correlation_id }));
}
