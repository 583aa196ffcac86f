import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from '../stores/private-files';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * JWT_SECRET when set; otherwise a random secret generated once and kept (mode 0600) in the data directory,
 * so the server and `npm run token` agree without anyone configuring anything.
 */
export function resolveJwtSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  makePrivateDir(dataDir);
  const file = join(dataDir, JWT_SECRET_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process (a second replica, the token CLI) created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
