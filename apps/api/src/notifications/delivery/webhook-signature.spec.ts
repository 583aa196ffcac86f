import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signWebhook } from './webhook-signature';

type Verify = (secret: string, header: string | undefined, rawBody: Buffer | string, nowSeconds?: number, toleranceSeconds?: number) => boolean;

/** The receiver's snippet exactly as docs/notifications-delivery.md shows it, run as a receiver would run it. */
function readmeSnippet(): Verify {
  const doc = readFileSync(join(__dirname, '../../../../../docs/notifications-delivery.md'), 'utf8');
  const block = /<!-- verify-snippet:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-snippet:end -->/.exec(doc)?.[1];
  if (!block) throw new Error('docs/notifications-delivery.md has no verify-snippet block');
  return new Function('require', 'Buffer', `${block}\nreturn verifyHazardSignature;`)(require, Buffer) as Verify;
}

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const BODY = JSON.stringify({ dedupeKey: 'HZ-1/2026-03-15T10:00:00.000Z/overdue/unit-1/webhook', subject: '逾期通知：星火化工有限公司' });
const T = 1_773_568_801;

describe('the webhook signature', () => {
  const verify = readmeSnippet();

  it('is t=<unix seconds>,v1=<64 hex>', () => {
    expect(signWebhook(SECRET, BODY, T + 0.9)).toMatch(/^t=1773568801,v1=[0-9a-f]{64}$/);
  });

  it('verifies with the README snippet over the raw bytes, as a string or a Buffer', () => {
    const header = signWebhook(SECRET, BODY, T);

    expect(verify(SECRET, header, BODY, T + 10)).toBe(true);
    expect(verify(SECRET, header, Buffer.from(BODY, 'utf8'), T + 10)).toBe(true);
  });

  it('does not verify a changed body, another secret or a forged v1', () => {
    const header = signWebhook(SECRET, BODY, T);

    expect(verify(SECRET, header, BODY.replace('逾期', '提醒'), T)).toBe(false);
    expect(verify(`${SECRET}-other`, header, BODY, T)).toBe(false);
    const forged = header.slice(0, -1) + (header.endsWith('0') ? '1' : '0');
    expect(verify(SECRET, forged, BODY, T)).toBe(false);
    expect(verify(SECRET, `t=${T + 1},${header.split(',')[1]}`, BODY, T)).toBe(false);
  });

  it('refuses a replay older than the tolerance, and a missing or malformed header', () => {
    const header = signWebhook(SECRET, BODY, T);

    expect(verify(SECRET, header, BODY, T + 301)).toBe(false);
    expect(verify(SECRET, header, BODY, T + 301, 600)).toBe(true);
    expect(verify(SECRET, undefined, BODY, T)).toBe(false);
    expect(verify(SECRET, 'v1=abc', BODY, T)).toBe(false);
  });
});
