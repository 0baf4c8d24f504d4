import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createAccount, ORIGIN, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { createPlan, shareLink } from '../features/plans/fixtures.js';
import { jsonDepth, MAX_JSON_DEPTH } from './router-errors.js';

/** What the router and body parser answer comes in the one error shape, with the usual headers. */
const { app } = await testApp();
const admin = await signUpWorkspace(app);
const json = { origin: ORIGIN, 'content-type': 'application/json', cookie: admin.client.cookie as string };

type Injected = Awaited<ReturnType<typeof app.inject>>;

function expectErrorShape(res: Injected, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String), details: expect.any(Array), requestId: res.headers['x-request-id'] });
  expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers['content-type']).toContain('application/json');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.body).not.toMatch(/FST_|Bad Request|statusCode/);
}

describe('router errors in the one error shape', () => {
  it('a path that cannot be decoded → 400', async () => {
    expectErrorShape(await app.inject({ url: '/api/v1/accounts/%ff', headers: json }), 400, 'validation_failed');
    expectErrorShape(await app.inject({ method: 'PATCH', url: '/api/v1/accounts/%ff', headers: json, payload: '{}' }), 400, 'validation_failed');
  });

  it('a path value over the length limit → 414', async () => {
    expectErrorShape(await app.inject({ url: `/api/v1/accounts/${'a'.repeat(101)}`, headers: json }), 414, 'uri_too_long');
  });

  it('an id of the wrong shape → the same 404 as a missing record, before any query', async () => {
    const missing = await app.inject({ url: '/api/v1/accounts/01a00000-0000-7000-8000-000000000000', headers: json });
    expectErrorShape(missing, 404, 'not_found');
    for (const id of ['%00', 'not-an-id', '1', '01A00000-0000-7000-8000-00000000000Z']) {
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: json, payload: JSON.stringify({ name: 'x', version: 1 }) });
      expectErrorShape(res, 404, 'not_found');
      expect(res.json().error.message).toBe(missing.json().error.message);
    }
    const unknownToken = await app.inject({ url: `/api/v1/shared/${'x'.repeat(43)}` });
    const malformedToken = await app.inject({ url: '/api/v1/shared/%00' });
    expectErrorShape(malformedToken, 404, 'not_found');
    expect(malformedToken.json().error.message).toBe(unknownToken.json().error.message);
  });

  it('an unknown route and a missing page → 404', async () => {
    expectErrorShape(await app.inject({ url: '/api/v1/nothing-here', headers: json }), 404, 'not_found');
    expectErrorShape(await app.inject({ url: '/api/v2/accounts' }), 404, 'not_found');
    expectErrorShape(await app.inject({ url: '/no/such/page.png' }), 404, 'not_found');
  });

  it('a known path with another method → 405 with Allow', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/v1/accounts', headers: json, payload: '{}' });
    expectErrorShape(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, POST');
    const one = await app.inject({ method: 'DELETE', url: '/api/v1/accounts/01a00000-0000-7000-8000-000000000000', headers: json });
    expectErrorShape(one, 405, 'method_not_allowed');
  });

  it('a body over 1 MB → 413; a body that is not JSON → 415', async () => {
    expectErrorShape(await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: json, payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }) }), 413, 'payload_too_large');
    expectErrorShape(await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { ...json, 'content-type': 'text/plain' }, payload: 'name=x' }), 415, 'unsupported_media_type');
  });

  it('NUL in any text field → 400 naming the field, on sign-in too', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a\u0000@x.test', password: 'x' }) });
    expectErrorShape(res, 400, 'validation_failed');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['email']);
    const named = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: json, payload: JSON.stringify({ name: 'Acme\u0000' }) });
    expect(named.json().error.details).toEqual([{ path: 'name', message: expect.stringContaining('NUL') }]);
    expectErrorShape(await app.inject({ url: '/api/v1/accounts?q=%00', headers: json }), 400, 'validation_failed');
  });

  it('half a character (a lone surrogate) → 400 naming the field, and a name of invisible characters only is no name', async () => {
    // JSON.stringify escapes a lone surrogate as \ud800, which is what a client sends.
    const half = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: json, payload: JSON.stringify({ name: 'sur\ud800rogate' }) });
    expectErrorShape(half, 400, 'validation_failed');
    expect(half.json().error.details).toEqual([{ path: 'name', message: expect.stringContaining('half of a character') }]);
    // A whole pair (an emoji) is a character like any other.
    expect((await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: json, payload: JSON.stringify({ name: 'Rocket \ud83d\ude80 Labs' }) })).statusCode).toBe(201);
    const blank = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: json, payload: JSON.stringify({ name: '\u200b\u200b' }) });
    expect(blank.json().error.details).toEqual([{ path: 'name', message: expect.stringContaining('required') }]);
  });

  it('cursors are decoded and type-checked → 400 invalid_cursor', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const id = (await createAccount(admin.client)).id;
    for (const [url, cursor] of [
      ['/api/v1/opportunities?sort=amount', b64([1.5, 'x'])],
      ['/api/v1/opportunities?sort=amount', b64([1.5, id])],
      ['/api/v1/opportunities?sort=amount', b64(['a', id])],
      ['/api/v1/opportunities?sort=name', b64([1, id])],
      ['/api/v1/accounts?sort=name', b64(['\u0000', id])],
      ['/api/v1/accounts?sort=name', b64(['a', 'not-an-id'])],
      ['/api/v1/accounts', 'not base64 json'],
      ['/api/v1/notifications', b64({})],
    ]) {
      const res = await app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`, headers: json });
      expectErrorShape(res, 400, 'invalid_cursor');
      expect(res.json().error.details[0].path).toBe('cursor');
    }
    const page = await admin.client.get('/api/v1/accounts?limit=1');
    expect(page.data.nextCursor === null || (await admin.client.get(`/api/v1/accounts?limit=1&cursor=${page.data.nextCursor}`)).statusCode === 200).toBe(true);
  });

  it('routes that take no body refuse one instead of parsing it (an empty object is fine)', async () => {
    const plan = await createPlan(admin.client);
    const { link } = await shareLink(admin.client, plan.id);
    const deep = '['.repeat(400_000) + ']'.repeat(400_000);
    const url = `/api/v1/share-links/${link.id}/revoke`;
    for (const payload of [deep, '{"a":1}', '[]', 'not json']) {
      const res = await app.inject({ method: 'POST', url, headers: json, payload });
      expectErrorShape(res, 400, 'validation_failed');
      expect(res.json().error.details).toEqual([{ path: 'body', message: 'Send no body.' }]);
    }
    const revoked = await app.inject({ method: 'POST', url, headers: json, payload: '{}' });
    expect(revoked.statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url, headers: { origin: ORIGIN, cookie: json.cookie } })).statusCode).toBe(200);
  });

  it('bodies nested deeper than the limit are refused before parsing', async () => {
    const nested = `{"name":"x","notes":${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}}`;
    expectErrorShape(await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: json, payload: nested }), 400, 'invalid_json');
    expect(jsonDepth('{"a":"[[[[","b":[{"c":[]}]}')).toBe(4);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });
});

describe('requests the HTTP parser cannot read', () => {
  /** Raw bytes on a real socket (inject() never reaches Node's parser): the status line and the body. */
  async function raw(request: string): Promise<{ status: number; body: string }> {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
      let out = '';
      socket.on('data', (d) => (out += d));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
    return { status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
  }

  it('a NUL in a header → 400, and headers over 16 KiB → 431, both in the one error shape', async () => {
    const nul = await raw('GET /api/v1/session HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer adv_a\u0000b\r\n\r\n');
    expect(nul.status).toBe(400);
    expect(JSON.parse(nul.body)).toEqual({ error: { code: 'validation_failed', message: expect.stringContaining('could not be read'), details: [], requestId: expect.any(String) } });
    const big = await raw(`GET /api/v1/session HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    expect(JSON.parse(big.body).error.code).toBe('headers_too_large');
  });
});

