import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { JWT_SECRET_FILE } from '@hazard/platform';
import { compileServer, ServerProcess, startServer } from './support/server-process';
import { TEST_SECRET } from './support/test-app';

const ROOT = join(__dirname, '..');
const MARKER = '<!-- the block below is run as written by test/readme-walk.e2e-spec.ts -->';

/** The shell block after the marker in README.md, exactly as a reader copies it. */
function readmeWalk(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const after = readme.split(MARKER)[1];
  const block = after && /^\s*```sh\n([\s\S]*?)\n```/.exec(after)?.[1];
  if (!block) throw new Error(`README.md has no \`\`\`sh block after ${MARKER}`);
  return block;
}

/** A shell as the reader's second terminal: the checkout, PATH, and the server's address and data directory. */
function shell(script: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The second run (EVENT_STORE=postgres on PG_TEST_URL, as scripts/with-postgres.sh sets it in npm test) needs
 * a PostgreSQL server and the PostgreSQL store; without PG_TEST_URL only SQLite runs.
 */
const STORES: readonly (readonly [string, Record<string, string>])[] = [
  ['SQLite', {}],
  ...(process.env.PG_TEST_URL ? [['PostgreSQL (PG_TEST_URL)', { EVENT_STORE: 'postgres', DATABASE_URL: process.env.PG_TEST_URL }] as const] : []),
];

describe.each(STORES)("the README's walk, as written, against a freshly started server on %s (server process)", (_store, storeEnv) => {
  let root: string;
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'readme-walk-'));
    dataDir = join(root, 'data');
    // The secret the server would have generated on first start: the README's reader has no JWT_SECRET.
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(join(dataDir, JWT_SECRET_FILE), TEST_SECRET, { mode: 0o600 });
    server = await startServer(compileServer(join(root, 'server')), dataDir, storeEnv);
  }, 120_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(root, { recursive: true, force: true });
  });

  it('mints the tokens with npm run token and walks the hazard to 销号, every step its expected status', () => {
    const { status, stdout, stderr } = shell(readmeWalk(), { DATA_DIR: dataDir, BASE_URL: `http://127.0.0.1:${server.port}` });
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    const lines = stdout.trim().split('\n');
    expect(lines.map((line) => line.split('  ')[0])).toEqual([
      '201 POST /api/v1/hazards',
      ...['assignments', 'plan', 'rectifications', 'closure-applications', 'verifications'].map((step) => expect.stringMatching(new RegExp(`^200 POST /api/v1/hazards/[0-9a-f-]{36}/${step}$`))),
      expect.stringMatching(/^200 GET \/api\/v1\/hazards\/[0-9a-f-]{36}$/),
      expect.stringMatching(/^200 GET \/api\/v1\/hazards\/[0-9a-f-]{36}\/history$/),
      expect.stringMatching(/^walked hazard [0-9a-f-]{36} from report to 销号/),
    ]);
    expect(lines[5]).toMatch(/status verified$/);
    expect(stderr).toContain(`token signed with the secret in ${join(dataDir, JWT_SECRET_FILE)} (DATA_DIR ${dataDir})`);
  }, 120_000);

  it('stops at the first unexpected status and shows the answer’s body', () => {
    const token = (claims: Record<string, unknown>) => sign({ sectors: ['gas'], regions: ['3301'], ...claims }, TEST_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
    const tokens = {
      INSPECTOR: token({ sub: 'insp-li', dept: 'dept-gas', roles: ['inspector'] }),
      SUPERVISOR: token({ sub: 'sup-zhao', dept: 'dept-gas', roles: ['supervisor'] }),
      CHECKER: token({ sub: 'sup-qian', dept: 'dept-gas', roles: ['supervisor'] }), // no --authority: cannot close a supervised hazard
      UNIT: token({ sub: 'rect-wu', dept: 'unit-gasco', roles: ['rectifier'], unitId: '91330100MA2XXXX01', sectors: [], regions: [] }),
      REVIEWER: token({ sub: 'rev-feng', dept: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] }),
    };
    const { status, stdout, stderr } = shell('node scripts/walk.mjs', { ...tokens, BASE_URL: `http://127.0.0.1:${server.port}` });
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^403 POST \/api\/v1\/hazards\/[0-9a-f-]{36}\/verifications {2}✗ expected 200/);
    expect(JSON.parse(stderr)).toMatchObject({ statusCode: 403, code: 'ACCESS.AUTHORITY_INSUFFICIENT' });
  }, 120_000);
});
