import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, startAdvance } from './support.js';

/**
 * How soon a list shows its first row, in a fresh browser context (nothing cached) on the production
 * build, median of 5. The times are printed, not asserted (they depend on how busy the machine is);
 * what is asserted is the order that makes them short: the list's data is asked for while the page's
 * lazily loaded code is still on its way, not after it arrived; on a page load that code is asked for
 * even earlier, by the entry script, and often arrives before the app's code has run.
 */
const RUNS = 5;
const LIST = 'section[aria-label="Opportunity list"] tbody tr';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

// Runs in the page before any of its scripts: notes when the first row is in the document (at the
// next frame, when it is painted), relative to the navigation's start, and when a link was last pressed.
const OBSERVE_FIRST_ROW = `(() => {
  const mark = () => { window.__firstRow ??= performance.now(); };
  new MutationObserver(() => {
    if (window.__firstRow === undefined && window.__rowPending !== true && document.querySelector(${JSON.stringify(LIST)})) {
      window.__rowPending = true;
      requestAnimationFrame(mark);
    }
  }).observe(document, { childList: true, subtree: true });
  addEventListener('pointerdown', () => { window.__pressedAt = performance.now(); }, true);
})()`;

type State = Awaited<ReturnType<BrowserContext['storageState']>>;
type Timing = { name: string; startTime: number; responseEnd: number };
type Run = { firstRow: number; data: Timing; chunk: Timing; setup?: Timing; appStart?: number; app?: Timing };

async function timings(page: Page): Promise<Timing[]> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: new URL(r.name).pathname + new URL(r.name).search, startTime: r.startTime, responseEnd: r.responseEnd };
    }),
  );
}

const find = (all: Timing[], test: (name: string) => boolean, what: string): Timing => {
  const hit = all.find((t) => test(t.name));
  if (!hit) throw new Error(`no request for ${what} among: ${all.map((t) => t.name).join(', ')}`);
  return hit;
};

async function signedInContext(state: State): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(OBSERVE_FIRST_ROW);
  return context;
}

/** A page load straight to /opportunities: the app's code, the session, then the list's code and data. */
async function directRun(state: State): Promise<Run> {
  const context = await signedInContext(state);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/opportunities`);
  await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined);
  const [firstRow, appStart] = await page.evaluate(() => [
    (window as unknown as { __firstRow: number }).__firstRow,
    performance.getEntriesByName('advance:app-start')[0]?.startTime ?? Number.NaN,
  ]);
  const all = await timings(page);
  await context.close();
  return {
    firstRow,
    data: find(all, (n) => n.startsWith('/api/v1/opportunities?'), 'the opportunity list'),
    chunk: find(all, (n) => /\/assets\/OpportunitiesPage-[\w-]+\.js$/.test(n), "the list page's code"),
    setup: find(all, (n) => n === '/api/v1/setup', 'the session check'),
    appStart,
    app: find(all, (n) => /\/assets\/app-[\w-]+\.js$/.test(n), "the app's code"),
  };
}

/** From Today, a click on "Opportunities" in the side navigation. */
async function clickRun(state: State): Promise<Run> {
  const context = await signedInContext(state);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/today`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByRole('navigation').getByRole('link', { name: 'Opportunities', exact: true }).click();
  await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined);
  const [firstRow, pressedAt] = await page.evaluate(() => {
    const w = window as unknown as { __firstRow: number; __pressedAt: number };
    return [w.__firstRow, w.__pressedAt];
  });
  const all = await timings(page);
  await context.close();
  return {
    firstRow: firstRow - pressedAt,
    data: find(all, (n) => n.startsWith('/api/v1/opportunities?archived='), 'the opportunity list'),
    chunk: find(all, (n) => /\/assets\/OpportunitiesPage-[\w-]+\.js$/.test(n), "the list page's code"),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${Math.round(n)} ms`;

describe('the first row of a list', () => {
  it(`shows the opportunities list with its data asked for alongside the page's code (median of ${RUNS})`, async () => {
    // The demo workspace: 80 opportunities, signed in as its manager.
    const seed = await browser.newContext();
    expect((await seed.request.post(`${baseUrl}/api/v1/demo/session`, { headers: { origin: baseUrl }, data: {} })).status()).toBe(201);
    const state = await seed.storageState();
    await seed.close();

    const direct: Run[] = [];
    for (let i = 0; i < RUNS; i++) direct.push(await directRun(state));
    const clicked: Run[] = [];
    for (let i = 0; i < RUNS; i++) clicked.push(await clickRun(state));

    console.log(
      `first row of /opportunities (median of ${RUNS}, fresh context each):\n` +
        `  page load: ${ms(median(direct.map((r) => r.firstRow)))} after navigation (runs: ${direct.map((r) => ms(r.firstRow)).join(', ')}); ` +
        `session check asked at ${ms(median(direct.map((r) => r.setup!.startTime)))}, app code loaded at ${ms(median(direct.map((r) => r.app!.responseEnd)))} and running at ${ms(median(direct.map((r) => r.appStart!)))}; ` +
        `list code asked at ${ms(median(direct.map((r) => r.chunk.startTime)))} and loaded at ${ms(median(direct.map((r) => r.chunk.responseEnd)))}, list data asked at ${ms(median(direct.map((r) => r.data.startTime)))}\n` +
        `  click in the side navigation: ${ms(median(clicked.map((r) => r.firstRow)))} after the link was pressed (runs: ${clicked.map((r) => ms(r.firstRow)).join(', ')})`,
    );

    for (const run of clicked) {
      // In parallel: the list's data was asked for before the list page's code had arrived…
      expect(run.data.startTime).toBeLessThan(run.chunk.responseEnd);
    }
    for (const run of direct) {
      // …and on a page load, who is signed in was asked before the app's code ran, not by it, and
      // the list page's code no later than its data (the entry script asks for it as soon as /setup
      // answers; the data needs the app's code).
      expect(run.setup!.startTime).toBeLessThan(run.appStart!);
      expect(run.chunk.startTime).toBeLessThanOrEqual(run.data.startTime);
    }
  });
});
