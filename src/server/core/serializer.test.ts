import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { compileAllSerializers, createSerializerCompiler, serializerFallbacks } from './serializer.js';

const { app } = await testApp();

describe('response serializers', () => {
  it('compile every route’s response schema (none falls back to running zod per response)', async () => {
    const { client } = await signUpWorkspace(app);
    expect((await client.get('/api/v1/session')).statusCode).toBe(200);
    compileAllSerializers();
    expect(serializerFallbacks).toEqual([]);
  });

  const schema = z.object({ id: z.string(), name: z.string().nullable(), tags: z.array(z.enum(['a', 'b'])), amount: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable() });
  const compile = (checkContracts: boolean) => createSerializerCompiler({ checkContracts })({ schema, method: 'GET', url: '/x' });

  it('sends only what the contract names, nulls included', () => {
    const out = JSON.parse(compile(false)({ id: '1', name: null, tags: ['a'], amount: null, passwordHash: 'secret' }));
    expect(out).toEqual({ id: '1', name: null, tags: ['a'], amount: null });
    expect(JSON.parse(compile(false)({ id: '1', name: 'n', tags: [], amount: { amountMinor: 5, currency: 'EUR', extra: 1 } })).amount).toEqual({ amountMinor: 5, currency: 'EUR' });
  });

  it('in tests, refuses a response that breaks its contract instead of coercing it', () => {
    expect(() => compile(true)({ id: 1, name: null, tags: ['c'], amount: null })).toThrow();
  });
});
