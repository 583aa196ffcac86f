import Database from 'better-sqlite3';
import { createPrivateFile } from '../stores/private-files';
import type { KeyStore, WrappedKey } from './key-store.port';
import { KeyStoreUnavailableError, WrappedKeyExistsError } from './pii.errors';

/** Append-only, as the event store's: `PRAGMA user_version` counts the migrations that have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE wrapped_keys (
     tip_id     TEXT PRIMARY KEY,
     iv         BLOB NOT NULL,
     ciphertext BLOB NOT NULL,
     tag        BLOB NOT NULL
   ) WITHOUT ROWID`,
];

interface Row {
  readonly tip_id: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

export interface SqliteKeyStoreOptions {
  /** How long a write waits for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
}

/**
 * The key store in one SQLite file (PII_KEY_STORE). WAL with synchronous=FULL, so `put` returns only once the
 * key is on disk; secure_delete zeroes a destroyed key's bytes and `destroy` checkpoints the WAL into the file
 * and truncates it, so no copy of the wrapped key survives in either file. File 0600, new directories 0700;
 * SQLite gives the -wal and -shm files the database file's mode.
 */
export class SqliteKeyStore implements KeyStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string, options: SqliteKeyStoreOptions = {}): SqliteKeyStore {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') createPrivateFile(file);
      db = new Database(file);
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      migrate(db);
      return new SqliteKeyStore(db);
    } catch (cause) {
      db?.close();
      throw new KeyStoreUnavailableError(`cannot open the PII key store at ${file}`, cause);
    }
  }

  put(tipId: string, wrapped: WrappedKey): void {
    try {
      this.db
        .prepare('INSERT INTO wrapped_keys (tip_id, iv, ciphertext, tag) VALUES (?, ?, ?, ?)')
        .run(tipId, wrapped.iv, wrapped.ciphertext, wrapped.tag);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new WrappedKeyExistsError(tipId);
      throw new KeyStoreUnavailableError(`cannot store the data key of tip ${tipId}`, error);
    }
  }

  get(tipId: string): WrappedKey | undefined {
    const row = this.db.prepare('SELECT * FROM wrapped_keys WHERE tip_id = ?').get(tipId) as Row | undefined;
    return row && toWrapped(row);
  }

  destroy(tipId: string): void {
    this.db.prepare('DELETE FROM wrapped_keys WHERE tip_id = ?').run(tipId);
    // Also after a no-op delete: a crash may have cut an earlier destroy between its delete and its checkpoint.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  has(tipId: string): boolean {
    return this.db.prepare('SELECT 1 FROM wrapped_keys WHERE tip_id = ?').get(tipId) !== undefined;
  }

  any(): { tipId: string; wrapped: WrappedKey } | undefined {
    const row = this.db.prepare('SELECT * FROM wrapped_keys LIMIT 1').get() as Row | undefined;
    return row && { tipId: row.tip_id, wrapped: toWrapped(row) };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toWrapped(row: Row): WrappedKey {
  return { iv: row.iv, ciphertext: row.ciphertext, tag: row.tag };
}

/** Under the write lock, so two processes opening a fresh file at once cannot both migrate it. */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    const applied = Number(db.pragma('user_version', { simple: true }));
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index >= applied) db.exec(sql);
    }
    if (applied < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
