import { createSecretKey, KeyObject } from 'node:crypto';
import { verify } from 'jsonwebtoken';

/** What a bearer token must also match besides its signature: JWT_ISSUER / JWT_AUDIENCE when configured. */
export interface VerifyTokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds of clock difference tolerated on exp and nbf. */
  readonly clockToleranceSeconds: number;
}

/**
 * The HS256 key as a KeyObject, made once at start-up. Given a string, jsonwebtoken first tries to parse it
 * as a PEM public key (createPublicKey) on every call and only then falls back to a secret key — about half
 * a millisecond a request, most of the server's CPU under command load. A KeyObject skips that and changes
 * nothing about what is accepted.
 */
export function tokenVerificationKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * Checks the signature (HS256 only: a token naming another algorithm, `none` included, is refused), exp and
 * nbf, and issuer / audience when given; returns the payload or throws jsonwebtoken's error, whose message
 * says what was wrong.
 */
export function verifyToken(token: string, key: KeyObject, options: VerifyTokenOptions): Record<string, unknown> {
  const payload = verify(token, key, {
    algorithms: ['HS256'],
    clockTolerance: options.clockToleranceSeconds,
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.audience !== undefined && { audience: options.audience }),
  });
  if (typeof payload === 'string') throw new Error('the token payload must be a JSON object');
  return payload as Record<string, unknown>;
}
