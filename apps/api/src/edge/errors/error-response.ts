import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ForbiddenError, HazardNotFoundError, IllegalTransitionError, RuleViolationError } from '@hazard/domain';
import { IdentityUnavailableError } from '@hazard/platform';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  InvalidPositionError,
  RevisionMismatchError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@hazard/event-store';

/** API.md's error body. */
export interface ErrorResponse {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly code?: string;
  readonly details?: unknown;
}

/** Seconds a client should wait before retrying when the store is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** The one place where error classes and codes become HTTP statuses. */
export function errorResponseOf(error: unknown): ErrorResponse {
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof HazardNotFoundError) return body(HttpStatus.NOT_FOUND, error.message, error.code);
  if (error instanceof IllegalTransitionError) return body(HttpStatus.CONFLICT, error.message, error.code, error.details);
  if (error instanceof ForbiddenError) return body(HttpStatus.FORBIDDEN, error.message, error.code);
  if (error instanceof RuleViolationError) return body(HttpStatus.UNPROCESSABLE_ENTITY, error.message, error.code, error.details);
  if (error instanceof DomainError) return body(statusOfCode(error.code), error.message, error.code, error.details);
  if (error instanceof RevisionMismatchError) {
    return body(HttpStatus.PRECONDITION_FAILED, error.message, error.code, { expected: error.expected, actual: error.actual });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return body(HttpStatus.CONFLICT, 'the hazard kept changing under concurrent writes; read it again and retry', error.code);
  }
  if (error instanceof DuplicateEventIdError) {
    return body(HttpStatus.CONFLICT, 'this command id was already used for another command; send a new Idempotency-Key', error.code);
  }
  // The key was destroyed (erasure) after the read was recorded: the identity is gone for good.
  if (error instanceof IdentityUnavailableError) return body(HttpStatus.GONE, 'the reporter’s identity was erased', 'TIP.IDENTITY_ERASED');
  // The command's events are larger than the store takes in one write: the request is, whatever its retries.
  if (error instanceof AppendTooLargeError) return body(HttpStatus.PAYLOAD_TOO_LARGE, error.message, error.code);
  // A position given to the store names no event of its log (a minPosition or checkpoint from another log).
  if (error instanceof InvalidPositionError) return body(HttpStatus.UNPROCESSABLE_ENTITY, error.message, error.code);
  if (error instanceof StoreUnavailableError) return body(HttpStatus.SERVICE_UNAVAILABLE, `event store unavailable: ${error.message}`, error.code);
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error');
}

/**
 * Other domain refusals by their code's family: access (403), reference data (400, bad input), else a rule
 * (422). Of the reports', a malformed period is bad input (400) and an unknown or unreadable filing 404; of the
 * units', a bad creditCode or report content 400, an unknown or unreadable unit 404, a registry conflict 409.
 */
function statusOfCode(code: string): number {
  if (code.startsWith('ACCESS.')) return HttpStatus.FORBIDDEN;
  if (code.startsWith('CATALOGUE.')) return HttpStatus.BAD_REQUEST;
  if (code === 'REPORT.INVALID_PERIOD') return HttpStatus.BAD_REQUEST;
  if (code === 'REPORT.FILING_NOT_FOUND') return HttpStatus.NOT_FOUND;
  if (code === 'UNIT.CREDIT_CODE_INVALID' || code === 'UNIT.REPORT_CONTENT_INVALID') return HttpStatus.BAD_REQUEST;
  if (code === 'UNIT.NOT_FOUND') return HttpStatus.NOT_FOUND;
  if (code === 'UNIT.ALREADY_REGISTERED' || code === 'UNIT.PERIOD_ALREADY_REPORTED' || code === 'UNIT.PERIOD_NOT_REPORTED') return HttpStatus.CONFLICT;
  return TIP_STATUSES[code] ?? HttpStatus.UNPROCESSABLE_ENTITY;
}

/** API.md "Errors (added)" for tips; the other TIP.* codes are rules (422). */
const TIP_STATUSES: Readonly<Record<string, number>> = {
  'TIP.NOT_FOUND': HttpStatus.NOT_FOUND,
  'TIP.NO_IDENTITY': HttpStatus.NOT_FOUND,
  'TIP.ILLEGAL_TRANSITION': HttpStatus.CONFLICT,
  'TIP.ALREADY_EXISTS': HttpStatus.CONFLICT,
  'TIP.REWARD_ALREADY_DECIDED': HttpStatus.CONFLICT,
  'TIP.IDENTITY_ERASED': HttpStatus.GONE,
};

function fromHttpException(error: HttpException): ErrorResponse {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'string') return body(status, response);
  const r = response as { message?: unknown; error?: unknown; code?: string; details?: unknown };
  // ValidationPipe answers with one message per bad field: keep each in details, join them for people.
  if (Array.isArray(r.message)) return body(status, r.message.join('; '), r.code, { fields: r.message });
  return {
    statusCode: status,
    error: typeof r.error === 'string' ? r.error : reason(status),
    message: typeof r.message === 'string' ? r.message : error.message,
    ...(r.code ? { code: r.code } : {}),
    ...(r.details !== undefined ? { details: r.details } : {}),
  };
}

function body(statusCode: number, message: string, code?: string, details?: unknown): ErrorResponse {
  return { statusCode, error: reason(statusCode), message, ...(code ? { code } : {}), ...(details !== undefined ? { details } : {}) };
}

function reason(status: number): string {
  const name = HttpStatus[status];
  return name ? name.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') : 'Error';
}
