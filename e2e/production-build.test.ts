import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What `npm start` runs: the compiled server (dist/server/main.js, dependencies bundled), not the
 * sources the other tests import. A dependency that reads files beside its own code breaks only
 * there — the calendar feed's time-zone data once answered 500 to everyone with a timed
 * interaction, while every test passed. Each feature below leans on such a dependency or file.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(root, 'dist/server/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let child: ChildProcess;
let base = '';
let dataDir = '';
let output = '';
let cookie = '';

async function call(method: string, url: string, body?: unknown): Promise<{ status: number; data: any; res: Response }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { origin: base, cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, data, res };
}

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error('dist/server/main.js is missing: run `npm test` (it builds) or `npm run build` first.');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-build-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', DEMO_ENABLED: 'true', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the compiled server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the compiled server was not ready within a minute:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server (what npm start runs)', () => {
  it('serves the web app pre-compressed, signs up (refusing a common password), and opens the demo', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');

    // The list of common passwords is a file beside the server's code.
    const weak = await call('POST', '/api/v1/signup', { workspaceName: 'Lyon Robotics', name: 'Léa Martin', email: 'lea@lyon.example', password: 'password123', timeZone: 'Europe/Paris' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.data)).toMatch(/common/i);
    const signup = await call('POST', '/api/v1/signup', { workspaceName: 'Lyon Robotics', name: 'Léa Martin', email: 'lea@lyon.example', password: 'a long enough passphrase', timeZone: 'Europe/Paris' });
    expect(signup.status).toBe(201);
    cookie = signup.res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const demo = await fetch(`${base}/api/v1/demo/session`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: '{}' });
    expect(demo.status).toBe(201);
  });

  it('gives a calendar feed with a timed interaction and its time zone (VTIMEZONE from the zone data files)', async () => {
    const account = await call('POST', '/api/v1/accounts', { name: 'Globex Foods' });
    expect(account.status).toBe(201);
    const startsAt = new Date(Math.floor((Date.now() + 48 * 3_600_000) / 60_000) * 60_000).toISOString();
    const call1 = await call('POST', '/api/v1/interactions', {
      kind: 'call',
      accountId: account.data.id,
      startsAt,
      timeZone: 'Europe/Paris',
      durationMinutes: 30,
      outcomeKind: 'trial',
      outcomeStatement: 'They agree to a 30-day pilot at the Lyon plant',
    });
    expect(call1.status).toBe(201);
    const feed = await call('POST', '/api/v1/calendar-feed', {});
    expect(feed.status).toBe(201);
    const ics = await fetch(feed.data.url.replace(/^https?:\/\/[^/]+/, base));
    const text = await ics.text();
    expect(ics.status, text.slice(0, 300)).toBe(200);
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Paris');
    expect(text).toContain('SUMMARY:');
  });

  it('reads a CSV file for an import preview', async () => {
    const csv = '\uFEFF"Id","Name","Website"\r\n"0015g000000000001AAV","Initech, Inc.","https://initech.example/"\r\n';
    const draft = await call('POST', '/api/v1/imports', { entity: 'accounts', fileName: 'Account.csv', text: csv });
    expect(draft.status).toBe(201);
    expect(draft.data.rowCount).toBe(1);
  });

  it('never wrote an error to its log', () => {
    expect(output).not.toMatch(/"level":(50|60)/);
  });
});
