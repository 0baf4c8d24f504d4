import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, startAdvance } from './support.js';

/** Gzipped JavaScript a browser actually fetches, measured in Chromium on the production build. */
const BUDGET_KB = 150;

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

type Weight = { kb: number; files: number; wireKb: number; encodings: Set<string> };

async function jsWeight(page: Page, go: () => Promise<unknown>): Promise<Weight> {
  const bodies: Promise<Buffer>[] = [];
  const wire: Promise<number>[] = [];
  const encodings = new Set<string>();
  const onResponse = (res: import('playwright-core').Response) => {
    if (!res.url().endsWith('.js')) return;
    bodies.push(res.body());
    // What actually crossed the network: the encoded body as the server sent it.
    wire.push(res.request().sizes().then((s) => Math.max(0, s.responseBodySize))); // -1: from the browser's cache
    encodings.add(res.headers()['content-encoding'] ?? 'none');
  };
  page.on('response', onResponse);
  await go();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const all = await Promise.all(bodies);
  const bytes = all.reduce((sum, b) => sum + gzipSync(b, { level: 6 }).length, 0);
  const onWire = (await Promise.all(wire)).reduce((sum, n) => sum + n, 0);
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { kb: kb(bytes), files: all.length, wireKb: kb(onWire), encodings };
}

describe('JavaScript weight', () => {
  it(`keeps the first load under ${BUDGET_KB} KB gzipped, signed out and signed in`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const firstRun = await jsWeight(page, () => page.goto(baseUrl));
    await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers: { origin: baseUrl },
      data: { workspaceName: 'Budget', name: 'Bea', email: 'bea@budget.example', password: 'budget passphrase', timeZone: 'UTC' },
    });
    const fresh = await context.newPage();
    const app = await jsWeight(fresh, () => fresh.goto(`${baseUrl}/opportunities`));
    console.log(
      `first load JS (gzip): first-run page ${firstRun.kb} KB in ${firstRun.files} files (${firstRun.wireKb} KB on the wire); ` +
        `opportunities page ${app.kb} KB in ${app.files} files (${app.wireKb} KB on the wire)`,
    );
    // Served as the build pre-compressed it: brotli to a browser that accepts it.
    expect([...firstRun.encodings]).toEqual(['br']);
    expect(firstRun.wireKb).toBeLessThanOrEqual(firstRun.kb);
    expect(firstRun.files).toBeGreaterThan(0);
    expect(firstRun.kb).toBeLessThanOrEqual(BUDGET_KB);
    expect(app.kb).toBeLessThanOrEqual(BUDGET_KB);
    await context.close();
  });
});
