import { generatedSecret } from './generated-secret';

export const JWT_SECRET_FILE = 'jwt-secret';

/** JWT_SECRET when set; otherwise generated once into DATA_DIR, so the server and `npm run token` agree. */
export function resolveJwtSecret(dataDir: string, configured: string | undefined): string {
  return generatedSecret(dataDir, JWT_SECRET_FILE, configured);
}
