import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempStoreFile {
  /** Path of a database file that does not exist yet, in a fresh directory of its own. */
  readonly file: string;
  /** Deletes the directory, with the WAL and shared-memory files SQLite keeps beside the database. */
  readonly remove: () => void;
}

export function tempStoreFile(prefix = 'event-store-'): TempStoreFile {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { file: join(dir, 'events.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
