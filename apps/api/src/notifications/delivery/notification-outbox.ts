import type { Database } from 'better-sqlite3';
import { NotificationRequested, noticeDecoder } from '@hazard/domain';
import { CheckpointedConsumer, RecordedEvent } from '@hazard/event-store';

/** A verdict reached but not yet on the stream: recorded again (never resent) if recording it failed. */
export type Outcome =
  | { readonly kind: 'delivered'; readonly attempts: number }
  | { readonly kind: 'failed'; readonly attempts: number; readonly error: string };

/** One notice owed: its request, the tries whose answer was seen, and when it is next due (wall-clock ms). */
export interface OutboxRow {
  readonly dedupeKey: string;
  readonly hazardId: string;
  readonly request: NotificationRequested['data'];
  /** The NotificationRequested event: the cause of the outcome's command. */
  readonly eventId: string;
  readonly correlationId: string;
  readonly attempts: number;
  readonly dueAt: number;
  readonly lastError?: string;
  readonly outcome?: Outcome;
}

export const OUTBOX_DDL = `
  CREATE TABLE IF NOT EXISTS notification_outbox (
    dedupe_key     TEXT PRIMARY KEY,
    hazard_id      TEXT NOT NULL,
    request        TEXT NOT NULL,
    event_id       TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    due_at         INTEGER NOT NULL,
    last_error     TEXT,
    outcome        TEXT
  );
  CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (due_at);`;

export function ensureOutbox(db: Database): void {
  db.exec(OUTBOX_DDL);
}

/**
 * The outbox's half of the delivery worker: each NotificationRequested of a notice stream becomes a row due
 * now, in the transaction that moves the checkpoint, so no request is lost or queued twice; an outcome on the
 * log (this worker's, or another replica's) takes the row out.
 */
export function outboxConsumer(nowMs: () => number = Date.now): CheckpointedConsumer {
  return {
    name: 'notification-outbox',
    apply(events: readonly RecordedEvent[], db: Database) {
      ensureOutbox(db);
      const insert = db.prepare(
        `INSERT INTO notification_outbox (dedupe_key, hazard_id, request, event_id, correlation_id, due_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
      );
      for (const stored of events) {
        const hazardId = noticeDecoder.idOf(stored.streamId);
        const event = hazardId === undefined ? undefined : noticeDecoder.decode(stored);
        if (!event) continue;
        if (event.type === 'NotificationRequested') {
          insert.run(event.data.dedupeKey, hazardId, JSON.stringify(event.data), stored.id, stored.metadata.correlationId, nowMs());
        } else {
          removeRow(db, event.data.dedupeKey);
        }
      }
    },
  };
}

interface StoredRow {
  dedupe_key: string;
  hazard_id: string;
  request: string;
  event_id: string;
  correlation_id: string;
  attempts: number;
  due_at: number;
  last_error: string | null;
  outcome: string | null;
}

/** Rows due by `nowMs`, the longest waiting first. */
export function dueRows(db: Database, nowMs: number, limit: number): OutboxRow[] {
  const rows = db.prepare('SELECT * FROM notification_outbox WHERE due_at <= ? ORDER BY due_at, dedupe_key LIMIT ?').all(nowMs, limit) as StoredRow[];
  return rows.map((r) => ({
    dedupeKey: r.dedupe_key,
    hazardId: r.hazard_id,
    request: JSON.parse(r.request) as OutboxRow['request'],
    eventId: r.event_id,
    correlationId: r.correlation_id,
    attempts: r.attempts,
    dueAt: r.due_at,
    ...(r.last_error !== null && { lastError: r.last_error }),
    ...(r.outcome !== null && { outcome: JSON.parse(r.outcome) as Outcome }),
  }));
}

/** When the next row falls due; undefined for an empty outbox. */
export function nextDueAt(db: Database): number | undefined {
  const row = db.prepare('SELECT MIN(due_at) AS due FROM notification_outbox').get() as { due: number | null };
  return row.due ?? undefined;
}

/**
 * Takes a due row for one try by moving its due time to the end of a lease (compare-and-set on the due time it
 * was read with): a second worker on this database skips it, and after a crash mid-send the row falls due
 * again when the lease runs out and is sent again, with the same key.
 */
export function claimRow(db: Database, row: OutboxRow, leaseUntil: number): boolean {
  return db.prepare('UPDATE notification_outbox SET due_at = ? WHERE dedupe_key = ? AND due_at = ?').run(leaseUntil, row.dedupeKey, row.dueAt).changes === 1;
}

/** A failed try to be repeated at `dueAt`. */
export function rescheduleRow(db: Database, dedupeKey: string, attempts: number, dueAt: number, error: string): void {
  db.prepare('UPDATE notification_outbox SET attempts = ?, due_at = ?, last_error = ? WHERE dedupe_key = ?').run(attempts, dueAt, error, dedupeKey);
}

/** Keeps the verdict before it is recorded, so a failed recording is retried without sending again. */
export function keepOutcome(db: Database, dedupeKey: string, outcome: Outcome): void {
  db.prepare('UPDATE notification_outbox SET attempts = ?, outcome = ? WHERE dedupe_key = ?').run(outcome.attempts, JSON.stringify(outcome), dedupeKey);
}

export function removeRow(db: Database, dedupeKey: string): void {
  db.prepare('DELETE FROM notification_outbox WHERE dedupe_key = ?').run(dedupeKey);
}
