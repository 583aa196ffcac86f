import { DomainError } from '../hazard/hazard.errors';
import { CreditCodeProblem } from './credit-code';

/** Not a 统一社会信用代码 (HTTP 400): the message names creditCode, GB 32100-2015 and the expected check character. */
export class CreditCodeInvalidError extends DomainError {
  readonly code = 'UNIT.CREDIT_CODE_INVALID';
  override readonly details: Record<string, unknown>;
  constructor(value: string, problem: CreditCodeProblem) {
    super(`creditCode ${JSON.stringify(value)} is not a 统一社会信用代码 (GB 32100-2015): ${explain(problem)}`);
    this.details = { field: 'creditCode', value, ...problem };
  }
}

function explain(problem: CreditCodeProblem): string {
  switch (problem.kind) {
    case 'length':
      return `it must have 18 characters, it has ${problem.length}`;
    case 'character':
      return `character ${problem.index + 1} (${JSON.stringify(problem.character)}) is not one of 0-9 and ABCDEFGHJKLMNPQRTUWXY`;
    case 'check':
      return `the check character should be ${problem.expected}, not ${problem.actual}`;
  }
}

/** An unregistered unit, or one outside the reader's scope (HTTP 404: the same answer for both). */
export class UnitNotFoundError extends DomainError {
  readonly code = 'UNIT.NOT_FOUND';
  constructor(readonly creditCode: string) {
    super(`unit ${creditCode} is not registered`);
  }
}

export type UnitConflictCode = 'UNIT.ALREADY_REGISTERED' | 'UNIT.PERIOD_ALREADY_REPORTED' | 'UNIT.PERIOD_NOT_REPORTED';

/** The command does not fit what the unit's stream already holds (HTTP 409). */
export class UnitConflictError extends DomainError {
  constructor(
    readonly code: UnitConflictCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export type UnitRuleCode = 'UNIT.SIGNER_NOT_PRINCIPAL' | 'UNIT.PERIOD_IN_FUTURE' | 'UNIT.HAZARD_NOT_IN_PERIOD';

/** A rule of 自查自报 refused the command (HTTP 422). */
export class UnitRuleError extends DomainError {
  constructor(
    readonly code: UnitRuleCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Neither or both of hazardIds and zeroHazard (HTTP 400, as the edge's validation answers it). */
export class SelfCheckContentError extends DomainError {
  readonly code = 'UNIT.REPORT_CONTENT_INVALID';
  constructor(message: string) {
    super(message);
  }
}
