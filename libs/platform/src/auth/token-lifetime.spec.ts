import { tokenLifetimeProblem } from './token-lifetime';

describe('a token’s lifetime', () => {
  const now = 1_800_000_000;
  const policy = { maxTtlSeconds: 30 * 86_400, skewSeconds: 30 };
  const problem = (payload: Record<string, unknown>) => tokenLifetimeProblem(payload, now, policy);

  it('is fine with an iat now and an exp within MAX_TOKEN_TTL', () => {
    expect(problem({ iat: now, exp: now + 8 * 3600 })).toBeUndefined();
    expect(problem({ iat: now - 60, exp: now + policy.maxTtlSeconds - 60 })).toBeUndefined();
    expect(problem({ exp: now + 3600 })).toBeUndefined();
  });

  it('tolerates the clock skew on iat and exp', () => {
    expect(problem({ iat: now + 30, exp: now + 3600 })).toBeUndefined();
    expect(problem({ iat: now, exp: now + policy.maxTtlSeconds + 30 })).toBeUndefined();
  });

  it('needs an exp', () => {
    expect(problem({ iat: now })).toMatch(/exp \(expiry\) is required/);
    expect(problem({ iat: now, exp: '2099-01-01' })).toMatch(/exp \(expiry\) is required/);
  });

  it('refuses an exp further away than MAX_TOKEN_TTL, such as 100 years', () => {
    expect(problem({ iat: now, exp: now + 100 * 365 * 86_400 })).toMatch(/more than MAX_TOKEN_TTL/);
    expect(problem({ iat: now, exp: now + policy.maxTtlSeconds + 31 })).toMatch(/more than MAX_TOKEN_TTL/);
  });

  it('refuses an iat in the future', () => {
    expect(problem({ iat: now + 3600, exp: now + 7200 })).toMatch(/iat is in the future/);
  });

  it('refuses a token issued long ago whose exp is still within reach but whose life exceeds the TTL', () => {
    expect(problem({ iat: now - 40 * 86_400, exp: now + 3600 })).toMatch(/lives longer than MAX_TOKEN_TTL/);
  });

  it('refuses iat and nbf that are not numbers', () => {
    expect(problem({ iat: 'yesterday', exp: now + 60 })).toMatch(/iat must be a number/);
    expect(problem({ nbf: 'today', exp: now + 60 })).toMatch(/nbf must be a number/);
  });
});
