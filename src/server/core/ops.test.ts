import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { Client, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { ConfigError, parseConfig } from './config.js';

const { app, db, config } = await testApp();

describe('security headers', () => {
  it('sends them on pages, API answers and errors, with a CSP that allows no inline script', async () => {
    for (const url of ['/healthz', '/api/v1/session', '/api/v1/nothing-here', '/api/openapi.json']) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBeDefined();
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers unknown API paths with the one error shape', async () => {
    const { client } = await signUpWorkspace(app);
    const res = await client.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.data).toEqual({ error: { code: 'not_found', message: expect.any(String), details: [], requestId: res.headers['x-request-id'] } });
  });

  it('refuses malformed JSON with a clear error', async () => {
    const { client } = await signUpWorkspace(app);
    const res = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: client.cookie!, origin: 'http://localhost:80', 'content-type': 'application/json' }, payload: '{"name":' });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_json');
  });
});

describe('API description', () => {
  it('serves a valid OpenAPI 3.1 document generated from the contracts', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/accounts', '/api/v1/accounts/{id}', '/api/v1/session']));
    expect(doc.paths['/api/v1/accounts'].post.requestBody.content['application/json'].schema).toBeDefined();
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
  });

  it('serves interactive docs at /api/docs', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
    expect(res.body).not.toMatch(/<script>(?!<\/script>)/);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: true, migrations: true, accepting: true });
  });

  it('reports not ready while shutting down', async () => {
    const lifecycle = { shuttingDown: true };
    const other = await buildApp({ config, db, lifecycle, logger: false });
    const res = await other.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.accepting).toBe(false);
    await other.close();
  });
});

describe('configuration', () => {
  it('refuses to start with a clear message naming each bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    // Which proxies to trust: none, a number of hops (true is one), or their addresses — never "every hop".
    expect([parseConfig({ TRUST_PROXY: 'false' }), parseConfig({ TRUST_PROXY: 'true' }), parseConfig({ TRUST_PROXY: '2' }), parseConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' })].map((c) => c.trustProxy)).toEqual([false, 1, 2, ['10.0.0.0/8', '192.168.1.5']]);
    expect(() => parseConfig({ TRUST_PROXY: 'everything' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect(String((err as Error).message)).toMatch(/PORT/);
      expect(String((err as Error).message)).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    }
    expect(parseConfig({}).database.kind).toBe('sqlite');
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });

  it('refuses to mail for real without PUBLIC_URL, the address links in emails point at', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587' })).toThrow(/PUBLIC_URL: required with SMTP_URL/);
    expect(parseConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587', PUBLIC_URL: 'https://advance.example.com' }).publicUrl).toBe('https://advance.example.com');
    // Without SMTP nothing leaves the server: the development mail page shows the links.
    expect(parseConfig({ NODE_ENV: 'production' }).publicUrl).toBeUndefined();
  });
});

describe('logs', () => {
  it('carry a request id and never a password, cookie, invite token or API token', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const logged = await buildApp({ config: { ...config, logLevel: 'info' }, db, logger: true, logStream: stream });
    const { client } = await signUpWorkspace(logged as never);
    const apiToken = (await client.post('/api/v1/api-tokens', { name: 'Logged', scope: 'read' })).data.secret as string;
    expect((await new Client(logged as never, apiToken).get('/api/v1/accounts')).statusCode).toBe(200);
    const invite = await client.post('/api/v1/invites', { email: `new-${Date.now()}@example.com`, role: 'rep' });
    const token = new URL(invite.data.url).pathname.split('/').pop()!;
    await new Client(logged as never).post('/api/v1/invites/lookup', { token });
    await logged.inject({ url: `/invite/${token}` });
    await logged.close();
    const text = lines.join('');
    expect(text).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    expect(text).toContain('/invite/[redacted]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(apiToken);
    expect(text).toContain('/api/v1/api-tokens');
    expect(text).not.toContain(client.cookie!.split('=')[1]);
    expect(text).not.toContain('a long enough passphrase');
  });
});

describe('graceful shutdown', () => {
  it('turns /readyz to 503 on SIGTERM, finishes requests and exits cleanly', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-shutdown-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SHUTDOWN_DELAY_MS: '1500', LOG_LEVEL: 'info', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const base = `http://127.0.0.1:${port}`;
    // Starting means transpiling the server and migrating a new database: slow on a busy machine.
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 503, 3_000);
    // Still answering while the load balancer drains us.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await exited).toBe(0);
    expect(output).toMatch(/database closed/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
