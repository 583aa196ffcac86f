import { SchemaObject } from '@nestjs/swagger';

/**
 * Small builders for the response schemas, so a shape reads like the TypeScript type it documents. Every
 * property listed is required unless wrapped in `optional(…)`: the generated client's types then match what
 * the server always sends.
 */
export type Schema = SchemaObject | { readonly $ref: string };
type Property = Schema | Optional;
interface Optional {
  readonly optional: Schema;
}

export const optional = (schema: Schema): Optional => ({ optional: schema });

export function object(properties: Record<string, Property>, description?: string): SchemaObject {
  const entries = Object.entries(properties);
  const required = entries.filter(([, p]) => !('optional' in p)).map(([name]) => name);
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: Object.fromEntries(entries.map(([name, p]) => [name, 'optional' in p ? p.optional : p])) as SchemaObject['properties'],
    ...(required.length ? { required } : {}),
  };
}

export const text = (example?: string, description?: string): SchemaObject => ({ type: 'string', ...(example !== undefined ? { example } : {}), ...(description ? { description } : {}) });
export const integer = (example?: number, description?: string): SchemaObject => ({ type: 'integer', ...(example !== undefined ? { example } : {}), ...(description ? { description } : {}) });
export const number = (example?: number, description?: string): SchemaObject => ({ type: 'number', ...(example !== undefined ? { example } : {}), ...(description ? { description } : {}) });
export const boolean = (description?: string): SchemaObject => ({ type: 'boolean', ...(description ? { description } : {}) });
export const time = (example = '2026-03-20T09:00:00.000Z'): SchemaObject => ({ type: 'string', format: 'date-time', example });
export const uuid = (example = '6d1f3c2a-5b7e-5c1d-9a3b-2f4e6a8c0d12'): SchemaObject => ({ type: 'string', format: 'uuid', example });
export const oneOf = (values: readonly string[], description?: string): SchemaObject => ({ type: 'string', enum: [...values], example: values[0], ...(description ? { description } : {}) });
export const array = (items: Schema, description?: string): SchemaObject => ({ type: 'array', items, ...(description ? { description } : {}) });
/** A JSON value whose shape depends on something else (an event's type): documented where that is. */
export const anyObject = (description: string): SchemaObject => ({ type: 'object', additionalProperties: true, description });
export const mapOf = (values: Schema, description?: string): SchemaObject => ({ type: 'object', additionalProperties: values, ...(description ? { description } : {}) });

/** OpenAPI 3.0 has no `type: [x, 'null']`: a nullable value is the schema with `nullable: true`. */
export function nullable(schema: Schema): SchemaObject {
  return '$ref' in schema ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
}

/** API.md's page of a list: `{items, total, page, pageSize}`. */
export function page(item: Schema, description?: string): SchemaObject {
  return object({ items: array(item), total: integer(1), page: integer(1), pageSize: integer(20) }, description);
}
