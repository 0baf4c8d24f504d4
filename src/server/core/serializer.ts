import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { $ZodType, safeEncode } from 'zod/v4/core';
import { ResponseSerializationError } from 'fastify-type-provider-zod';

/**
 * Responses leave through the route's response schema, an allow-list: fields it does not name are
 * never sent. Running the zod schema on every response was the largest single cost of a read, so
 * each response schema is compiled once, at its first response, to a fast-json-stringify serializer (from the JSON
 * Schema the same zod contract produces). With `checkContracts` (tests), every response is also run
 * through zod and the two outputs must agree — so the whole integration suite proves the compiled
 * serializer says exactly what the contract says.
 */

type JsonSchema = { [key: string]: unknown };

function resolveSchema(maybe: unknown): $ZodType {
  if (maybe instanceof $ZodType) return maybe;
  const props = (maybe as { properties?: unknown } | null)?.properties;
  if (props instanceof $ZodType) return props;
  throw new Error(`not a zod schema: ${JSON.stringify(maybe)}`);
}

/** `anyOf: [X, {type: 'null'}]` → X with `type: [X.type, 'null']`, which fast-json-stringify handles without a validator. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplify(v);
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex >= 0 && typeof other?.type === 'string' && !other.anyOf && !other.oneOf) {
      delete out.anyOf;
      Object.assign(out, other, { type: [other.type, 'null'] });
      if (Array.isArray(other.enum)) out.enum = [...other.enum, null];
    }
  }
  return out;
}

export function toSerializerJsonSchema(schema: $ZodType): JsonSchema {
  const json = z.toJSONSchema(schema as z.ZodType, { io: 'output', target: 'draft-07', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete json.$schema;
  return simplify(json) as JsonSchema;
}

/** Routes whose response schema could not be compiled and fall back to zod (a test keeps this at zero). */
export const serializerFallbacks: string[] = [];

type CompilerInput = { schema: unknown; method: string; url: string; httpStatus?: string };
type Serialize = (data: unknown) => string;

/**
 * Compiled serializers by response schema. Contracts are module-level objects, so every app built
 * in this process (several per test file) shares one compilation per schema.
 */
const compiledBySchema = new WeakMap<$ZodType, Serialize | 'fallback'>();

function compile(schema: $ZodType, route: string): Serialize | 'fallback' {
  let compiled = compiledBySchema.get(schema);
  if (!compiled) {
    try {
      compiled = fastJson(toSerializerJsonSchema(schema) as unknown as Parameters<typeof fastJson>[0]) as Serialize;
    } catch {
      compiled = 'fallback'; // a schema fast-json-stringify cannot express: correct first, fast second
    }
    compiledBySchema.set(schema, compiled);
  }
  if (compiled === 'fallback' && !serializerFallbacks.includes(route)) serializerFallbacks.push(route);
  return compiled;
}

/** Every schema handed to a compiler in this process, so a test can compile them all. */
const seen: { schema: $ZodType; route: string }[] = [];

/** Compiles every route's serializer now (they are otherwise compiled at their first response). */
export function compileAllSerializers(): void {
  for (const { schema, route } of seen) compile(schema, route);
}

/**
 * Each route's serializer is compiled at its first response, not at start: a process that answers a
 * few routes (a test file, an instance just restarted) does not pay for compiling all two hundred.
 */
export function createSerializerCompiler(opts: { checkContracts: boolean }) {
  return ({ schema: maybe, method, url }: CompilerInput): Serialize => {
    const schema = resolveSchema(maybe);
    const route = `${method} ${url}`;
    seen.push({ schema, route });
    const viaZod = (data: unknown) => {
      const result = safeEncode(schema, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      return JSON.stringify(result.data);
    };
    let serialize: Serialize | undefined;
    const first = (data: unknown): string => {
      if (!serialize) {
        const compiled = compile(schema, route);
        serialize = compiled === 'fallback' ? viaZod : compiled;
      }
      return serialize(data);
    };
    if (!opts.checkContracts) return first;
    return (data) => {
      const expected = viaZod(data);
      const actual = first(data);
      if (!isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
        throw new Error(`compiled serializer for ${route} disagrees with its zod contract:\n  zod:      ${expected}\n  compiled: ${actual}`);
      }
      return actual;
    };
  };
}
