#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse scores of the production build, as a visitor on a phone would get
// them (Lighthouse's default mobile preset: simulated slow 4G and a 4x slower CPU), in Debian's
// Chromium. Starts `npm start`'s server on a fresh SQLite data directory and a free port, then scores:
//   first-run    the first page of an empty install
//   sign-in      the first page once a workspace exists
//   today        a signed-in page (the demo workspace's manager, by session cookie)
//   opportunities  a signed-in list (80 opportunities)
//   deal         a signed-in deal page (the list's first opportunity, with its plan)
//   share        the customer's page of a shared mutual plan
// Each page is scored --runs times (default 3) and the median is printed, with the metrics behind it.
//   node scripts/lighthouse.mjs [--runs=3] [--desktop] [--only=share,opportunities] [--save=DIR]
// --save writes each page's median report (HTML to open in a browser, and JSON) and its trace (load it
// in Chromium's Performance panel) to DIR.
import './check-node.mjs';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(arg('runs') ?? 3);
const desktop = process.argv.includes('--desktop');
const only = arg('only')?.split(',');
const saveDir = arg('save');

// The same headless flags as the browser tests (e2e/support.ts), so nothing phones home.
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `npm start` (scripts/start.mjs: builds when stale, then runs the compiled server) on a temp SQLite dir. */
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-lighthouse-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_ENABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the server did not become ready within 2 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, stop };
}

async function api(baseUrl, method, url, { cookie, body } = {}) {
  const res = await fetch(`${baseUrl}/api/v1${url}`, {
    method,
    headers: { origin: baseUrl, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return { res, data: res.status === 204 ? undefined : await res.json() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};

async function score(chrome, url, headers) {
  const result = await lighthouse(
    url,
    { port: chrome.port, output: 'html', logLevel: 'error', extraHeaders: headers, onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
    desktop ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const cat = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && (a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'binary') && !Object.values(METRICS).includes(a.id))
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    performance: cat('performance'),
    accessibility: cat('accessibility'),
    bestPractices: cat('best-practices'),
    seo: cat('seo'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? NaN])),
    failing,
    report: result.report,
    trace: result.artifacts.Trace,
    lhr,
  };
}

/** Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART, NO_FCP…): try again. */
async function scoreWithRetry(chrome, url, headers, tries = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await score(chrome, url, headers);
    } catch (err) {
      if (attempt >= tries) throw err;
      console.warn(`  (retrying: ${err instanceof Error ? err.message : err})`);
    }
  }
}

const { baseUrl, stop } = await startServer();
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
const started = Date.now();
try {
  const state = { cookie: '', shareUrl: '', dealUrl: '' };
  /** Pages to score, in order: the first-run page only exists before any workspace does. */
  const pages = [
    { name: 'first-run', url: () => `${baseUrl}/`, headers: () => ({}) },
    { name: 'sign-in', url: () => `${baseUrl}/`, headers: () => ({}) },
    { name: 'today', url: () => `${baseUrl}/today`, headers: () => ({ Cookie: state.cookie }) },
    { name: 'opportunities', url: () => `${baseUrl}/opportunities`, headers: () => ({ Cookie: state.cookie }) },
    { name: 'deal', url: () => state.dealUrl, headers: () => ({ Cookie: state.cookie }) },
    { name: 'share', url: () => state.shareUrl, headers: () => ({}) },
  ];
  for (const page of pages) {
    if (page.name === 'sign-in') {
      // The demo workspace: a manager, 80 opportunities, 12 plans.
      const { res } = await api(baseUrl, 'POST', '/demo/session', { body: {} });
      state.cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const plans = await api(baseUrl, 'GET', '/plans?view=everyone&status=active&limit=1', { cookie: state.cookie });
      const plan = plans.data.data[0];
      // A deal with a mutual plan: the page shows the plan's summary beside the deal.
      state.dealUrl = `${baseUrl}/opportunities/${plan.opportunity.id}`;
      const link = await api(baseUrl, 'POST', `/plans/${plan.id}/share-links`, { cookie: state.cookie, body: { recipientName: 'Lighthouse' } });
      state.shareUrl = link.data.url.replace(/^https?:\/\/[^/]+/, baseUrl);
    }
    if (only && !only.includes(page.name)) continue;
    const scores = [];
    for (let i = 0; i < runs; i++) scores.push(await scoreWithRetry(chrome, page.url(), page.headers()));
    const perf = median(scores.map((s) => s.performance));
    const mid = scores.find((s) => s.performance === perf);
    if (saveDir) {
      fs.mkdirSync(saveDir, { recursive: true });
      fs.writeFileSync(path.join(saveDir, `${page.name}.html`), mid.report);
      fs.writeFileSync(path.join(saveDir, `${page.name}.json`), JSON.stringify(mid.lhr));
      fs.writeFileSync(path.join(saveDir, `${page.name}.trace.json`), JSON.stringify(mid.trace));
    }
    const m = mid.metrics;
    console.log(
      `${page.name.padEnd(14)} performance ${String(perf).padStart(3)} (runs: ${scores.map((s) => s.performance).join(', ')})  ` +
        `accessibility ${mid.accessibility}  best practices ${mid.bestPractices}  SEO ${mid.seo}  ` +
        `FCP ${Math.round(m.FCP)} ms  LCP ${Math.round(m.LCP)} ms  TBT ${Math.round(m.TBT)} ms  CLS ${m.CLS.toFixed(3)}  SI ${Math.round(m.SI)} ms  ` +
        `(CPU benchmark ${scores.map((s) => Math.round(s.benchmarkIndex)).join(', ')})` +
        (mid.failing.length ? `\n${' '.repeat(15)}below 0.9: ${mid.failing.join('; ')}` : ''),
    );
  }
} finally {
  await chrome.kill();
  await stop();
}
console.log(
  `Lighthouse ${desktop ? 'desktop' : 'mobile'} preset, ${runs} run(s) per page, median shown; ${((Date.now() - started) / 1000).toFixed(0)} s. ` +
    `Lighthouse's ${desktop ? 'unthrottled CPU is' : '4x CPU slowdown comes on top of'} this machine's own speed, which its CPU benchmark (higher is faster) ` +
    'measured at each run: on a busy or slow machine the same page shows more blocking time and a lower score.',
);
if (saveDir) console.log(`Reports and traces in ${saveDir}/.`);
