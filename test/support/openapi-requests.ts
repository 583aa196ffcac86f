import fc from 'fast-check';
import { deepNesting, hostileHeaderText, hostileJson, hostileNumeral, hostileText, pollutingMember } from './hostile-values';

/** The part of an OpenAPI 3 document the generator reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}
interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Schema }> };
  readonly security?: readonly unknown[];
}
interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: Schema;
}
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** One operation of the document: `GET /api/v1/hazards/{id}`. */
export interface Route {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly secured: boolean;
  readonly parameters: readonly Parameter[];
  readonly body?: Schema;
}

export interface FuzzRequest {
  readonly route: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
  /** What was made hostile, for the failure report. */
  readonly mutations: readonly string[];
}

/** What the generator needs of the world: tokens to choose from and values that name things that exist. */
export interface FuzzWorld {
  readonly tokens: readonly string[];
  /** Valid values by parameter name (path ids, a period…); the schema's example or enum otherwise. */
  readonly known: Readonly<Record<string, readonly string[]>>;
  /** Parameters sent only with these values, never mutated (minPosition: a position past the head waits 3 s, then 503 by design). */
  readonly pinned: Readonly<Record<string, string>>;
}

export function routesOf(doc: OpenApiDocument): Route[] {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''] : schema;
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const body = resolve(operation.requestBody?.content['application/json']?.schema);
      return {
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        secured: (operation.security?.length ?? 0) > 0,
        parameters: operation.parameters ?? [],
        ...(body ? { body: inline(body, resolve) } : {}),
      };
    }),
  );
}

function inline(schema: Schema, resolve: (s: Schema | undefined) => Schema | undefined): Schema {
  const own = resolve(schema) ?? schema;
  return {
    ...own,
    ...(own.properties ? { properties: Object.fromEntries(Object.entries(own.properties).map(([k, s]) => [k, inline(s, resolve)])) } : {}),
    ...(own.items ? { items: inline(own.items, resolve) } : {}),
  };
}

/** A plausible value of a schema, from its example, enum, bounds or type. */
function validValue(schema: Schema, known?: readonly string[]): fc.Arbitrary<unknown> {
  if (known?.length) return fc.constantFrom(...known);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.example !== undefined) return fc.constant(schema.example);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, 100) });
    case 'array':
      return fc.array(validValue(schema.items ?? { type: 'string' }), { minLength: 1, maxLength: 3 });
    case 'object':
      return validObject(schema);
    default:
      return fc.constantFrom('说明文字', 'text', 'UNIT-GASCO', '2026-03-20T17:00:00+08:00');
  }
}

function validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, validValue(s)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
}

type Part = {
  query: Record<string, string[]>;
  rawQuery?: string;
  path: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  raw?: string;
  mutations: string[];
};

/** Hostile minPositions, all refused: an in-range one past the head is no attack, it waits (3 s) for the projector. */
const hostilePosition = fc.constantFrom('99999999999999999999', '9007199254740992', '1e400', '-1', '1.5', 'NaN', 'Infinity', 'abc', '', ' ', 'x'.repeat(1_000), '[]');

/** A request for `route`, valid-looking, then made hostile in one to three places. */
export function requestFor(route: Route, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const params = route.parameters.filter((p) => p.in === 'query' || p.in === 'path');
  const start = fc.record({
    values: fc.tuple(...params.map((p) => (world.pinned[p.name] !== undefined ? fc.constant(world.pinned[p.name]) : validValue(p.schema ?? {}, world.known[p.name])))),
    present: fc.array(fc.boolean(), { minLength: params.length, maxLength: params.length }),
    body: route.body ? validValue(route.body) : fc.constant(undefined),
    token: route.secured && route.path !== '/api/v1/stream' ? fc.option(fc.constantFrom(...world.tokens), { freq: 8 }) : fc.constant(null),
  });
  const mutations = fc.array(mutation(route, world), { minLength: 0, maxLength: 3 });
  return fc.tuple(start, mutations).map(([s, mutate]) => {
    // Null-prototype maps: a parameter named __proto__ is one of the mutations.
    const part: Part = { query: Object.create(null), path: Object.create(null), headers: Object.create(null), mutations: [] };
    params.forEach((p, i) => {
      const value = String(s.values[i] ?? '');
      if (p.in === 'path') part.path[p.name] = value;
      else if (p.required || s.present[i]) part.query[p.name] = [value];
    });
    if (s.token) part.headers.authorization = `Bearer ${s.token}`;
    if (route.body) {
      part.body = s.body;
      part.headers['content-type'] = 'application/json';
    }
    for (const m of mutate) m(part);
    return build(route, part);
  });
}

type Mutation = (part: Part) => void;

