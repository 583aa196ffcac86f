import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@hazard/event-store';
import { createPrivateFile } from '@hazard/platform';

/** DATA_DIR/api.sqlite: this replica's memory of answered Idempotency-Keys. */
export const API_DB_FILE = 'api.sqlite';

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export interface StoredResponse {
  readonly statusCode: number;
  readonly body: unknown;
}

export type IdempotencyLookup =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'conflict' };

/**
 * Remembers the first response to each (user, Idempotency-Key) on disk (synchronous=FULL), so a client
 * retrying after a timeout — or after a server restart — gets the same answer and appends nothing new.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') createPrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status_code INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
      PRIMARY KEY (scope, key))`);
  }

  static fingerprint(method: string, path: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');
  }

  lookup(scope: string, key: string, fingerprint: string): IdempotencyLookup {
    const row = this.db
      .prepare('SELECT fingerprint, status_code, body FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as { fingerprint: string; status_code: number; body: string } | undefined;
    if (!row) return { kind: 'new' };
    if (row.fingerprint !== fingerprint) return { kind: 'conflict' };
    return { kind: 'replay', response: { statusCode: row.status_code, body: JSON.parse(row.body) } };
  }

  /** First writer wins: a concurrent duplicate that finished second keeps the first stored answer. */
  remember(scope: string, key: string, fingerprint: string, response: StoredResponse, at: Date): void {
    this.db
      .prepare('INSERT OR IGNORE INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)')
      .run(scope, key, fingerprint, response.statusCode, JSON.stringify(response.body), at.toISOString());
  }

  close(): void {
    this.db.close();
  }
}
