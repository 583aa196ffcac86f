import type { Database } from 'better-sqlite3';
import { readCheckpoint } from '@hazard/event-store';
import { LIVE_TABLES, READ_MODELS_CONSUMER } from '../sqlite/read-model-schema';

/**
 * "Overdue now", the one definition every figure and list uses: still being worked on (assigned, or reopened
 * after a failed verification with its assignment) and its deadline passed by `@now`. It mirrors when the
 * decider accepts MarkOverdue, but reads the app's clock instead of waiting for the scheduler's
 * RectificationOverdue, so a figure is right the moment a deadline passes. Uses the partial deadline index.
 */
export const OVERDUE_NOW = `(status IN ('assigned', 'reopened') AND deadline_ms IS NOT NULL AND deadline_ms < @now)`;

/**
 * The hazards table read through the partial deadline index, for queries filtered by OVERDUE_NOW: it holds
 * exactly the rows a deadline can make overdue, in deadline order, but SQLite's planner left to itself
 * prefers the status index and reads every assigned hazard.
 */
export const OVERDUE_SOURCE = `${LIVE_TABLES.hazards} INDEXED BY ${LIVE_TABLES.hazards}_by_deadline`;

export const DAY_MS = 86_400_000;

/** A rate in 0..1 to 4 decimals; 0 when nothing was there to count. */
export function rate(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : 0;
}

/** Milliseconds as days, 2 decimals (as the accountability trail counts them). */
export function days(ms: number): number {
  return Math.round((ms / DAY_MS) * 100) / 100;
}

/**
 * Runs the queries of one answer in one read transaction: every figure, and the position they stand at, come
 * from the same snapshot even while the projector or a rebuild writes.
 */
export function inSnapshot<T>(db: Database, read: () => T): { result: T; position: number } {
  return db.transaction(() => ({ result: read(), position: readCheckpoint(db, READ_MODELS_CONSUMER) }))();
}
