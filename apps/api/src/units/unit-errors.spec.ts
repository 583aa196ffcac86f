import { creditCodeProblem, CreditCodeInvalidError, SelfCheckContentError, UnitConflictError, UnitNotFoundError, UnitRuleError } from '@hazard/domain';
import { errorResponseOf } from '../edge/errors/error-response';

describe('UNIT.* codes map to API.md statuses', () => {
  it.each([
    [new CreditCodeInvalidError('91350100M000100Y44', creditCodeProblem('91350100M000100Y44')!), 400],
    [new SelfCheckContentError('both'), 400],
    [new UnitNotFoundError('91350100M000100Y43'), 404],
    [new UnitConflictError('UNIT.ALREADY_REGISTERED', 'again'), 409],
    [new UnitConflictError('UNIT.PERIOD_ALREADY_REPORTED', 'again'), 409],
    [new UnitConflictError('UNIT.PERIOD_NOT_REPORTED', 'absent'), 409],
    [new UnitRuleError('UNIT.SIGNER_NOT_PRINCIPAL', 'who'), 422],
    [new UnitRuleError('UNIT.PERIOD_IN_FUTURE', 'when'), 422],
    [new UnitRuleError('UNIT.HAZARD_NOT_IN_PERIOD', 'which'), 422],
  ].map(([error, status]) => [(error as { code: string }).code, status, error] as const))('%s → %i', (code, status, error) => {
    expect(errorResponseOf(error)).toMatchObject({ statusCode: status, code });
  });

  it('keeps the credit code’s details: field, value and the expected check character', () => {
    const response = errorResponseOf(new CreditCodeInvalidError('91350100M000100Y44', creditCodeProblem('91350100M000100Y44')!));
    expect(response).toMatchObject({ statusCode: 400, error: 'Bad Request', details: { field: 'creditCode', value: '91350100M000100Y44', expected: '3' } });
    expect(response.message).toMatch(/creditCode.*GB 32100-2015.*3/);
  });
});
