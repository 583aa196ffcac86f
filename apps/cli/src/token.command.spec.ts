import { verify } from 'jsonwebtoken';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWT_SECRET_FILE, resolveJwtSecret } from '@hazard/platform';
import { tokenCommand } from './token.command';

const SECRET = 'token-spec-secret-that-is-long-enough-0123456789';

/** `npm run token -- …`: what it mints is what the API's guard accepts. */
describe('the token verb', () => {
  const env = { ...process.env };
  let written = '';
  let told = '';

  beforeEach(() => {
    process.env.JWT_SECRET = SECRET;
    written = '';
    told = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      told += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...env };
  });

  const mint = (...args: string[]) => tokenCommand().exitOverride().parseAsync(['--user', 'sup-qian', '--dept', 'dept-gas', '--roles', 'supervisor', '--sectors', 'gas', '--regions', '3301', ...args], { from: 'user' });

  it('carries --authority as the authority claim', async () => {
    await mint('--authority', 'city');
    expect(verify(written.trim(), SECRET, { algorithms: ['HS256'] })).toMatchObject({ sub: 'sup-qian', roles: ['supervisor'], authority: 'city' });
  });

  it('leaves the claim out without --authority', async () => {
    await mint();
    expect(verify(written.trim(), SECRET, { algorithms: ['HS256'] })).not.toHaveProperty('authority');
  });

  it('refuses an authority that is not county, city or province, naming the claim', async () => {
    await expect(mint('--authority', 'village')).rejects.toThrow(/authority must be one of county, city, province/);
    expect(written).toBe('');
  });

  it('mints an iat and an exp --expires later (8h by default)', async () => {
    await mint();
    const { iat, exp } = verify(written.trim(), SECRET, { algorithms: ['HS256'] }) as { iat: number; exp: number };
    expect(exp - iat).toBe(8 * 3600);
  });

  it('refuses an --expires longer than MAX_TOKEN_TTL, which the server would refuse', async () => {
    process.env.MAX_TOKEN_TTL = '1d';
    await expect(mint('--expires', '30d')).rejects.toThrow(/longer than MAX_TOKEN_TTL/);
    await expect(mint('--expires', 'for ever')).rejects.toThrow(/--expires must be a lifetime/);
    expect(written).toBe('');
  });

  it('stamps JWT_ISSUER and JWT_AUDIENCE when the server requires them', async () => {
    process.env.JWT_ISSUER = 'hazard-ledger-cli';
    process.env.JWT_AUDIENCE = 'hazard-ledger';
    await mint();
    expect(verify(written.trim(), SECRET, { algorithms: ['HS256'], issuer: 'hazard-ledger-cli', audience: 'hazard-ledger' })).toMatchObject({ iss: 'hazard-ledger-cli', aud: 'hazard-ledger' });
  });

  describe('the secret it signs with', () => {
    let dataDir: string;
    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'token-spec-'));
      process.env.DATA_DIR = dataDir;
      delete process.env.JWT_SECRET;
    });
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('refuses to invent one when JWT_SECRET is unset and DATA_DIR holds no secret, and creates none', async () => {
      await expect(mint()).rejects.toThrow(`DATA_DIR ${dataDir} holds no jwt-secret. Set DATA_DIR to the server's data directory or JWT_SECRET`);
      expect(written).toBe('');
      expect(existsSync(join(dataDir, JWT_SECRET_FILE))).toBe(false);
    });

    it("signs with the server's secret in DATA_DIR and says so on stderr", async () => {
      const serverSecret = resolveJwtSecret(dataDir, undefined); // as the server does on first start
      await mint();
      expect(verify(written.trim(), serverSecret, { algorithms: ['HS256'] })).toMatchObject({ sub: 'sup-qian' });
      expect(told).toBe(`token signed with the secret in ${join(dataDir, JWT_SECRET_FILE)} (DATA_DIR ${dataDir})\n`);
    });

    it('prefers JWT_SECRET to the file and names it', async () => {
      resolveJwtSecret(dataDir, undefined);
      process.env.JWT_SECRET = SECRET;
      await mint();
      expect(verify(written.trim(), SECRET, { algorithms: ['HS256'] })).toMatchObject({ sub: 'sup-qian' });
      expect(told).toBe(`token signed with JWT_SECRET (DATA_DIR ${dataDir})\n`);
    });
  });
});
