import Ajv, { ValidateFunction } from 'ajv';

/** The parts of an OpenAPI 3.0 document the checks below read. */
export interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}
export interface Operation {
  readonly summary?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly unknown[];
  readonly requestBody?: unknown;
  readonly responses?: Record<string, { readonly content?: Record<string, { readonly schema?: Schema }> }>;
}
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
}

const ERROR_BODY_REF = '#/components/schemas/ErrorBody';
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(doc: Document): { name: string; path: string; method: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, operation })),
  );
}

/**
 * What an operation's documentation lacks: a summary, tags, a success answer with a schema for each of its
 * media types, error answers (each the one ErrorBody), 401 behind the token, 400 for a body. Empty: complete.
 */
export function gapsOf(doc: Document, operation: Operation): string[] {
  const gaps: string[] = [];
  const responses = Object.entries(operation.responses ?? {});
  if (!operation.summary?.trim()) gaps.push('no summary');
  if (!operation.tags?.length) gaps.push('no tags');
  const successes = responses.filter(([status]) => status.startsWith('2'));
  if (!successes.some(([, r]) => r.content && Object.values(r.content).every((media) => hasShape(doc, media.schema)))) gaps.push('no 2xx answer with a schema');
  const errors = responses.filter(([status]) => /^[45]/.test(status));
  if (errors.length === 0) gaps.push('no error answers');
  for (const [status, r] of errors) {
    if (r.content?.['application/json']?.schema?.$ref !== ERROR_BODY_REF) gaps.push(`${status} is not an ErrorBody`);
  }
  const statuses = new Set(errors.map(([status]) => status));
  if ((operation.security?.length ?? 0) > 0 && !statuses.has('401')) gaps.push('behind the token but no 401');
  if (operation.requestBody && !statuses.has('400')) gaps.push('takes a body but no 400');
  return gaps;
}

function hasShape(doc: Document, schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref) return resolve(doc, schema) !== undefined;
  return schema.type !== undefined || schema.allOf !== undefined;
}

function resolve(doc: Document, schema: Schema): Schema | undefined {
  return schema.$ref ? doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''] : schema;
}

/**
 * Checks real answers against the document: the JSON schema of the operation and status (ajv: types, required
 * fields, enums), and no field the schema does not name — a field the server sends but the document leaves out
 * is one a generated client cannot see.
 */
export class AnswerChecker {
  private readonly ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  readonly problems: string[] = [];

  constructor(private readonly doc: Document) {
    this.ajv.addSchema(doc as object, 'doc');
  }

  /** Records what is wrong with `body` as the answer `status` of `method url` (url as sent, with its query). */
  check(method: string, url: string, status: number, body: unknown): void {
    const pathname = url.split('?')[0] ?? url;
    const match = operationsOf(this.doc).find((o) => o.method === method.toLowerCase() && templateMatches(o.path, pathname));
    const where = `${method.toUpperCase()} ${pathname} ${status}`;
    if (!match) return void this.problems.push(`${where}: no such operation in the document`);
    const schema = match.operation.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!schema) return void this.problems.push(`${where}: status not documented with a JSON schema`);
    const pointer = ['paths', match.path, match.method, 'responses', String(status), 'content', 'application/json', 'schema'].map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    const validate = this.validatorFor(pointer);
    if (!validate(body)) this.problems.push(...(validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message}`));
    this.problems.push(...undocumented(this.doc, schema, body, '').map((path) => `${where}: ${path} is sent but not documented`));
  }

  private validatorFor(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `doc#/${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

function templateMatches(template: string, pathname: string): boolean {
  const pattern = template.split('/').map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${pattern.join('/')}$`).test(pathname);
}

/** Fields of `value` that `schema` (through $ref and allOf) does not name, where it lists its properties. */
function undocumented(doc: Document, schema: Schema, value: unknown, at: string): string[] {
  const own = resolve(doc, schema);
  if (!own || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return own.items ? value.flatMap((item, i) => undocumented(doc, own.items!, item, `${at}[${i}]`)) : [];
  const parts = [own, ...(own.allOf ?? []).map((s) => resolve(doc, s) ?? {})];
  const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, Schema>;
  const open = parts.some((p) => p.additionalProperties !== undefined && p.additionalProperties !== false);
  if (Object.keys(properties).length === 0) {
    const values = parts.find((p) => typeof p.additionalProperties === 'object')?.additionalProperties as Schema | undefined;
    return values ? Object.entries(value).flatMap(([key, item]) => undocumented(doc, values, item, `${at}.${key}`)) : [];
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const property = properties[key];
    if (!property) return open ? [] : [`${at}.${key}`];
    return undocumented(doc, property, item, `${at}.${key}`);
  });
}
