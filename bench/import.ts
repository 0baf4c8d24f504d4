import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import type { App } from '../src/server/core/http.js';

/**
 * The import benchmark (a step of `npm run bench`, or alone with `npm run bench:import`): a fresh
 * SQLite database, a workspace with its admin, 2 000 accounts imported from a Salesforce-shaped
 * Account.csv, then an Opportunity.csv of 100 000 rows (BENCH_IMPORT_ROWS) imported through the real
 * API and the in-process worker, exactly as an admin would: upload, dry run, start, and the
 * progress read from GET /imports/:id as the page reads it. Target: the run ≤ 10 s.
 */

const ORIGIN = 'http://localhost:80';
const STAGES = ['Qualify', 'Discover', 'Solution fit', 'Proposal'];
const sfId = (prefix: string, n: number) => `${prefix}5g0000${String(n).padStart(9, '0')}AAV`;

type Step = { step: string; seconds: number };
export type ImportBenchResult = { rows: number; steps: Step[]; runSeconds: number; runCpuSeconds: number; loadAverage: number; counts: Record<string, number>; progress: string[] };

async function call(app: App, cookie: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  const res = await app.inject({ method, url, headers: { origin: ORIGIN, cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as Record<string, any>;
}

function accountsCsv(n: number): string {
  const lines = ['"Id","IsDeleted","Name","Website","Industry","OwnerId"'];
  for (let i = 0; i < n; i += 1) lines.push(`"${sfId('001', i)}","false","Account ${i}, Inc.","https://www.account-${i}.example/","Manufacturing",""`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function opportunitiesCsv(rows: number, accounts: number, ownerEmail: string): string {
  const lines = ['"Id","IsDeleted","AccountId","Name","StageName","Amount","CloseDate","CurrencyIsoCode","OwnerId"'];
  for (let i = 0; i < rows; i += 1) {
    const amount = `${(1000 + ((i * 7919) % 900_000)).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}`;
    const date = `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(`"${sfId('006', i)}","false","${sfId('001', i % accounts)}","Deal ${i}, phase ""${i % 3}""","${STAGES[i % STAGES.length]}","${amount}","${date}","EUR","${ownerEmail}"`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function timed<T>(steps: Step[], step: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  steps.push({ step, seconds: (performance.now() - t) / 1000 });
  return out;
}

async function runImport(app: App, cookie: string, id: string, onProgress: (line: string) => void): Promise<{ seconds: number; cpuSeconds: number; done: Record<string, any> }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const { version } = await call(app, cookie, 'GET', `/api/v1/imports/${id}`);
  await call(app, cookie, 'POST', `/api/v1/imports/${id}/start`, { version });
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await call(app, cookie, 'GET', `/api/v1/imports/${id}`);
    const seconds = (performance.now() - t) / 1000;
    onProgress(`  ${seconds.toFixed(1).padStart(5)} s  ${String(now.processedRows).padStart(7)} / ${now.rowCount} rows  ${now.status}`);
    if (now.status === 'done' || now.status === 'failed') {
      const used = process.cpuUsage(cpu);
      return { seconds, cpuSeconds: (used.user + used.system) / 1e6, done: now };
    }
  }
}

export async function benchImport(rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000), log: (line: string) => void = console.log): Promise<ImportBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-bench-import-'));
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const db = connect(config.database);
  const steps: Step[] = [];
  const progress: string[] = [];
  try {
    await migrateToLatest(db);
    const app = await buildApp({ config, db, logger: false });
    await app.ready();
    const email = 'admin@bench.example';
    const signup = await app.inject({ method: 'POST', url: '/api/v1/signup', headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: JSON.stringify({ workspaceName: 'Bench', name: 'Bench Admin', email, password: 'benchmark passphrase 2026', timeZone: 'Europe/Paris' }) });
    const cookie = String(signup.headers['set-cookie']).split(';')[0];
    const accounts = Math.min(2000, Math.max(10, Math.round(rows / 50)));

    const acc = await call(app, cookie, 'POST', '/api/v1/imports', { entity: 'accounts', fileName: 'Account.csv', text: accountsCsv(accounts) });
    await runImport(app, cookie, acc.id, () => {});
    const text = opportunitiesCsv(rows, accounts, email);
    log(`Importing ${rows.toLocaleString('en-US')} opportunity rows (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB of CSV) on SQLite:`);
    const draft = await timed(steps, 'upload + preview (POST /imports)', () => call(app, cookie, 'POST', '/api/v1/imports', { entity: 'opportunities', fileName: 'Opportunity.csv', text }));
    const dry = await timed(steps, 'dry run (POST /imports/:id/dry-run)', () => call(app, cookie, 'POST', `/api/v1/imports/${draft.id}/dry-run`, {}));
    if (dry.issueCount !== 0) throw new Error(`the dry run found problems: ${JSON.stringify(dry.issues.slice(0, 3))}`);
    const { seconds, cpuSeconds, done } = await runImport(app, cookie, draft.id, (line) => {
      progress.push(line);
      log(line);
    });
    steps.push({ step: 'run (start → done, background worker)', seconds });
    const again = await call(app, cookie, 'POST', '/api/v1/imports', { entity: 'opportunities', fileName: 'Opportunity.csv', text });
    const reimport = await runImport(app, cookie, again.id, () => {});
    steps.push({ step: 're-import of the same file (all unchanged)', seconds: reimport.seconds });
    await app.close();
    return { rows, steps, runSeconds: seconds, runCpuSeconds: cpuSeconds, loadAverage: os.loadavg()[0], counts: done.counts, progress };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printImportBench(r: ImportBenchResult, log: (line: string) => void = console.log): void {
  log('');
  log(`CSV import, ${r.rows.toLocaleString('en-US')} opportunity rows on SQLite (target: run ≤ 10 s)`);
  for (const s of r.steps) log(`  ${s.step.padEnd(44)} ${s.seconds.toFixed(2).padStart(7)} s`);
  log(`  counts: ${JSON.stringify(r.counts)}`);
  // On a shared machine wall time includes waiting for a core: the process's CPU time says what the import itself cost.
  log(`  run: ${r.runSeconds.toFixed(2)} s wall, ${r.runCpuSeconds.toFixed(2)} s CPU (load average ${r.loadAverage.toFixed(1)} on ${os.cpus().length} cores) — ${r.runSeconds <= 10 ? 'meets' : 'MISSES'} the target; progress read every 0.5 s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  benchImport()
    .then((r) => printImportBench(r))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
