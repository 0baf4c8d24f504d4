import fc from 'fast-check';
import { z } from 'zod';

/**
 * Requests for the route-walking fuzz test, generated from each route's zod contracts: mostly values
 * the contract allows (so requests reach the database), mixed with what an attacker sends — NUL,
 * `%00`, lone surrogates, huge numbers, wrong types, deep nesting, bad escapes, over-long path values.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
  example?: Json;
};

/** Real records of the fuzzed workspace, so generated ids and tokens often name something. */
export type FuzzPool = { ids: string[]; tokens: string[] };

const HOSTILE_TEXT = ['\u0000', 'a\u0000b', '%00', '\ud800', 'x\udfffy', '\u202e\u0000', '', ' ', '\\', "'; select 1; --", '../../etc/passwd', '%ff', '🙂'.repeat(3), 'A'.repeat(5000)];
const HOSTILE_NUMBERS = [1e308, -1e308, 2 ** 53, 2 ** 63, -(2 ** 63), 1.5, -1, 0, -0, 1e-300];
const HOSTILE_SHAPES: Json[] = [null, true, false, [], {}, [[[[]]]], { a: { b: { c: {} } } }, ['\u0000'], { __proto__: { polluted: true } } as Json, { constructor: { prototype: {} } }];

const hostileValue: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom(...HOSTILE_NUMBERS), fc.constantFrom(...HOSTILE_SHAPES), fc.string({ unit: 'binary', maxLength: 20 }));

/** encodeURIComponent, except that a lone surrogate goes out as its raw (invalid) UTF-8 bytes. */
const enc = (s: string) => Array.from(s, (ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function toJsonSchema(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

class Generator {
  constructor(
    private readonly defs: Record<string, JsonSchema>,
    private readonly pool: FuzzPool,
  ) {}

  /** A value for `schema`: usually valid-looking, sometimes hostile. */
  value(schema: JsonSchema, depth = 0): fc.Arbitrary<Json> {
    return fc.oneof({ weight: 5, arbitrary: this.valid(schema, depth) }, { weight: 1, arbitrary: hostileValue });
  }

  private valid(schema: JsonSchema, depth: number): fc.Arbitrary<Json> {
    if (schema.$ref) return this.valid(this.defs[schema.$ref.replace('#/$defs/', '')] ?? {}, depth);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.const !== undefined) return fc.constant(schema.const);
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return fc.oneof(...union.map((s) => this.valid(s, depth)));
    if (schema.allOf?.length) return this.valid(schema.allOf[0], depth);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object':
        return this.object(schema, depth);
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(this.value(schema.items ?? {}, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.integer({ min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER) });
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
    }
  }

  object(schema: JsonSchema, depth: number): fc.Arbitrary<Json> {
    const props = schema.properties ?? {};
    const shape = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, this.value(s, depth + 1)]));
    const required = (schema.required ?? []).filter((k) => k in shape);
    return fc.tuple(fc.record(shape, { requiredKeys: required }), fc.option(fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 2 }), { freq: 8 })).map(
      ([known, extra]) => ({ ...(extra ?? {}), ...known }) as Json,
    );
  }

  string(schema: JsonSchema): fc.Arbitrary<string> {
    const { pool } = this;
    if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...pool.ids), fc.uuid());
    if (schema.format === 'email') return fc.emailAddress();
    if (schema.pattern === '^[A-Z]{3}$') return fc.constantFrom('EUR', 'USD', 'GBP', 'JPY');
    if (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example)) {
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    }
    if (schema.description?.includes('IANA')) return fc.constantFrom('Europe/Paris', 'UTC', 'America/New_York', 'Mars/Olympus');
    if (schema.pattern === '^[A-Za-z0-9_-]+$') return fc.oneof(fc.constantFrom(...pool.tokens), fc.base64String({ minLength: 4, maxLength: 44 }));
    const max = Math.min(schema.maxLength ?? 40, 40);
    return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max, unit: fc.constantFrom('a', 'é', ' ', '%', '_', '\\', '"', '\u0000', 'Z', '1') });
  }
}

/** A path value: usually a real id or token, sometimes a raw (undecoded) hostile spelling. */
function pathValue(name: string, pool: FuzzPool): fc.Arbitrary<string> {
  const valid = name === 'token' ? fc.constantFrom(...pool.tokens) : fc.oneof(fc.constantFrom(...pool.ids), fc.uuid());
  const raw = fc.constantFrom('%00', '%ff', '%2F', '%2e%2e', '..', 'x'.repeat(101), 'x'.repeat(500), '%F0%9F%99%82', '%ED%A0%80', enc('a\u0000'), 'null', '0', '-1', '1e999');
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 2, arbitrary: raw }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(enc) });
}

/** A query string value: encoded, or raw to smuggle `%00` and friends through. */
function queryValue(generator: Generator, key: string, schema: JsonSchema, pool: FuzzPool): fc.Arbitrary<string> {
  if (key === 'cursor') {
    const id = pool.ids[0];
    const cursors = [b64([1.5, 'x']), b64(['\u0000', id]), b64([1, id]), b64(['a', id]), b64(['a', 'not-an-id']), b64([2 ** 70, id]), b64({}), b64([null, id]), 'garbage', '%00', b64(['a', id, 3])];
    return fc.oneof(fc.constantFrom(...cursors), fc.string({ maxLength: 30 }).map(enc));
  }
  const encoded = generator.value(schema).map((v) => enc(typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: fc.constantFrom('%00', '%ff', 'a%00b', '1e999', '-0', '%ED%A0%80') });
}

const DEEP = 100_000;
const RAW_BODIES = ['['.repeat(DEEP) + ']'.repeat(DEEP), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), '{"x":"\\u0000"}', '{"x":"\\ud800"}', '1e999999', '{', '"just a string"', '[]', 'null', '{"__proto__":{"x":1}}', '\u0000'];

export type FuzzCase = { url: string; payload?: string };

/** Requests for one route: its path with generated params, a query and (for writes) a JSON body. */
export function routeCases(route: { method: string; url: string; schema?: { params?: unknown; querystring?: unknown; body?: unknown } }, pool: FuzzPool): fc.Arbitrary<FuzzCase> {
  const generator = (schema: JsonSchema | null) => new Generator(schema?.$defs ?? {}, pool);
  const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const params = fc.tuple(...names.map((n) => pathValue(n, pool)));

  const qSchema = toJsonSchema(route.schema?.querystring);
  const qGen = generator(qSchema);
  const qProps = Object.entries(qSchema?.properties ?? {});
  const query = qProps.length
    ? fc.tuple(...qProps.map(([k, s]) => fc.option(queryValue(qGen, k, s, pool), { freq: 2 }).map((v) => (v === null ? '' : `${k}=${v}`)))).map((parts) => parts.filter(Boolean).join('&'))
    : fc.constantFrom('', 'x=%00', 'limit=1e999');

  const bSchema = toJsonSchema(route.schema?.body);
  const withBody = route.method !== 'GET' && route.method !== 'DELETE';
  const body: fc.Arbitrary<string | undefined> = !withBody
    ? fc.constant(undefined)
    : fc.oneof(
        { weight: 6, arbitrary: (bSchema ? generator(bSchema).value(bSchema) : fc.jsonValue({ maxDepth: 2 })).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );

  return fc.tuple(params, query, body).map(([values, q, payload]) => {
    let i = 0;
    const path = route.url.replace(/:(\w+)|\*/g, () => values[i++] ?? '');
    return { url: q ? `${path}?${q}` : path, ...(payload !== undefined ? { payload } : {}) };
  });
}
