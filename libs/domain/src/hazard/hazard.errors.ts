import { AuthorityLevel, HazardStatus } from './hazard-values';

/**
 * Refusals of the domain. `code` is stable (clients and the HTTP filter key on it); the message is for people.
 * The HTTP mapping lives at the edge: NOT_FOUND → 404, ILLEGAL_TRANSITION / STATE_CONFLICT → 409,
 * FORBIDDEN → 403, every rule violation → 422.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details?: Record<string, unknown>;
}

export class HazardNotFoundError extends DomainError {
  readonly code = 'HAZARD.NOT_FOUND';
  constructor(readonly hazardId: string, why = 'does not exist') {
    super(`hazard ${hazardId} ${why}`);
  }
}

/** The command is not allowed in the hazard's current status; the message names it. */
export class IllegalTransitionError extends DomainError {
  readonly code = 'HAZARD.ILLEGAL_TRANSITION';
  override readonly details: { status: HazardStatus; command: string };
  constructor(command: string, readonly status: HazardStatus, why?: string) {
    super(`${command} is not allowed while the hazard is ${status}${why ? ` (${why})` : ''}`);
    this.details = { status, command };
  }
}

/** A rule of the domain refused the command (HTTP 422). */
export class RuleViolationError extends DomainError {
  constructor(
    readonly code: RuleCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export type RuleCode =
  | 'HAZARD.DEADLINE_IN_PAST'
  | 'HAZARD.EXTENSION_NOT_LATER'
  | 'HAZARD.PLAN_REQUIRED'
  | 'HAZARD.PLAN_ONLY_FOR_MAJOR'
  | 'HAZARD.SEPARATION_OF_DUTIES'
  | 'HAZARD.TIME_IN_FUTURE'
  | 'HAZARD.SAME_LEVEL'
  | 'HAZARD.DEADLINE_NOT_PASSED'
  | 'HAZARD.ALREADY_OVERDUE'
  | 'HAZARD.CLOSURE_REQUIRED'
  | 'HAZARD.CLOSURE_ONLY_FOR_MAJOR'
  | 'HAZARD.CLOSURE_REVIEW_NOT_DUE'
  | 'HAZARD.CLOSURE_REVIEW_ALREADY_OVERDUE'
  | 'HAZARD.DOC_NO_RESERVED'
  | 'HAZARD.SERVED_BEFORE_IMPOSED'
  | 'HAZARD.SIGNED_BEFORE_SERVED';

/** The actor's role, sector, region or unit does not allow this command (HTTP 403). */
export class ForbiddenError extends DomainError {
  readonly code = 'ACCESS.FORBIDDEN';
  constructor(message: string) {
    super(message);
  }
}

/** Closing a hazard supervised at `required` needs an `authority` claim at least that level (HTTP 403). */
export class AuthorityInsufficientError extends DomainError {
  readonly code = 'ACCESS.AUTHORITY_INSUFFICIENT';
  override readonly details: { required: AuthorityLevel; authority: AuthorityLevel | null };
  constructor(required: AuthorityLevel, authority: AuthorityLevel | null) {
    super(`closing a hazard under ${required}-level supervision (挂牌督办) needs authority ${required} or higher; you act for ${authority ?? 'no level'}`);
    this.details = { required, authority };
  }
}
