import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { pickEncoding } from './web-assets.js';

// A small built web app, laid out as scripts/build.mjs leaves dist/web.
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-web-'));
const bundle = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const html = `<!doctype html><title>Advance</title>${'<!-- padding -->'.repeat(100)}`;
fs.mkdirSync(path.join(webRoot, 'assets'));
for (const [name, body] of [
  ['assets/main-abc123.js', bundle],
  ['index.html', html],
  ['share.html', html.replace('Advance', 'Your plan')],
] as const) {
  const file = path.join(webRoot, name);
  fs.writeFileSync(file, body);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body));
}
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

const base = await testApp();
const app = await buildApp({ config: base.config, db: base.db, logger: false, webRoot });
await app.ready();
afterAll(() => app.close());

describe('the built web app is served like a CDN would', () => {
  it('sends content-hashed files pre-compressed (brotli first), cached for a year as immutable', async () => {
    const br = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(bundle);
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 10);

    const gz = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(bundle);

    const plain = await app.inject({ url: '/assets/main-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
  });

  it('revalidates the app shell on every visit and never stores the customer page', async () => {
    for (const url of ['/', '/opportunities/123']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
    const share = await app.inject({ url: '/p/some-token', headers: { 'accept-encoding': 'gzip' } });
    expect(share.headers['cache-control']).toBe('no-store');
    expect(share.headers['referrer-policy']).toBe('no-referrer');
    expect(share.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(share.rawPayload).toString()).toContain('Your plan');
  });

  it('compresses JSON answers above 1 KiB and leaves small ones alone', async () => {
    const { client } = await signUpWorkspace(app);
    for (let i = 0; i < 12; i++) await client.post('/api/v1/accounts', { name: `Compressible account number ${i}` });
    const big = await app.inject({ url: '/api/v1/accounts?limit=50', headers: { cookie: client.cookie as string, 'accept-encoding': 'gzip' } });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(big.rawPayload).toString()).data).toHaveLength(12);
    const small = await client.get('/api/v1/session', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('pickEncoding', () => {
  it('honours q=0 and falls back to the plain file', () => {
    const file = path.join(webRoot, 'index.html');
    expect(pickEncoding('br;q=0, gzip', file).encoding).toBe('gzip');
    expect(pickEncoding('identity', file)).toEqual({ file, encoding: null });
    expect(pickEncoding(undefined, file).encoding).toBeNull();
  });
});
