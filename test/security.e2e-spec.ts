import { JwtService } from '@nestjs/jwt';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspector, reviewer } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { TEST_SECRET, TestApp } from './support/test-app';

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;
const claims = { sub: reviewer.sub, dept: reviewer.dept, roles: reviewer.roles, sectors: ['*'], regions: ['*'] };

describe('security: bearer tokens', () => {
  let t: TestApp;
  const jwt = new JwtService({ secret: TEST_SECRET });
  const sign = (payload: Record<string, unknown>) => jwt.sign({ ...claims, ...payload }, { algorithm: 'HS256' });
  const listWith = (token: string) => t.http().get('/api/v1/hazards').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => (t = await TestApp.start({ env: { MAX_TOKEN_TTL: '30d' } })));
  afterAll(() => t.stop());

  it('accepts a token with an iat now and an exp within MAX_TOKEN_TTL', async () => {
    await listWith(sign({ iat: now(), exp: now() + 8 * 3600 })).expect(200);
    await listWith(sign({ iat: now() + 10, exp: now() + 30 * DAY })).expect(200);
  });

  it.each([
    ['no exp', { iat: now() }, /exp \(expiry\) is required/],
    ['an exp 100 years out', { iat: now(), exp: now() + 100 * 365 * DAY }, /more than MAX_TOKEN_TTL/],
    ['an iat in the future', { iat: now() + 3600, exp: now() + 7200 }, /iat is in the future/],
    ['an nbf in the future', { iat: now(), nbf: now() + 3600, exp: now() + 7200 }, /jwt not active/],
    ['an exp in the past', { iat: now() - 7200, exp: now() - 3600 }, /jwt expired/],
  ])('refuses a token with %s (401)', async (_what, times, message) => {
    const response = await listWith(sign(times));
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(message);
  });
});

describe('security: JWT_ISSUER and JWT_AUDIENCE', () => {
  let t: TestApp;
  const jwt = new JwtService({ secret: TEST_SECRET });
  beforeAll(async () => (t = await TestApp.start({ env: { JWT_ISSUER: 'https://idp.example.gov.cn', JWT_AUDIENCE: 'hazard-ledger' } })));
  afterAll(() => t.stop());

  const listWith = (options: { issuer?: string; audience?: string }) =>
    t.http().get('/api/v1/hazards').set('Authorization', `Bearer ${jwt.sign(claims, { algorithm: 'HS256', expiresIn: '1h', ...options })}`);

  it('accepts only tokens that name both', async () => {
    await listWith({ issuer: 'https://idp.example.gov.cn', audience: 'hazard-ledger' }).expect(200);
    expect((await listWith({ audience: 'hazard-ledger' })).body.message).toMatch(/jwt issuer invalid/);
    expect((await listWith({ issuer: 'https://idp.example.gov.cn', audience: 'another-app' })).body.message).toMatch(/jwt audience invalid/);
    expect((await listWith({})).status).toBe(401);
  });
});

describe('security: response headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());

  it('API answers: nosniff, no-store, an empty CSP, no framing, no CORS', async () => {
    for (const response of [
      await t.as(reviewer).get('/api/v1/hazards').set('Origin', 'https://evil.example'),
      await t.http().get('/api/v1/hazards'),
      await t.as(inspector).post('/api/v1/hazards').send(reportBody()),
      await t.http().get('/health'),
    ]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'cache-control': expect.stringContaining('no-store'),
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('a route that chose its caching keeps it: the catalogue revalidates by ETag', async () => {
    const response = await t.http().get('/api/v1/catalogue').expect(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('/docs gets a same-origin CSP that lets Swagger UI run, without upgrade-insecure-requests', async () => {
    const response = await t.http().get('/docs').expect(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the wall page keeps its own CSP', async () => {
    const response = await t.http().get('/dashboard').expect(200);
    expect(response.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('security: CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ env: { CORS_ORIGINS: 'https://wall.example.gov.cn' } })));
  afterAll(() => t.stop());

  it('answers the configured origin, and no other', async () => {
    const allowed = await t.as(reviewer).get('/api/v1/hazards').set('Origin', 'https://wall.example.gov.cn').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://wall.example.gov.cn');
    const preflight = await t.http().options('/api/v1/hazards').set('Origin', 'https://wall.example.gov.cn').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,idempotency-key');
    expect(preflight.status).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');

    const other = await t.as(reviewer).get('/api/v1/hazards').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security: files in DATA_DIR', () => {
  const modeOf = (path: string) => statSync(path).mode & 0o777;
  const everything = (dir: string) => readdirSync(dir).map((name) => join(dir, name));

  it('are created private: DATA_DIR 0700 and every file 0600, -wal and -shm included', async () => {
    const t = await TestApp.start();
    try {
      await t.as(inspector).post('/api/v1/hazards').set('Idempotency-Key', 'k-1').send(reportBody()).expect(201);
      await t.http().post('/api/v1/public/tips').send({ location: '某小区', description: '消防通道被堵塞', anonymous: false, reporter: { name: '张三', phone: '13800000000' } });
      const files = everything(t.dataDir);
      expect(files.map((f) => f.slice(t.dataDir.length + 1))).toEqual(expect.arrayContaining(['events.sqlite', 'read-models.sqlite', 'processes.sqlite', 'api.sqlite', 'pii-keys.sqlite', 'pii-master-key', 'events.sqlite-wal']));
      expect(modeOf(t.dataDir)).toBe(0o700);
      expect(Object.fromEntries(files.map((f) => [f, modeOf(f)]))).toEqual(Object.fromEntries(files.map((f) => [f, 0o600])));
    } finally {
      await t.stop();
    }
  });

  it('are made private at start-up if an older version (or a hand) left them readable by others', async () => {
    const t = await TestApp.start();
    await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    await t.app.close();
    chmodSync(t.dataDir, 0o755);
    for (const file of everything(t.dataDir)) chmodSync(file, 0o644);
    writeFileSync(join(t.dataDir, 'departments.json'), '{}', { mode: 0o644 });

    await t.restart();
    try {
      expect(modeOf(t.dataDir)).toBe(0o700);
      for (const file of everything(t.dataDir)) expect([file, modeOf(file)]).toEqual([file, 0o600]);
    } finally {
      await t.stop();
    }
  });
});
