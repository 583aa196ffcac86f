import { generatedSecret } from './generated-secret';

export const WEBHOOK_SECRET_FILE = 'webhook-secret';

/**
 * NOTIFY_WEBHOOK_SECRET when set; otherwise generated once into DATA_DIR, so every replica on it signs outgoing
 * webhooks alike and the operator can hand the file's content to the receivers (docs/notifications-delivery.md).
 */
export function resolveWebhookSecret(dataDir: string, configured: string | undefined): string {
  return generatedSecret(dataDir, WEBHOOK_SECRET_FILE, configured);
}
