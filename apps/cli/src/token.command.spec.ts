import { verify } from 'jsonwebtoken';
import { tokenCommand } from './token.command';

const SECRET = 'token-spec-secret-that-is-long-enough-0123456789';

/** `npm run token -- …`: what it mints is what the API's guard accepts. */
describe('the token verb', () => {
  const env = { ...process.env };
  let written = '';

  beforeEach(() => {
    process.env.JWT_SECRET = SECRET;
    written = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk);
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
});
