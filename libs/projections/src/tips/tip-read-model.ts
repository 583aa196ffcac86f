import type { Database } from 'better-sqlite3';
import { evolveTip, ExistingTip, initialTipState, tipDecoder, TipState } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';
import { ReadModelTables } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';


/**
 * 举报 in the read models (table `tips`, see read-model-schema.ts): one row per tip, folded by the domain's
 * own evolveTip. The reporter block never reaches it (the state holds no identity), nor the query code's
 * hash. Applies one recorded event of a tip stream, inside the read-model batch transaction.
 */
export function applyTipEvent(db: Database, t: ReadModelTables, recorded: RecordedEvent): void {
  const tipId = tipDecoder.idOf(recorded.streamId);
  const event = tipId === undefined ? undefined : tipDecoder.decode(recorded);
  if (tipId === undefined || !event) return;
  const row = statement(db, `SELECT state, accepted FROM ${t.tips} WHERE tip_id = ?`).get(tipId) as { state: string; accepted: number } | undefined;
  const before: TipState = row ? { ...(JSON.parse(row.state) as ExistingTip), codeHash: '' } : initialTipState();
  const after = evolveTip(before, event);
  if (!after.exists) return;
  const { codeHash: _hash, ...state } = after;
  const concluded = event.type === 'TipVerified' ? 'verified' : event.type === 'TipRejected' ? 'rejected' : undefined;
  statement(
    db,
    `INSERT INTO ${t.tips} (tip_id, tip_no, status, sector, region_code, assigned_department, received_at, overdue, accepted, concluded, substantiated,
       feedback_due, feedbacks, feedbacks_on_time, reward_yuan, position, state)
     VALUES (@tipId, @tipNo, @status, @sector, @regionCode, @department, @receivedAt, @overdue, @accepted, @concluded, @substantiated,
       @feedbackDue, @feedbacks, @onTime, @reward, @position, @state)
     ON CONFLICT (tip_id) DO UPDATE SET status = excluded.status, assigned_department = excluded.assigned_department, overdue = excluded.overdue,
       accepted = excluded.accepted, concluded = COALESCE(excluded.concluded, concluded), substantiated = excluded.substantiated,
       feedback_due = excluded.feedback_due, feedbacks = excluded.feedbacks, feedbacks_on_time = excluded.feedbacks_on_time,
       reward_yuan = excluded.reward_yuan, position = excluded.position, state = excluded.state`,
  ).run({
    tipId, tipNo: after.tipNo, status: after.status, sector: after.sector, regionCode: after.regionCode,
    department: after.assignment?.department ?? null, receivedAt: after.receivedAt, overdue: after.overdue ? 1 : 0,
    accepted: row?.accepted === 1 || event.type === 'TipAccepted' ? 1 : 0, concluded: concluded ?? null,
    substantiated: after.verification ? (after.verification.substantiated ? 1 : 0) : null, feedbackDue: after.feedbackDueAt,
    feedbacks: after.feedback.length, onTime: after.feedback.filter((f) => f.onTime).length, reward: after.reward?.amountYuan ?? null,
    position: recorded.position, state: JSON.stringify(state),
  });
}
