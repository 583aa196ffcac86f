import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWT_SECRET_FILE } from '@hazard/platform';
import { TEST_SECRET, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const CLI_ENTRY = join(ROOT, 'dist', 'cli', 'apps', 'cli', 'src', 'main.js');
const SERVER_ENTRY = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const REVIEWER = ['--user', 'rev-feng', '--dept', 'dept-safety-committee', '--roles', 'reviewer', '--sectors', '*', '--regions', '*'];

/** `npm run -s token -- …` as a person types it, in a child process with exactly `env` (plus PATH). */
function npmToken(env: Record<string, string>, args: readonly string[] = REVIEWER) {
  const result = spawnSync('npm', ['run', '-s', 'token', '--', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const mtimeOf = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : undefined);

describe('npm run token: the built CLI in its own process (e2e)', () => {
  let t: TestApp;
  let emptyDataDir: string;

  beforeAll(async () => {
    t = await TestApp.start();
    emptyDataDir = mkdtempSync(join(tmpdir(), 'cli-process-'));
    npmToken({ JWT_SECRET: TEST_SECRET }); // builds dist/cli if the sources are newer: the tests below see a built CLI
  }, 180_000);
  afterAll(async () => {
    await t.stop();
    rmSync(emptyDataDir, { recursive: true, force: true });
  });

  it("mints a token the server accepts with the server's JWT_SECRET, running the CLI as built and saying which secret", async () => {
    const [serverEntry, cliEntry] = [mtimeOf(SERVER_ENTRY), mtimeOf(CLI_ENTRY)];
    const { status, stdout, stderr } = npmToken({ JWT_SECRET: TEST_SECRET, DATA_DIR: t.dataDir });
    expect(status).toBe(0);
    expect(stderr.split('\n').at(-2)).toBe(`token signed with JWT_SECRET (DATA_DIR ${t.dataDir})`);
    expect(mtimeOf(CLI_ENTRY)).toBe(cliEntry); // built once, run as built
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await t.http().get('/api/v1/hazards').set('Authorization', `Bearer ${stdout.trim()}`).expect(200);
    expect(mtimeOf(SERVER_ENTRY)).toBe(serverEntry);
  });

  it('exits non-zero without JWT_SECRET and a DATA_DIR holding no secret, telling what to set, and invents none', () => {
    const { status, stdout, stderr } = npmToken({ DATA_DIR: emptyDataDir });
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`DATA_DIR ${emptyDataDir} holds no jwt-secret. Set DATA_DIR to the server's data directory or JWT_SECRET`);
    expect(existsSync(join(emptyDataDir, JWT_SECRET_FILE))).toBe(false);
  });

  it('transpiles again what is older than its source, into dist/cli only', () => {
    utimesSync(CLI_ENTRY, new Date('2000-01-01'), new Date('2000-01-01')); // as if main.ts changed since
    const serverEntry = mtimeOf(SERVER_ENTRY);
    const rebuilt = npmToken({ JWT_SECRET: TEST_SECRET });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toMatch(/^building the CLI into dist\/cli: [1-9]\d* changed file\(s\)/);
    expect(statSync(CLI_ENTRY).mtimeMs).toBeGreaterThan(new Date('2020-01-01').getTime());
    expect(mtimeOf(SERVER_ENTRY)).toBe(serverEntry);

    // Judged by the file this test aged, not by the build's message: others' edits elsewhere may rebuild theirs.
    const rebuiltAt = mtimeOf(CLI_ENTRY);
    expect(npmToken({ JWT_SECRET: TEST_SECRET }).status).toBe(0);
    expect(mtimeOf(CLI_ENTRY)).toBe(rebuiltAt);
  }, 180_000);
});
