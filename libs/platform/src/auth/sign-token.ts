import { sign } from 'jsonwebtoken';
import { Claims } from './claims';

/**
 * Mints an HS256 bearer token for the claims, as the server verifies them. jsonwebtoken is the library
 * @nestjs/jwt wraps, so the CLI signs exactly as the API checks without pulling Nest in.
 */
export function signToken(claims: Claims, secret: string, expiresIn: string): string {
  return sign({ ...claims }, secret, { algorithm: 'HS256', expiresIn: expiresIn as never });
}
