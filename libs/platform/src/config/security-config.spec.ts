import { ConfigError, durationSeconds, loadConfig } from '@hazard/platform';

describe('the security settings', () => {
  it('limit by default: the limiter is on in a configuration nobody touched', () => {
    expect(loadConfig({}).security).toEqual({
      throttle: { windowSeconds: 60, reads: 600, writes: 120, publicReads: 120, publicWrites: 10, authFailures: 30, minPositionWaits: 64 },
      maxTokenTtlSeconds: 30 * 86_400,
      corsOrigins: [],
    });
  });

  it('take the limits, MAX_TOKEN_TTL, issuer, audience and CORS origins from the environment', () => {
    const { security } = loadConfig({
      THROTTLE_WINDOW_SECONDS: '10',
      THROTTLE_READS: '5',
      MAX_TOKEN_TTL: '8h',
      JWT_ISSUER: 'https://idp.example.gov.cn',
      JWT_AUDIENCE: 'hazard-ledger',
      CORS_ORIGINS: 'https://wall.example.gov.cn, http://localhost:5173',
    });
    expect(security).toMatchObject({
      throttle: { windowSeconds: 10, reads: 5 },
      maxTokenTtlSeconds: 8 * 3600,
      jwtIssuer: 'https://idp.example.gov.cn',
      jwtAudience: 'hazard-ledger',
      corsOrigins: ['https://wall.example.gov.cn', 'http://localhost:5173'],
    });
  });

  it.each([
    ['THROTTLE_READS', { THROTTLE_READS: '0' }],
    ['THROTTLE_WRITES', { THROTTLE_WRITES: 'many' }],
    ['THROTTLE_WINDOW_SECONDS', { THROTTLE_WINDOW_SECONDS: '-1' }],
    ['THROTTLE_MIN_POSITION_WAITS', { THROTTLE_MIN_POSITION_WAITS: '0' }],
    ['MAX_TOKEN_TTL', { MAX_TOKEN_TTL: 'forever' }],
    ['MAX_TOKEN_TTL', { MAX_TOKEN_TTL: '100y' }],
    ['MAX_TOKEN_TTL', { MAX_TOKEN_TTL: '400d' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://wall.example.gov.cn/page' }],
  ])('a bad %s stops start-up with a message naming it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it.each([
    ['40 spaces', ' '.repeat(40), /is set but blank/],
    ['32 × a', 'a'.repeat(32), /distinct characters/],
    ['a repeated pair', 'ab'.repeat(24), /distinct characters/],
    ['31 bytes', 'x7Gq2LmZ9pR4tV8wK1nB6cY3hJ5dF0s', /at least 32 bytes/],
  ])('a weak JWT_SECRET (%s) stops start-up', (_what, secret, problem) => {
    expect(() => loadConfig({ JWT_SECRET: secret })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: secret })).toThrow(problem);
  });

  it('takes a random JWT_SECRET, hex or base64, of 32 bytes and more', () => {
    expect(loadConfig({ JWT_SECRET: '4f9c2a7e1b8d3f60c5a9e2d7b4f1c8a3' }).jwtSecret).toBe('4f9c2a7e1b8d3f60c5a9e2d7b4f1c8a3');
    expect(loadConfig({ JWT_SECRET: 'Qm9vdHN0cmFwLXNlY3JldC1mb3ItaHMyNTYtMDEyMw' }).jwtSecret).toBeDefined();
  });

  it.each([
    ['90s', 90],
    ['90', 90],
    ['15m', 900],
    ['8h', 28_800],
    ['30d', 2_592_000],
  ])('reads the lifetime %s as %d seconds', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(['', '0', '8 hours', '-1h', '1.5h', '2w'])('reads no lifetime from %p', (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });
});
