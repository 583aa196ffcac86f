import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from '../stores/private-files';

/**
 * The configured secret when set; otherwise a random one generated once into `dataDir/<file>` (mode 0600), so
 * every process on the data directory — replicas, the CLI — uses the same without anyone configuring it.
 * Race-safe: a process that loses the race to create the file reads the winner's.
 */
export function generatedSecret(dataDir: string, file: string, configured: string | undefined): string {
  if (configured) return configured;
  makePrivateDir(dataDir);
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(path, 'utf8').trim();
}
