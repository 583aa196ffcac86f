import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('accepts the design’s example 91350100M000100Y43 and refuses …Y44, expecting 3', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeProblem('91350100M000100Y44')).toEqual({ kind: 'check', expected: '3', actual: '4' });
  });

  it('computes C[(31 − Σ value·w mod 31) mod 31], a remainder of 0 giving 0 and letters past 9', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(isValidCreditCode('91330102MA2B000015')).toBe(true);
    expect(isValidCreditCode('91330106MA2C00003P')).toBe(true);
  });

  it('refuses a wrong length and a character outside the alphabet (I, O, S, V, Z and lower case)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toEqual({ kind: 'length', length: 17 });
    expect(creditCodeProblem('91350100M000100Y433')).toEqual({ kind: 'length', length: 19 });
    expect(creditCodeProblem('91350100I000100Y43')).toEqual({ kind: 'character', character: 'I', index: 8 });
    expect(creditCodeProblem('91350100m000100Y43')).toMatchObject({ kind: 'character', character: 'm' });
  });

  it('normalises by trimming and upper-casing, so a lower-case code is the same unit', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