function mutation(route: Route, world: FuzzWorld): fc.Arbitrary<Mutation> {
  const names = route.parameters.filter((p) => (p.in === 'query' || p.in === 'path') && world.pinned[p.name] === undefined);
  const options: fc.Arbitrary<Mutation>[] = [
    fc.tuple(fc.constantFrom('x-correlation-id', 'idempotency-key', 'if-match', 'authorization', 'content-type', 'accept'), hostileHeaderText).map(([h, v]) => (p) => {
      p.headers[h] = v;
      p.mutations.push(`header ${h}`);
    }),
    fc.tuple(fc.constantFrom('extra', 'page[size]', '__proto__', 'constructor[prototype][x]'), hostileText).map(([q, v]) => (p) => {
      (p.query[q] ??= []).push(v);
      p.mutations.push(`query ${q}`);
    }),
    hostilePosition.map((v) => (p) => {
      p.query.minPosition = [v];
      p.mutations.push('query minPosition');
    }),
    fc.constantFrom('%zz=1', 'a=%E0%A4%A', '%00=%00', 'a=1&&&=', 'page=1;pageSize=2', '=').map((raw) => (p) => {
      p.rawQuery = raw;
      p.mutations.push(`raw query ${raw}`);
    }),
  ];
  if (names.length) {
    options.push(
      fc.tuple(fc.constantFrom(...names), fc.boolean()).chain(([param, repeat]) => hostileFor(param).map((v) => [param, v, repeat] as const)).map(([param, v, repeat]) => (p) => {
        if (param.in === 'path') p.path[param.name] = v;
        else p.query[param.name] = repeat ? [...(p.query[param.name] ?? []), v] : [v];
        p.mutations.push(`${param.in} ${param.name}`);
      }),
    );
  }
  if (route.body) {
    const fields = Object.keys(route.body.properties ?? {});
    options.push(
      fc.tuple(fc.constantFrom(...fields, 'unknownField'), hostileJson).map(([field, v]) => (p) => {
        if (p.body && typeof p.body === 'object' && !Array.isArray(p.body)) (p.body as Record<string, unknown>)[field] = v;
        p.mutations.push(`body ${field}`);
      }),
      fc.oneof(deepNesting, fc.constantFrom('', 'null', '"text"', '[]', '{', '{"a":1}}', 'nul', '\ufeff{}')).map((raw) => (p) => {
        p.raw = raw;
        p.mutations.push(`raw body ${raw.slice(0, 12)}`);
      }),
      fc.tuple(pollutingMember, fc.constantFrom(...fields)).map(([member, field]) => (p) => {
        const nestInto = typeof p.body === 'object' && p.body !== null && typeof (p.body as Record<string, unknown>)[field] === 'object';
        p.raw = pollute(JSON.stringify(p.body ?? {}), member, nestInto ? field : undefined);
        p.mutations.push(`polluted body ${member.slice(0, 14)}`);
      }),
      fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/xml'), fc.boolean()).map(([type, asJson]) => (p) => {
        p.headers['content-type'] = type;
        if (!asJson) p.raw = 'a=1&b[c]=2';
        p.mutations.push(`content-type ${type}`);
      }),
    );
  }
  return fc.oneof(...options);
}

/** Numeric parameters get mostly numerals (huge, negative, fractional, hex…), the rest any hostile text. */
function hostileFor(param: Parameter): fc.Arbitrary<string> {
  const numeric = param.schema?.type === 'number' || param.schema?.type === 'integer';
  return numeric ? fc.oneof({ arbitrary: hostileNumeral, weight: 3 }, { arbitrary: hostileText, weight: 1 }) : hostileText;
}

/** Inserts a polluting member into the body's top object or into one of its object fields. */
function pollute(json: string, member: string, field?: string): string {
  const at = field ? json.indexOf('{', json.indexOf(`"${field}":`)) : json.indexOf('{');
  if (at < 0) return `{${member}}`;
  const rest = json.slice(at + 1);
  return `${json.slice(0, at + 1)}${member}${rest.startsWith('}') ? '' : ','}${rest}`;
}

function build(route: Route, part: Part): FuzzRequest {
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => encode(part.path[name] ?? ''));
  const pairs = Object.entries(part.query).flatMap(([k, vs]) => vs.map((v) => `${encode(k)}=${encode(v)}`));
  const query = [...pairs, ...(part.rawQuery ? [part.rawQuery] : [])].join('&');
  const payload = part.raw ?? (part.body === undefined ? undefined : JSON.stringify(part.body));
  return {
    route: route.name,
    method: route.method,
    url: query ? `${path}?${query}` : path,
    headers: part.headers,
    ...(payload === undefined ? {} : { payload }),
    mutations: part.mutations.length ? part.mutations : ['none'],
  };
}

/** A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a careless client would. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}
