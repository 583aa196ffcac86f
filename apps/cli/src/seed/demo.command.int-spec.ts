import { verify } from 'jsonwebtoken';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWT_SECRET_FILE, loadConfig, openEventStore } from '@hazard/platform';
import { CliIo } from '../cli-io';
import { runDemo } from './demo.command';

/** `npm run demo`: a city, and a token the server started on the same DATA_DIR accepts. */
describe('npm run demo', () => {
  let dataDir: string;
  let printed: string;
  const io: CliIo = { out: (text) => void (printed += text), err: () => undefined };
  const env = { DATA_DIR: '' };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-spec-'));
    env.DATA_DIR = dataDir;
    printed = '';
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the city and mints a reviewer token with the secret it keeps in DATA_DIR, linked from the console and dashboard URLs', async () => {
    const token = await runDemo(loadConfig(env), io, 60);
    const secret = readFileSync(join(dataDir, JWT_SECRET_FILE), 'utf8').trim();
    expect(verify(token, secret, { algorithms: ['HS256'] })).toMatchObject({ roles: ['reviewer'], sectors: ['*'], regions: ['*'] });
    expect(printed).toContain(`http://127.0.0.1:3000/console?token=${token}`);
    expect(printed).toContain(`http://127.0.0.1:3000/dashboard?token=${token}`);
    expect(printed).toContain(`DATA_DIR=${dataDir} npm start`);
    const store = openEventStore(loadConfig(env), { mustExist: true });
    try {
      expect(await store.headPosition()).toBeGreaterThan(60);
    } finally {
      await store.close();
    }
  });

  it('signs with JWT_SECRET when it is set, writing no secret file', async () => {
    const secret = 'demo-spec-secret-that-is-long-enough-0123456789';
    const token = await runDemo(loadConfig({ ...env, JWT_SECRET: secret }), io, 20);
    expect(verify(token, secret, { algorithms: ['HS256'] })).toMatchObject({ sub: 'rev-shenji' });
    expect(() => readFileSync(join(dataDir, JWT_SECRET_FILE))).toThrow();
  });

  it('keeps the city on a second run and mints a fresh token', async () => {
    await runDemo(loadConfig(env), io, 20);
    const store = openEventStore(loadConfig(env), { mustExist: true });
    const head = await store.headPosition();
    await store.close();
    printed = '';
    await runDemo(loadConfig(env), io, 20);
    expect(printed).toContain('reusing it');
    const again = openEventStore(loadConfig(env), { mustExist: true });
    expect(await again.headPosition()).toBe(head);
    await again.close();
  });
});
