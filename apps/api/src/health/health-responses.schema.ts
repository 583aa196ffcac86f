import { namedSchema } from '../edge/openapi/named-schemas';
import { mapOf, nullable, object, oneOf, optional, text } from '../edge/openapi/schema-builders';

/** A check's status and whatever it measured (headPosition, lag…). */
const CHECK = { ...object({ status: oneOf(['up', 'down']), message: optional(text()) }), additionalProperties: true };
const CHECKS = mapOf(CHECK, 'by check: eventStore, projectorLag');

/** Terminus's answer when every check passed; a failed check is a 503 ErrorBody whose details are these checks. */
export const HEALTH = namedSchema('HealthStatus', object({ status: oneOf(['ok']), info: nullable(CHECKS), error: nullable(CHECKS), details: CHECKS }));
