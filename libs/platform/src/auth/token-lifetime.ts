/** What bounds a bearer token's life: MAX_TOKEN_TTL and the clock skew tolerated between issuer and server. */
export interface TokenLifetimePolicy {
  readonly maxTtlSeconds: number;
  readonly skewSeconds: number;
}

/**
 * Why a signature-verified token's times are unacceptable, or undefined. The JWT library already refuses an
 * expired token and one not yet valid (nbf); this adds what it lets through: no exp at all, an exp further
 * off than MAX_TOKEN_TTL (a token "for ever"), and an iat in the future or further back from exp than the TTL.
 */
export function tokenLifetimeProblem(payload: Record<string, unknown>, nowSeconds: number, policy: TokenLifetimePolicy): string | undefined {
  const { exp, iat, nbf } = payload;
  const { maxTtlSeconds, skewSeconds } = policy;
  if (!isTime(exp)) return 'claim exp (expiry) is required';
  if (exp > nowSeconds + maxTtlSeconds + skewSeconds) return `claim exp is more than MAX_TOKEN_TTL (${maxTtlSeconds} s) away`;
  if (nbf !== undefined && !isTime(nbf)) return 'claim nbf must be a number of seconds';
  if (iat === undefined) return undefined;
  if (!isTime(iat)) return 'claim iat must be a number of seconds';
  if (iat > nowSeconds + skewSeconds) return 'claim iat is in the future';
  if (exp - iat > maxTtlSeconds + skewSeconds) return `the token lives longer than MAX_TOKEN_TTL (${maxTtlSeconds} s)`;
  return undefined;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
