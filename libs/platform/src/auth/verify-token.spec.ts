import { sign } from 'jsonwebtoken';
import { tokenVerificationKey, verifyToken } from './verify-token';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-0123456789';
const key = tokenVerificationKey(SECRET);
const options = { clockToleranceSeconds: 30 };
const claims = { sub: 'insp-li', dept: 'dept-gas', roles: ['inspector'], sectors: [], regions: [] };

describe('verifyToken with a key made once', () => {
  it('accepts an HS256 token signed with the secret and returns its payload', () => {
    const token = sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect(verifyToken(token, key, options)).toMatchObject(claims);
  });

  it('refuses a token signed with another secret', () => {
    const token = sign(claims, `${SECRET}-other`, { algorithm: 'HS256', expiresIn: 60 });
    expect(() => verifyToken(token, key, options)).toThrow('invalid signature');
  });

  it('refuses another algorithm, even with the same secret, and an unsigned token', () => {
    expect(() => verifyToken(sign(claims, SECRET, { algorithm: 'HS512', expiresIn: 60 }), key, options)).toThrow('invalid algorithm');
    expect(() => verifyToken(sign(claims, null, { algorithm: 'none', expiresIn: 60 }), key, options)).toThrow('jwt signature is required');
  });

  it('refuses a token expired beyond the tolerance, and keeps one within it', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(() => verifyToken(sign({ ...claims, exp: now - 31 }, SECRET, { algorithm: 'HS256' }), key, options)).toThrow('jwt expired');
    expect(verifyToken(sign({ ...claims, exp: now - 5 }, SECRET, { algorithm: 'HS256' }), key, options)).toMatchObject(claims);
  });

  it('checks issuer and audience when given', () => {
    const token = sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60, issuer: 'city', audience: 'ledger' });
    expect(verifyToken(token, key, { ...options, issuer: 'city', audience: 'ledger' })).toMatchObject(claims);
    expect(() => verifyToken(token, key, { ...options, issuer: 'province' })).toThrow('jwt issuer invalid');
    expect(() => verifyToken(token, key, { ...options, audience: 'other' })).toThrow('jwt audience invalid');
  });
});
