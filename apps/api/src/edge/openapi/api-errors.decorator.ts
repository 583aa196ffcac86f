import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_BODY } from './error-body.schema';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 414 | 415 | 422 | 429 | 503;

/** What each status means in this API (API.md "Errors"), and a body as the filter renders it. */
const MEANINGS: Readonly<Record<ErrorStatus, { readonly description: string; readonly example: object }>> = {
  400: {
    description: 'bad input: the message names each bad field or parameter (details.fields lists them)',
    example: { statusCode: 400, error: 'Bad Request', message: 'deadline must be an ISO-8601 date-time with an offset', details: { fields: ['deadline must be an ISO-8601 date-time with an offset'] } },
  },
  401: {
    description: 'no bearer token, or one expired, badly signed or with bad claims',
    example: { statusCode: 401, error: 'Unauthorized', message: 'missing bearer token (Authorization: Bearer <JWT>)' },
  },
  403: {
    description: 'the role, department or read scope does not allow this',
    example: { statusCode: 403, error: 'Forbidden', message: 'only a supervisor or admin may assign a rectification', code: 'ACCESS.ROLE_REQUIRED' },
  },
  404: {
    description: 'no such resource, or one outside the reader’s scope (the same body either way)',
    example: { statusCode: 404, error: 'Not Found', message: 'hazard 6d1f3c2a-5b7e-5c1d-9a3b-2f4e6a8c0d12 not found', code: 'HAZARD.NOT_FOUND' },
  },
  409: {
    description: 'the current status does not allow this (the message names it), or a concurrent writer kept winning',
    example: { statusCode: 409, error: 'Conflict', message: 'cannot SubmitRectification a hazard in status found', code: 'HAZARD.ILLEGAL_TRANSITION', details: { status: 'found' } },
  },
  410: {
    description: 'gone for good: the reporter’s identity was erased',
    example: { statusCode: 410, error: 'Gone', message: 'the reporter’s identity was erased', code: 'TIP.IDENTITY_ERASED' },
  },
  412: {
    description: 'If-Match names a revision the resource has moved past: read it again',
    example: { statusCode: 412, error: 'Precondition Failed', message: 'the hazard is at revision 3, If-Match expected 2', code: 'STORE.REVISION_MISMATCH', details: { expected: 2, actual: 3 } },
  },
  413: {
    description: 'the body is over 1 MiB',
    example: { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' },
  },
  414: {
    description: 'a path parameter is over 100 characters (Fastify refuses it before any route runs)',
    example: { statusCode: 414, error: 'Bad Request', message: "'/api/v1/hazards/xxx…' is exceeding the max param length", code: 'FST_ERR_MAX_PARAM_LENGTH' },
  },
  415: {
    description: 'the body is not application/json (UTF-8)',
    example: { statusCode: 415, error: 'Unsupported Media Type', message: 'Unsupported Media Type: application/xml', code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' },
  },
  422: {
    description: 'a rule refused it: deadline in the past, plan missing, separation of duties…',
    example: { statusCode: 422, error: 'Unprocessable Entity', message: 'deadline must be after the assignment time', code: 'HAZARD.DEADLINE_IN_PAST' },
  },
  429: {
    description: 'over the rate limit; Retry-After says when to try again',
    example: { statusCode: 429, error: 'Too Many Requests', message: 'too many requests (120 per 60 s); retry in 12 s', code: 'RATE_LIMIT.EXCEEDED', details: { retryAfterSeconds: 12 } },
  },
  503: {
    description: 'the event store or the read models did not answer in time; Retry-After says when to try again',
    example: { statusCode: 503, error: 'Service Unavailable', message: 'event store unavailable: connection refused', code: 'STORE.UNAVAILABLE' },
  },
};

/** What every route behind the bearer token can answer, besides its own refusals. */
export const SECURED: readonly ErrorStatus[] = [401, 429, 503];
/** …and every command with a JSON body: bad input, a body too large. */
export const WITH_BODY: readonly ErrorStatus[] = [400, 413];

/**
 * The error answers an operation (or every operation of a controller) can give, each with the one `ErrorBody`
 * schema and an example. A status given as `[status, description]` says what it means here.
 */
export function ApiErrors(...statuses: (ErrorStatus | readonly [ErrorStatus, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = typeof entry === 'number' ? [entry, undefined] : entry;
      return ApiResponse({ status, ...errorResponse(status, description) });
    }),
  );
}

/** The response object of an error status: its meaning here (or `description`), the ErrorBody schema, an example. */
export function errorResponse(status: ErrorStatus, description?: string) {
  return { description: description ?? MEANINGS[status].description, content: { 'application/json': { schema: ERROR_BODY, example: MEANINGS[status].example } } };
}
