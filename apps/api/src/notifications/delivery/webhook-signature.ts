import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Hazard-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`: the receiver recomputes it over the bytes
 * it received and the `t` it was given, and refuses an old `t` (a replay). docs/notifications-delivery.md shows
 * the receiver's side; webhook-signature.spec.ts runs that snippet against this.
 */
export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}
