import type { Database } from 'better-sqlite3';
import { EventStore, readCheckpoint, writeCheckpoint } from '@hazard/event-store';
import { HazardPage } from './hazard-page';
import { applyToReadModels } from './read-model.consumer';
import { createIndexes, createTables, dropTables, LIVE_TABLES, READ_MODELS_CONSUMER, REBUILD_TABLES, TABLE_NAMES } from './read-model-schema';

export interface RebuildOptions {
  /** Events per read and per transaction. */
  readonly pageSize?: number;
  /** Called after each page: position reached and the log's head when the rebuild started (for a progress bar). */
  readonly onProgress?: (position: number, head: number) => void;
  /** Hazards whose rows are kept in memory across pages (written when they fall out, and before the swap). */
  readonly keepHazards?: number;
}

export interface RebuildResult {
  /** Position of the last event in the swapped-in models: the read-model checkpoint after the swap. */
  readonly position: number;
  readonly events: number;
}

const DEFAULT_KEEP_HAZARDS = 5_000;

/**
 * Replays the whole log into fresh tables (`rb_*`) and swaps them in for the live ones (`rm_*`) in one
 * transaction together with the checkpoint, so readers see either the old models or the new, never a mix.
 *
 * Safe while the server runs on the same DATA_DIR: the projector keeps writing the live tables meanwhile;
 * the swap happens only once the new tables have reached at least the live checkpoint (the write lock held
 * by the swap transaction stops the projector from moving it in between), and sets the checkpoint to the
 * new tables' position. The projector's subscription then delivers events the new tables already hold, and
 * commitBatch skips everything at or before the checkpoint — nothing is applied twice, nothing skipped.
 */
export async function rebuildReadModels(store: EventStore, db: Database, options: RebuildOptions = {}): Promise<RebuildResult> {
  const pageSize = options.pageSize ?? 5000;
  dropTables(db, REBUILD_TABLES); // leftovers of a rebuild that died: start from zero
  createTables(db, REBUILD_TABLES);
  const head = await store.headPosition();
  let position = 0;
  let events = 0;
  // A hazard's events are spread over the log: kept across pages, its row is written about once instead of
  // once per page it appears in. Bounded, so the memory stays flat however long the log.
  const held = new HazardPage(db, REBUILD_TABLES, options.keepHazards ?? DEFAULT_KEEP_HAZARDS);
  const catchUp = async () => {
    for (let page = await store.readAll({ after: position, maxCount: pageSize }); page.length; page = await store.readAll({ after: position, maxCount: pageSize })) {
      db.transaction(() => applyToReadModels(db, REBUILD_TABLES, page, held))();
      position = page[page.length - 1]!.position;
      events += page.length;
      options.onProgress?.(position, Math.max(head, position));
    }
  };
  for (;;) {
    await catchUp();
    db.transaction(() => held.writeAll())();
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
