import type { Database } from 'better-sqlite3';
import { EventStore, readCheckpoint, writeCheckpoint } from '@hazard/event-store';
import { applyToReadModels, heldRows } from './read-model.consumer';
import { createIndexes, createTables, dropTables, LIVE_TABLES, READ_MODELS_CONSUMER, REBUILD_TABLES, TABLE_NAMES } from './read-model-schema';

export interface RebuildOptions {
  /** Events per read. */
  readonly pageSize?: number;
  /** Called after each page: position reached and the log's head when the rebuild started (for a progress bar). */
  readonly onProgress?: (position: number, head: number) => void;
  /** Hazards whose rows are kept in memory across pages (written when they fall out, and before the swap). */
  readonly keepHazards?: number;
  /** Units whose registry rows are kept in memory across pages, likewise. */
  readonly keepUnits?: number;
  /** How long one write transaction may run before it commits and lets a live projector take the lock. */
  readonly transactionMs?: number;
}

export interface RebuildResult {
  /** Position of the last event in the swapped-in models: the read-model checkpoint after the swap. */
  readonly position: number;
  readonly events: number;
}

/**
 * Kept hazards (row, state, facts, cycles) and units are heap V8 lets grow to a multiple of what is live:
 * 5,000 of each put a million-event rebuild at 405 MiB of peak RSS, 2,000 at 355.
 * Only hazards whose events lie more than that many active hazards apart are written and read back again.
 */
const DEFAULT_KEEP_HAZARDS = 2_000;
const DEFAULT_KEEP_UNITS = 2_000;
const DEFAULT_TRANSACTION_MS = 1_000;

/**
 * Replays the whole log into fresh tables (`rb_*`) and swaps them in for the live ones (`rm_*`) in one
 * transaction together with the checkpoint, so readers see either the old models or the new, never a mix.
 *
 * Safe while the server runs on the same DATA_DIR: the projector keeps writing the live tables meanwhile;
 * the swap happens only once the new tables have reached at least the live checkpoint (the write lock held
 * by the swap transaction stops the projector from moving it in between), and sets the checkpoint to the
 * new tables' position. The projector's subscription then delivers events the new tables already hold, and
 * commitBatch skips everything at or before the checkpoint — nothing is applied twice, nothing skipped.
 *
 * The shadow tables are invisible until the swap, so their intermediate commits need not be frequent: one
 * write transaction spans as many pages as fit in `transactionMs` (a commit per page cost a sixth of the
 * time), short enough that a live projector waiting on the lock stays well inside its busy timeout. A
 * rebuild that dies leaves only shadow tables, which the next one drops. The connection is the rebuild's
 * own while it runs (its transaction stays open between page reads).
 */
export async function rebuildReadModels(store: EventStore, db: Database, options: RebuildOptions = {}): Promise<RebuildResult> {
  // Small pages: a page's events die young instead of surviving into V8's old space (pages of 5,000 cost 40 MiB more peak RSS).
  const pageSize = options.pageSize ?? 1000;
  const transactionMs = options.transactionMs ?? DEFAULT_TRANSACTION_MS;
  dropTables(db, REBUILD_TABLES); // leftovers of a rebuild that died: start from zero
  createTables(db, REBUILD_TABLES);
  const head = await store.headPosition();
  let position = 0;
  let events = 0;
  // A hazard's events are spread over the log: kept across pages, its row is written about once instead of
  // once per page it appears in. Bounded, so the memory stays flat however long the log.
  const held = heldRows(db, REBUILD_TABLES, { hazards: options.keepHazards ?? DEFAULT_KEEP_HAZARDS, units: options.keepUnits ?? DEFAULT_KEEP_UNITS });
  const catchUp = async () => {
    let openedAt: number | undefined;
    try {
      for (let page = await store.readAll({ after: position, maxCount: pageSize }); page.length; page = await store.readAll({ after: position, maxCount: pageSize })) {
        if (openedAt === undefined) {
          db.exec('BEGIN IMMEDIATE'); // the write lock now, not at the first write after a read (SQLITE_BUSY_SNAPSHOT)
          openedAt = performance.now();
        }
        applyToReadModels(db, REBUILD_TABLES, page, held);
        position = page[page.length - 1]!.position;
        events += page.length;
        if (performance.now() - openedAt >= transactionMs) {
          db.exec('COMMIT');
          openedAt = undefined;
        }
        options.onProgress?.(position, Math.max(head, position));
      }
      if (openedAt !== undefined) db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
  for (;;) {
    await catchUp();
    db.transaction(() => {
      held.hazards.writeAll();
      held.units.writeAll();
    })();
    if (swapIn(db, position)) return { position, events };
    // The live projector moved past us while we caught up: read the rest and try again.
  }
}

/** The swap: old tables out, new ones in under the live names, indexes built, checkpoint set — atomically. */
function swapIn(db: Database, position: number): boolean {
  return db.transaction(() => {
    if (readCheckpoint(db, READ_MODELS_CONSUMER) > position) return false;
    dropTables(db, LIVE_TABLES);
    for (const name of TABLE_NAMES) db.exec(`ALTER TABLE ${REBUILD_TABLES[name]} RENAME TO ${LIVE_TABLES[name]}`);
    createIndexes(db, LIVE_TABLES);
    writeCheckpoint(db, READ_MODELS_CONSUMER, position);
    return true;
  }).immediate();
}
