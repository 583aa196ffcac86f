import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveWebhookSecret, WEBHOOK_SECRET_FILE } from './webhook-secret';

describe('resolveWebhookSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'webhook-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses NOTIFY_WEBHOOK_SECRET when set and writes nothing', () => {
    expect(resolveWebhookSecret(dir, 'x'.repeat(32))).toBe('x'.repeat(32));
    expect(() => statSync(join(dir, WEBHOOK_SECRET_FILE))).toThrow();
  });

  it('otherwise generates one into DATA_DIR/webhook-secret (mode 0600) and keeps it', () => {
    const first = resolveWebhookSecret(join(dir, 'data'), undefined);

    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'data', WEBHOOK_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveWebhookSecret(join(dir, 'data'), undefined)).toBe(first);
  });
});
