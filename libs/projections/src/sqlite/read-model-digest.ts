import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { LIVE_TABLES, ReadModelTables, TABLE_KEYS } from './read-model-schema';

export interface ReadModelDigest {
  /** sha256 over the per-table digests, in table order. */
  readonly digest: string;
  /** Per logical table (hazards, cycles, units): row count and sha256 of its rows in primary-key order. */
  readonly tables: Readonly<Record<keyof ReadModelTables, { readonly rows: number; readonly sha256: string }>>;
}

/**
 * A fingerprint of every read-model table: each row in primary-key order as a JSON array of its column
 * values. Two builds with equal digests hold the same rows, whatever their batches, restarts or physical
 * table names — the check that a rebuild equals the incrementally built models.
 */
export function readModelDigest(db: Database, t: ReadModelTables = LIVE_TABLES): ReadModelDigest {
  const read = db.transaction(() => {
    const whole = createHash('sha256');
    const tables = {} as Record<keyof ReadModelTables, { rows: number; sha256: string }>;
    for (const name of Object.keys(TABLE_KEYS) as (keyof ReadModelTables)[]) {
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of db.prepare(`SELECT * FROM ${t[name]} ORDER BY ${TABLE_KEYS[name]}`).raw().iterate()) {
        hash.update(`${JSON.stringify(row)}\n`);
        rows += 1;
      }
      const sha256 = hash.digest('hex');
      tables[name] = { rows, sha256 };
      whole.update(`${name}:${sha256}\n`);
    }
    return { digest: whole.digest('hex'), tables };
  });
  return read(); // one read transaction: a consistent snapshot even while the projector writes
}
