import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';

export const SCREENSHOTS = path.resolve('e2e/screenshots');
const WEB_ROOT = path.resolve('dist/web');

/**
 * The production app (built web app + API) on a fresh SQLite database, on a free port. `db` is for
 * journeys that need a fact the API cannot make yet (e.g. a deal opened weeks ago).
 */
export async function startAdvance(env: Record<string, string> = {}): Promise<{ baseUrl: string; db: ReturnType<typeof connect> }> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error('dist/web is missing: run `npm test` (it builds the web app) or `npx vite build` first.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-e2e-'));
  const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', ...env });
  // The run's global setup migrated one database (src/server/test/global-setup.ts): start from a copy.
  const template = inject('sqliteTemplate');
  if (template && config.database.kind === 'sqlite') fs.copyFileSync(template, config.database.file);
  const db = connect(config.database);
  await migrateToLatest(db);
  const app = await buildApp({ config, db, webRoot: WEB_ROOT, logger: false });
  // A free port, unless the journey chose one (a server with PUBLIC_URL must know its port before it starts).
  await app.listen({ port: env.PORT ? config.port : 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  afterAll(async () => {
    await app.close();
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, db };
}

/** Debian's Chromium (or CHROME_PATH), headless, with nothing that phones home. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install it with: apt-get install -y chromium (or set CHROME_PATH).`);
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  afterAll(async () => browser.close());
  return browser;
}

/** A page that records console errors and uncaught exceptions, so a journey can assert there were none. */
export async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { page, errors };
}

/** A person who joined by invitation, signed in in a browser context of their own. */
export type Member = { context: BrowserContext; id: string };

/**
 * The team most journeys start from: a workspace (zone UTC) signed up by Ada Admin, Maya Manager
 * invited, the North team she leads, and Rita Rep invited into it — each signed in in a browser
 * context of their own. `api` is the admin's requests; `join` invites someone else the same way.
 */
export async function teamWorkspace(browser: Browser, baseUrl: string, opts: { workspaceName: string; domain: string }) {
  const headers = { origin: baseUrl };
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const api: APIRequestContext = adminContext.request;
  const signup = await api.post(`${baseUrl}/api/v1/signup`, {
    headers,
    data: { workspaceName: opts.workspaceName, name: 'Ada Admin', email: `ada@${opts.domain}`, password: 'admin passphrase here', timeZone: 'UTC' },
  });
  expect(signup.status(), await signup.text()).toBe(201);
  const join = async (role: 'manager' | 'rep', name: string, email: string, teamId: string | null): Promise<Member> => {
    const invite = (await (await api.post(`${baseUrl}/api/v1/invites`, { headers, data: { email, role, teamId } })).json()) as { url: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const res = await context.request.post(`${baseUrl}/api/v1/invites/accept`, {
      headers,
      data: { token: new URL(invite.url).pathname.split('/').pop(), name, password: `${role} passphrase here`, timeZone: 'UTC' },
    });
    expect(res.status()).toBe(201);
    return { context, id: ((await res.json()) as { user: { id: string } }).user.id };
  };
  const manager = await join('manager', 'Maya Manager', `maya@${opts.domain}`, null);
  const team = (await (await api.post(`${baseUrl}/api/v1/teams`, { headers, data: { name: 'North', managerId: manager.id } })).json()) as { id: string };
  const rep = await join('rep', 'Rita Rep', `rita@${opts.domain}`, team.id);
  const close = () => Promise.all([adminContext.close(), manager.context.close(), rep.context.close()]);
  return { headers, adminContext, api, join, manager, team, rep, close };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** A button or a link, by its visible name: journeys should not care which one the design chose. */
export function action(page: Page, name: string | RegExp) {
  return page.getByRole('button', { name, exact: typeof name === 'string' }).or(page.getByRole('link', { name, exact: typeof name === 'string' })).first();
}

// axe-core's own bundle, evaluated in the page through the DevTools protocol (no script tag, so
// the app's Content-Security-Policy stays as strict as in production).
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Per-page accessibility counts from every journey, printed as one table at the end of each file. */
export const axeCounts: { page: string; seriousOrCritical: number; total: number }[] = [];
afterAll(() => {
  if (axeCounts.length) console.log(`axe (WCAG 2.x A/AA):\n${axeCounts.map((c) => `  ${c.page}: ${c.seriousOrCritical} serious or critical, ${c.total} in all`).join('\n')}`);
});

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations (with
 * where they are), recording the counts for the summary. Journeys assert the list is empty.
 */
export async function axe(page: Page, name: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeCounts.push({ page: name, seriousOrCritical: serious.reduce((n, v) => n + v.nodes.length, 0), total: violations.reduce((n, v) => n + v.nodes.length, 0) });
  return serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(', ')}`);
}
