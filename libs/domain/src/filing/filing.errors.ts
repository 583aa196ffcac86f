import { DomainError } from '../hazard/hazard.errors';

export type FilingRuleCode = 'REPORT.PERIOD_NOT_ENDED' | 'REPORT.ALREADY_FILED' | 'REPORT.DEFINITION_UNSUPPORTED';

/** A rule of filing refused the command (HTTP 422). */
export class FilingRuleError extends DomainError {
  constructor(
    readonly code: FilingRuleCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** An unknown filing, or one outside the reader's scope (HTTP 404: the same answer for both). */
export class FilingNotFoundError extends DomainError {
  readonly code = 'REPORT.FILING_NOT_FOUND';
  constructor(readonly filingId: string) {
    super(`filing ${filingId} does not exist`);
  }
}
