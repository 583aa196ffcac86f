import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedSecret } from './generated-secret';

export const JWT_SECRET_FILE = 'jwt-secret';

/** JWT_SECRET when set; otherwise generated once into DATA_DIR, so the server and `npm run token` agree. */
export function resolveJwtSecret(dataDir: string, configured: string | undefined): string {
  return generatedSecret(dataDir, JWT_SECRET_FILE, configured);
}

/** Where a secret that already exists came from: the environment or the file the server wrote. */
export type JwtSecretSource = { readonly secret: string; readonly from: 'JWT_SECRET' } | { readonly secret: string; readonly from: 'file'; readonly file: string };

/**
 * The secret a server on `dataDir` signs with, without generating one: a token minted with a secret nobody
 * else has is refused by every server (a bare 401), so the token command asks for it instead of inventing it.
 */
export function existingJwtSecret(dataDir: string, configured: string | undefined): JwtSecretSource | undefined {
  if (configured) return { secret: configured, from: 'JWT_SECRET' };
  const file = join(dataDir, JWT_SECRET_FILE);
  if (!existsSync(file)) return undefined;
  const secret = readFileSync(file, 'utf8').trim();
  return secret ? { secret, from: 'file', file } : undefined;
}
