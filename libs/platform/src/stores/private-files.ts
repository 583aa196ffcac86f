import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config/config-error';

/** The ledger, the secrets and the reporters' keys are for the service's own user only. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Mode bits are not enforced there; checking them would only produce noise. */
const MODES_APPLY = process.platform !== 'win32';

/** Creates `dir` and its missing parents 0700 (an existing one is left to securePrivateDir). */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates `file` empty with mode 0600 unless it exists: SQLite would otherwise create
 * it 0644 under the usual umask. SQLite gives a database's -wal and -shm files the database file's mode, so
 * calling this before opening covers those too.
 */
export function createPrivateFile(file: string): void {
  makePrivateDir(dirname(file));
  try {
    writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * The start-up check of DATA_DIR: the directory 0700 and everything in it 0600 (directories 0700). A data
 * directory from before this check, or a file copied in by hand, is tightened and named in the answer, so
 * the caller can log it; what cannot be tightened (another user's file) stops start-up as a ConfigError.
 * Symbolic links are left alone: their targets are not ours to change.
 */
export function securePrivateDir(dir: string, variable = 'DATA_DIR'): readonly string[] {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!MODES_APPLY) return [];
  const tightened: string[] = [];
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    const mode = stat.mode & 0o777;
    if (mode !== wanted) {
      try {
        chmodSync(path, wanted);
      } catch (error) {
        throw new ConfigError(variable, `holds ${path} with mode ${mode.toString(8)}, which cannot be made ${wanted.toString(8)}: ${(error as Error).message}`);
      }
      tightened.push(path);
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return tightened;
}
