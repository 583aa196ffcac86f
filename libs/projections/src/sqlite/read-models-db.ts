import Database from 'better-sqlite3';
import { bindCheckpointsToLog, CHECKPOINTS_DDL } from '@hazard/event-store';
import { createPrivateFile } from '@hazard/platform';
import { dropTables, ensureLiveSchema, LIVE_TABLES } from './read-model-schema';

/**
 * Opens (creating if needed) a read-model database with the live tables.
 *
 * WAL, so queries read a consistent snapshot while the projector (or a rebuild in another process) writes,
 * and `synchronous=NORMAL`: a power cut may lose the last few committed batches, but WAL never splits a
 * transaction, and each batch commits its rows together with its checkpoint — so after the cut the rows and
 * the checkpoint are both a little older, and the projector re-applies those events from the event store
 * (which is FULL). Nothing is double-counted and nothing is lost that the log does not still hold; the
 * fsync per batch that FULL would cost buys nothing for a model that can be rebuilt from position 0.
 * The busy timeout lets the projector and a concurrent `rebuild` take turns at the write lock.
 */
export function openReadModelsDb(file: string): Database.Database {
  // 0600 before SQLite creates it (0644 under the usual umask): the read models are the ledger in another shape.
  if (file !== ':memory:') createPrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.exec(CHECKPOINTS_DDL);
  ensureLiveSchema(db);
  // Rows folded from another log mean nothing against this one: emptied, they are folded again from 0.
  bindCheckpointsToLog(db, file, { onOtherLog: 'rebuild', reset: () => resetLiveTables(db) });
  return db;
}

function resetLiveTables(db: Database.Database): void {
  dropTables(db, LIVE_TABLES);
  ensureLiveSchema(db);
}
