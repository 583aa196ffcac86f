import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Ordered, append-only list of migrations; `PRAGMA user_version` records how many have run. A new schema
 * change is a new entry, never an edit of an old one, because files written by older versions must open.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_id   TEXT    NOT NULL,
     revision    INTEGER NOT NULL,
     event_id    TEXT    NOT NULL UNIQUE,
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     recorded_at TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   )`,
  // One row naming this log, so checkpoints kept beside it can tell it from any other (see store-identity.ts).
  `CREATE TABLE store_meta (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), log_id TEXT NOT NULL)`,
];

/**
 * WAL lets readers (projections, subscriptions, another process) run while a writer commits;
 * synchronous=FULL fsyncs the WAL on every commit, so an acknowledged append survives a power cut;
 * busy_timeout makes a second process wait for the write lock instead of failing at once.
 */
export function configureConnection(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
}

/** Runs under the write lock so two processes opening a fresh file at once cannot both migrate it. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const applied = Number(db.pragma('user_version', { simple: true }));
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index >= applied) db.exec(sql);
    }
    if (applied < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
    // A file made before store_meta existed gets its id now: it names the log from here on.
    db.prepare('INSERT OR IGNORE INTO store_meta (singleton, log_id) VALUES (1, ?)').run(randomUUID());
  }).immediate();
}

/** The id `migrate` gave this file's log. */
export function readLogId(db: Database.Database): string {
  const row = db.prepare('SELECT log_id FROM store_meta WHERE singleton = 1').get() as { log_id: string } | undefined;
  if (!row) throw new Error('the event store file has no store_meta row: it was not migrated');
  return row.log_id;
}
