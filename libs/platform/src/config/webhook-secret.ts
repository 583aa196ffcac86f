import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from '../stores/private-files';

export const WEBHOOK_SECRET_FILE = 'webhook-secret';

/**
 * NOTIFY_WEBHOOK_SECRET when set; otherwise a random secret generated once and kept (mode 0600) in the data
 * directory, so every replica on it signs outgoing webhooks alike and the operator can hand the file's
 * content to the receivers (docs/notifications-delivery.md).
 */
export function resolveWebhookSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  makePrivateDir(dataDir);
  const file = join(dataDir, WEBHOOK_SECRET_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process on the same DATA_DIR created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
