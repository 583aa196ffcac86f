import { BadRequestException } from '@nestjs/common';
import { ForbiddenError, HazardNotFoundError, IllegalTransitionError, RuleViolationError } from '@hazard/domain';
import {
  AppendTooLargeError,
  InvalidPositionError,
  RevisionMismatchError,
  StoreClosedError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@hazard/event-store';
import { errorResponseOf } from './error-response';

describe('errorResponseOf maps error classes to API.md statuses', () => {
  it.each([
    [new HazardNotFoundError('h1'), 404],
    [new IllegalTransitionError('VerifyRectification', 'found'), 409],
    [new ForbiddenError('no'), 403],
    [new RuleViolationError('HAZARD.DEADLINE_IN_PAST', 'past'), 422],
    [new RevisionMismatchError(3, 4), 412],
    [new WrongExpectedRevisionError('s', 1, 2), 409],
    [new StoreUnavailableError('down'), 503],
    [new StoreClosedError(), 503],
    [new AppendTooLargeError('hazard-1', 1_048_576), 413],
    [new InvalidPositionError(17), 422],
    [new Error('boom'), 500],
  ])('%s → %i', (error, status) => {
    expect(errorResponseOf(error).statusCode).toBe(status);
  });

  it('keeps the code and details of a domain error', () => {
    expect(errorResponseOf(new IllegalTransitionError('VerifyRectification', 'found'))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'VerifyRectification is not allowed while the hazard is found',
      code: 'HAZARD.ILLEGAL_TRANSITION',
      details: { status: 'found', command: 'VerifyRectification' },
    });
  });

  it('joins validation messages and keeps each field in details', () => {
    const response = errorResponseOf(new BadRequestException(['unitId must be a string', 'property colour should not exist']));
    expect(response).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'unitId must be a string; property colour should not exist' });
    expect(response.details).toEqual({ fields: ['unitId must be a string', 'property colour should not exist'] });
  });

  it('does not leak the message of an unexpected error', () => {
    expect(errorResponseOf(new Error('SQLITE_CORRUPT at /secret/path')).message).toBe('internal error');
  });
});
