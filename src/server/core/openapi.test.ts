import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ruleViolation } from './errors.js';
import { buildApp } from '../app.js';
import { routeTables } from '../../shared/routes/index.js';
import { Client } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { route } from './route.js';

const { app, db, config } = await testApp({ PUBLIC_URL: 'https://sales.acme.test' });
const contracts = Object.values(routeTables).flatMap((table) => Object.values(table));
// Not operations of the API: its document, the interactive docs, health checks for load balancers.
// Not API operations: the document itself, probes, and RFC 8058 one-click unsubscribe (posted by mail providers).
const NOT_OPERATIONS = new Set(['GET /api/openapi.json', 'GET /healthz', 'GET /readyz', 'POST /unsubscribe/:token']);

type Json = Record<string, any>;
const doc: Json = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body);
const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })));
const byId = new Map(operations.map((o) => [o.op.operationId as string, o]));
const errorRefs = (response: Json) => JSON.stringify(response.content?.['application/json']?.schema ?? {}).includes('"#/components/schemas/Error"');

describe('the route table and the server', () => {
  it('registers every route from a contract, and every contract once', () => {
    const outside = app.routeList.filter((r) => !r.contract && !r.url.startsWith('/api/docs') && !NOT_OPERATIONS.has(`${r.method} ${r.url}`));
    expect(outside.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const registered = app.routeList.filter((r) => r.contract).map((r) => r.contract!.operationId);
    expect(registered.sort()).toEqual(contracts.map((c) => c.operationId).sort());
    for (const r of app.routeList.filter((x) => x.contract)) expect(`${r.method} ${r.url}`).toBe(`${r.contract!.method} ${r.contract!.path}`);
  });

  it('refuses, in tests, an error answer the operation does not document', async () => {
    const fresh = await buildApp({ config, db, logger: false });
    const contract = { operationId: 'tryTestOnly', method: 'GET', path: '/test-only', tags: ['search'], summary: 'A route for this test', response: { 200: z.object({}) } } as const;
    route(fresh, contract, { permission: 'public' }, async () => {
      throw ruleViolation('Not documented.');
    });
    const res = await fresh.inject({ url: '/test-only' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toMatch(/tryTestOnly answered rule_violation, which its contract does not document/);
    // A parameter the route does not take is refused by name: the documented 400.
    const extra = await fresh.inject({ url: '/test-only?colour=blue' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details).toEqual([{ path: 'colour', message: 'This field is not allowed.' }]);
    await fresh.close();
  });
});

describe('the API document', () => {
  it('names the server from PUBLIC_URL, the licence and a contact, and describes every tag it uses', () => {
    expect(doc.servers).toEqual([{ url: 'https://sales.acme.test', description: expect.any(String) }]);
    expect(doc.info.license).toEqual({ name: expect.any(String), identifier: 'AGPL-3.0-or-later' });
    expect(doc.info.contact.url).toBe('https://sales.acme.test/api/docs');
    const described = new Set((doc.tags as Json[]).filter((t) => t.description).map((t) => t.name));
    for (const { op } of operations) for (const tag of op.tags) expect(described.has(tag), tag).toBe(true);
  });

  it('documents each contract as one operation with its id, summary, tags and the one error schema for its 4xx answers', () => {
    expect(operations).toHaveLength(contracts.length);
    for (const c of contracts) {
      const found = byId.get(c.operationId);
      expect(found, c.operationId).toBeDefined();
      expect(`${found!.method.toUpperCase()} ${found!.path}`).toBe(`${c.method} ${c.path.replace(/:(\w+)/g, '{$1}')}`);
      expect(found!.op.summary).toBe(c.summary);
      const errors = Object.entries(found!.op.responses as Json).filter(([status]) => status.startsWith('4'));
      expect(errors.length, c.operationId).toBeGreaterThan(0);
      for (const [status, response] of errors) expect(errorRefs(response), `${c.operationId} ${status}`).toBe(true);
    }
  });

  it('says who may call each operation: no credentials for public and share-token routes, the session cookie or an API token for the rest, the session alone for account security', () => {
    let withToken = 0;
    for (const r of app.routeList.filter((x) => x.contract)) {
      const { op } = byId.get(r.contract!.operationId)!;
      const id = r.contract!.operationId;
      if (r.permission === 'public' || r.permission === 'guest') expect(op.security, id).toEqual([]);
      else if (r.sessionOnly) expect(op.security, id).toEqual([{ session: [] }]);
      else {
        // Writes need a read-write token: a read one answers 403.
        expect(op.security, id).toEqual([{ session: [] }, { apiToken: r.method === 'GET' ? [] : ['read_write'] }]);
        if (r.method !== 'GET') expect(op.responses['403'].description, id).toMatch(/forbidden/);
        withToken++;
      }
      if (r.permission !== 'public' && r.permission !== 'guest') {
        expect(op.responses['401'].description).toMatch(/not_signed_in/);
        // Wrong tokens are counted per address.
        expect(op.responses['429'].headers['Retry-After'], id).toBeDefined();
      }
    }
    expect(withToken).toBeGreaterThan(100);
    for (const id of ['listApiTokens', 'createApiToken', 'revokeApiToken', 'deleteSession']) expect(byId.get(id)!.op.security, id).toEqual([{ session: [] }]);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__Host-advance_session' });
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(byId.get('getSharedPlan')!.op.parameters.find((p: Json) => p.name === 'token').description).toMatch(/key/);
  });

  it('documents stale writes with the current record, rate limits with Retry-After, and Idempotency-Key on creating POSTs', () => {
    const stale = byId.get('updateAccount')!.op;
    expect(stale.responses['409'].description).toMatch(/version_conflict/);
    expect(JSON.stringify(stale.responses['409'].content['application/json'].schema)).toContain('"current":{"$ref":"#/components/schemas/Account"}');
    expect(stale.parameters.map((p: Json) => p.name)).toContain('If-Match');
    expect(byId.get('updatePlan')!.op.responses['409'].description).toMatch(/plan_closed/);
    for (const id of ['createSession', 'createWorkspace', 'createSharedComment', 'setSharedCommitmentState']) {
      expect(byId.get(id)!.op.responses['429'].headers['Retry-After'], id).toBeDefined();
    }
    const creating = byId.get('createAccount')!.op;
    expect(creating.parameters.map((p: Json) => p.name)).toEqual(['Idempotency-Key']);
    expect(creating.responses['422'].description).toMatch(/idempotency_key_reused/);
    // Sign-up has no caller to key on yet: the header would be ignored, so it is not offered.
    expect(byId.get('createWorkspace')!.op.parameters ?? []).toEqual([]);
  });

  it('has no unused component', () => {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } });
    const schemas = doc.components.schemas as Json;
    const reachable = new Set<string>();
    const visit = (s: string) => {
      for (const [, name] of s.matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
        if (reachable.has(name)) continue;
        reachable.add(name);
        visit(JSON.stringify(schemas[name]));
      }
    };
    visit(text);
    expect(Object.keys(schemas).filter((name) => !reachable.has(name))).toEqual([]);
    expect(Object.keys(schemas)).toContain('Error');
  });

  it('answers the documented 400 for a parameter a route does not take, as for a body it does not take', async () => {
    const anonymous = new Client(app);
    expect((await anonymous.get('/api/v1/setup')).statusCode).toBe(200);
    const res = await anonymous.get('/api/v1/setup?colour=blue');
    expect(res.statusCode).toBe(400);
    expect(res.data.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'colour', message: 'This field is not allowed.' }] });
    expect(byId.get('getSetupStatus')!.op.responses['400'].description).toMatch(/validation_failed/);
  });
});
