import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read over the phone is not misheard. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 查询码: 16 characters of 80 random bits, shown once to the reporter and never stored. */
export function newQueryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 16; i++) code = CROCKFORD[Number(bits & 31n)]! + code, (bits >>= 5n);
  return code;
}

/** What the tip keeps of its code: sha256(tipNo ‖ ":" ‖ code), the code upper-cased (codes are case-insensitive). */
export function codeHashOf(tipNo: string, code: string): string {
  return createHash('sha256').update(`${tipNo}:${code.trim().toUpperCase()}`).digest('hex');
}

/** Constant-time comparison, so the time of an answer tells nothing about how much of a code was right. */
export function codeMatches(stored: string, tipNo: string, code: string | undefined): boolean {
  const given = Buffer.from(codeHashOf(tipNo, code ?? ''), 'hex');
  const expected = Buffer.from(stored, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
