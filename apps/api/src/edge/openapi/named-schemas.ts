import { OpenAPIObject } from '@nestjs/swagger';
import { Schema } from './schema-builders';

const registered = new Map<string, Schema>();

/**
 * A response shape under a name in `components.schemas`, so a generated client gets a named type
 * (`components['schemas']['HazardView']`) and each shape is written once. Called where the shape is defined, at
 * import time; `withNamedSchemas` adds every one to the document. A second shape under a taken name is a
 * programming error, caught at start-up.
 */
export function namedSchema(name: string, schema: Schema): { readonly $ref: string } {
  const existing = registered.get(name);
  if (existing !== undefined && existing !== schema) throw new Error(`two OpenAPI schemas named ${name}`);
  registered.set(name, schema);
  return { $ref: `#/components/schemas/${name}` };
}

export function withNamedSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}), ...Object.fromEntries(registered) };
  return { ...document, components: { ...document.components, schemas } };
}
