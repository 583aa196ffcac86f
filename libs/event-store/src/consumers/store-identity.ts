import type { Database } from 'better-sqlite3';
import { CheckpointsFromAnotherLogError } from '../errors';
import type { EventStore, StoreIdentity } from '../event-store.port';

/**
 * What to do when a checkpoint database turns out to hold positions of another log than the configured
 * store's: `'rebuild'` for derived state (read models), which `reset` empties so it is folded again from
 * position 0; `'refuse'` for process state (sagas, deadlines, outbox), which must not be re-run from 0
 * against another log — it would issue its commands again.
 */
export type OnOtherLog = { readonly onOtherLog: 'rebuild'; readonly reset: () => void } | { readonly onOtherLog: 'refuse' };

const LOG_DDL = `CREATE TABLE IF NOT EXISTS checkpoint_log (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1), store TEXT NOT NULL, log_id TEXT NOT NULL)`;

const bindings = new WeakMap<Database, { readonly file: string; readonly policy: OnOtherLog }>();

/** Called where a checkpoint database is opened: names its file and what a mismatch means for it. */
export function bindCheckpointsToLog(db: Database, file: string, policy: OnOtherLog): void {
  db.exec(LOG_DDL);
  bindings.set(db, { file, policy });
}

/**
 * Called before a consumer reads its checkpoint. The first use records the store's identity in the
 * database; later uses compare. A mismatch rebuilds or refuses (`CheckpointsFromAnotherLogError`, fatal) as
 * bound at open; a database nobody bound is refused, the safe default. A checkpoint database written before
 * identities existed records the store it is first used with: there is nothing older to compare.
 */
export async function ensureCheckpointsMatchStore(db: Database, store: EventStore): Promise<void> {
  const identity = await store.identity();
  const { file, policy } = bindings.get(db) ?? { file: db.name, policy: { onOtherLog: 'refuse' } as const };
  db.exec(LOG_DDL);
  db.transaction(() => {
    const recorded = db.prepare('SELECT store, log_id AS logId FROM checkpoint_log WHERE singleton = 1').get() as StoreIdentity | undefined;
    if (recorded && recorded.store === identity.store && recorded.logId === identity.logId) return;
    if (recorded && policy.onOtherLog === 'refuse') throw new CheckpointsFromAnotherLogError(file, describe(recorded), describe(identity));
    if (recorded && policy.onOtherLog === 'rebuild') {
      policy.reset();
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checkpoints'").get()) db.exec('DELETE FROM checkpoints');
    }
    db.prepare('INSERT INTO checkpoint_log (singleton, store, log_id) VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET store = excluded.store, log_id = excluded.log_id').run(
      identity.store,
      identity.logId,
    );
  }).immediate();
}

function describe({ store, logId }: StoreIdentity): string {
  return `${store} log ${logId}`;
}
