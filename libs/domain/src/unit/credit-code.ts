/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over the code alphabet below (value = index), the 18th the
 * check character C[(31 − Σᵢ₌₁..₁₇ value(cᵢ)·wᵢ mod 31) mod 31]. Pure: the registry and the edge both call it.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const CREDIT_CODE_LENGTH = 18;

/** Why a code is not a 统一社会信用代码, or null when it is one. `expected` is the check character its first 17 call for. */
export type CreditCodeProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'character'; readonly character: string; readonly index: number }
  | { readonly kind: 'check'; readonly expected: string; readonly actual: string };

/** The check character of the first 17 characters (which must be over the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== WEIGHTS.length) throw new RangeError(`a check character is computed from 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`${first17[i]} is not a character of GB 32100-2015`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Upper-cased and trimmed: the form every stream id and read model holds. */
export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== CREDIT_CODE_LENGTH) return { kind: 'length', length: code.length };
  const index = [...code].findIndex((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (index >= 0) return { kind: 'character', character: code[index]!, index };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const actual = code[17]!;
  return expected === actual ? null : { kind: 'check', expected, actual };
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
