import { FilingNotFoundError, FilingRuleError } from '@hazard/domain';
import { PeriodError } from '@hazard/projections';
import { errorResponseOf } from '../edge/errors/error-response';

describe('report errors map to API.md statuses', () => {
  it.each([
    [new PeriodError('2026Q5'), 400, 'REPORT.INVALID_PERIOD'],
    [new FilingNotFoundError('f-1'), 404, 'REPORT.FILING_NOT_FOUND'],
    [new FilingRuleError('REPORT.PERIOD_NOT_ENDED', 'running'), 422, 'REPORT.PERIOD_NOT_ENDED'],
    [new FilingRuleError('REPORT.DEFINITION_UNSUPPORTED', 'unknown version'), 422, 'REPORT.DEFINITION_UNSUPPORTED'],
  ])('%s → %i', (error, status, code) => {
    expect(errorResponseOf(error)).toMatchObject({ statusCode: status, code });
  });

  it('a bad period names the parameter and keeps it in details', () => {
    expect(errorResponseOf(new PeriodError('2026-13'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'period must be YYYY, YYYYQ1–YYYYQ4 or YYYY-MM, got "2026-13"',
      code: 'REPORT.INVALID_PERIOD',
      details: { field: 'period', value: '2026-13' },
    });
  });
});
