import Database from 'better-sqlite3';
import { join } from 'node:path';
import { bindCheckpointsToLog } from '@hazard/event-store';
import { createPrivateFile } from '@hazard/platform';

/** The process managers' own database: their state and checkpoints, apart from the rebuildable read models. */
export const PROCESSES_DB = Symbol('PROCESSES_DB');

export const PROCESSES_DB_FILE = 'processes.sqlite';

/**
 * How long a consumer of this database may keep the checkpoint of batches that changed nothing in memory
 * (runConsumer's deferCheckpointMs): every commit here costs an fsync on the main thread, and most live batches
 * concern a consumer not at all. A crash loses at most this much of such batches, which are then redelivered.
 */
export const PROCESSES_DEFER_CHECKPOINT_MS = 1000;

/**
 * Opened like the event store (WAL, synchronous=FULL): a checkpoint on disk is a promise that the work before
 * it is done, so it must not be lost in a power cut. The busy timeout lets two processes on one DATA_DIR take
 * turns at the write lock.
 */
export function openProcessesDb(dataDir: string): Database.Database {
  const file = join(dataDir, PROCESSES_DB_FILE);
  createPrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  bindCheckpointsToLog(db, file, { onOtherLog: 'refuse' }); // re-run from 0 against another log, sagas would re-issue commands
  return db;
}
