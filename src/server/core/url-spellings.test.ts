import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { Client, PASSWORD, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { createPlan, shareLink } from '../features/plans/fixtures.js';

/**
 * The router decodes `%76` to `v` and accepts doubled slashes, so one route has many spellings.
 * The Origin and JSON checks and log redaction follow the route that matched, whatever the spelling.
 */
const { db, config } = await testApp();

const lines: string[] = [];
const app = await buildApp({
  config: { ...config, logLevel: 'info' },
  db,
  logger: true,
  logStream: new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  }),
});
await app.ready();
afterAll(() => app.close());

const EVIL = 'http://evil.test';

describe('one rule for every spelling of a URL', () => {
  it('refuses a foreign Origin on a write however the path is spelled', async () => {
    const { email } = await signUpWorkspace(app);
    for (const url of ['/api/v1/session', '/api/%761/session', '/api/%76%31/session', '/api/v1//session', '/%61pi/v1/session']) {
      const res = await app.inject({ method: 'POST', url, headers: { origin: EVIL, 'content-type': 'application/json' }, payload: JSON.stringify({ email, password: PASSWORD }) });
      // Either the route matched and the Origin check refused it, or nothing matched at all.
      expect([403, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
      expect(res.headers['set-cookie'], url).toBeUndefined();
      if (res.statusCode === 403) expect(res.json().error.code).toBe('origin_mismatch');
    }
    // The encoded spelling does reach the sign-in route: from our own origin it signs in.
    const ok = await new Client(app).post('/api/%761/session', { email, password: PASSWORD });
    expect(ok.statusCode).toBe(201);
  });

  it('never logs a share token, whatever the spelling or letter case', async () => {
    const { client } = await signUpWorkspace(app);
    const plan = await createPlan(client);
    const { token } = await shareLink(client, plan.id);
    const spellings = [
      `/api/v1/shared/${token}`,
      `/api/%761/shared/${token}`,
      `/api/v1//shared/${token}`,
      `/api/v1/%73hared/${token}`,
      `/API/V1/SHARED/${token}`,
      `/api/v1/Shared/${token}`,
      `/p/${token}`,
      `/%70/${token}`,
      `/P/${token}`,
      `//p//${token}`,
      `/invite/${token}`,
      `/api/v1/shared/${token}/nothing-here`,
      `/api/v1/shared/${token}%ff`,
      `/api/v1/shared/${token}?x=1`,
    ];
    lines.length = 0;
    const answers: number[] = [];
    for (const url of spellings) answers.push((await app.inject({ url })).statusCode);
    // The encoded spelling reaches the customer's plan; the log still shows no token.
    expect(answers[1]).toBe(200);
    const text = lines.join('');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(0, 20));
  });
});
