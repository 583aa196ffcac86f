import { sign } from 'jsonwebtoken';
import { Claims } from './claims';

/** Stamped into the token when the server is configured to require them (JWT_ISSUER, JWT_AUDIENCE). */
export interface SignTokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * Mints an HS256 bearer token for the claims, as the server verifies them: iat now, exp `expiresInSeconds`
 * later. jsonwebtoken is the library @nestjs/jwt wraps, so the CLI signs exactly as the API checks without
 * pulling Nest in.
 */
export function signToken(claims: Claims, secret: string, expiresInSeconds: number, options: SignTokenOptions = {}): string {
  return sign({ ...claims }, secret, {
    algorithm: 'HS256',
    expiresIn: expiresInSeconds,
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.audience !== undefined && { audience: options.audience }),
  });
}
