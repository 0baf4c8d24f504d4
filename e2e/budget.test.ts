import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, startAdvance } from './support.js';

/** Gzipped JavaScript a browser actually fetches, measured in Chromium on the production build. */
const BUDGET_KB = 150;

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

async function jsWeight(page: Page, go: () => Promise<unknown>): Promise<{ kb: number; files: number }> {
  const bodies: Promise<Buffer>[] = [];
  const onResponse = (res: import('playwright-core').Response) => {
    if (res.url().endsWith('.js')) bodies.push(res.body());
  };
  page.on('response', onResponse);
  await go();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const all = await Promise.all(bodies);
  const bytes = all.reduce((sum, b) => sum + gzipSync(b, { level: 6 }).length, 0);
  return { kb: Math.round((bytes / 1024) * 10) / 10, files: all.length };
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
    console.log(`first load JS (gzip): first-run page ${firstRun.kb} KB in ${firstRun.files} files; opportunities page ${app.kb} KB in ${app.files} files`);
    expect(firstRun.files).toBeGreaterThan(0);
    expect(firstRun.kb).toBeLessThanOrEqual(BUDGET_KB);
    expect(app.kb).toBeLessThanOrEqual(BUDGET_KB);
    await context.close();
  });
});
