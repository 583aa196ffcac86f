import { integer, object, optional, text, anyObject } from './schema-builders';
import { namedSchema } from './named-schemas';

/** API.md's error body, as edge/errors/error-response.ts renders every refusal. */
export const ERROR_BODY = namedSchema(
  'ErrorBody',
  object(
    {
      statusCode: integer(404),
      error: text('Not Found', 'the status in words'),
      message: text('hazard 6d1f3c2a-5b7e-5c1d-9a3b-2f4e6a8c0d12 not found', 'for people: names the field, rule or state that refused the request'),
      code: optional(text('HAZARD.NOT_FOUND', 'stable, for programs: HAZARD.ILLEGAL_TRANSITION, HAZARD.DEADLINE_IN_PAST, STORE.REVISION_MISMATCH…')),
      details: optional(anyObject('what the code carries: the bad fields ({fields}), the current status, expected and actual revision…')),
    },
    'every 4xx and 5xx answer',
  ),
);
