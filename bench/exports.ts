// Exports' memory and time on SQLite: N accounts (default 100 000) in one workspace, then the account
// list's CSV and the workspace zip are downloaded over HTTP while the process's heap and RSS are
// sampled every 20 ms. Flat peaks as N grows are the point (pages, not whole tables, in memory).
//   node --expose-gc --import tsx bench/exports.ts          (N=20000 for a quicker run)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { newId } from '../src/server/core/ids.js';

const N = Number(process.env.N ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-export-bench-'));
const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', WORKSPACE_EXPORTS_PER_HOUR: '100' });
const db = connect(config.database);
await migrateToLatest(db);
const app = await buildApp({ config, db, logger: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const signup = await fetch(`${base}/api/v1/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ workspaceName: 'Bench', name: 'Ada', email: 'ada@example.com', password: 'a long enough passphrase', timeZone: 'UTC' }) });
const cookie = signup.headers.get('set-cookie')!.split(';')[0];
const me = (await signup.json()) as { user: { id: string }; workspace: { id: string } };
const now = new Date().toISOString();
for (let i = 0; i < N; i += 1000) {
  const rows = Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({ id: newId(), workspace_id: me.workspace.id, name: `Account ${i + j} with a longer name, Inc.`, domain: `a${i + j}.example.com`, industry: 'Manufacturing', size: '51-200', owner_id: me.user.id, notes: 'Some notes about this account that take a line or two of text.', archived_at: null, version: 1, created_at: now, updated_at: now, search_text: `account ${i + j}` }));
  await db.insertInto('accounts').values(rows).execute();
}
async function measure(label: string, method: string, path: string) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss, peakHeap = before.heapUsed;
  const timer = setInterval(() => { const m = process.memoryUsage(); peakRss = Math.max(peakRss, m.rss); peakHeap = Math.max(peakHeap, m.heapUsed); }, 20);
  const started = Date.now();
  const res = await fetch(`${base}${path}`, { method, headers: { cookie, origin: base, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), 'accept-encoding': 'identity' }, body: method === 'POST' ? '{}' : undefined });
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
  clearInterval(timer);
  console.log(`${label}: HTTP ${res.status}, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s; heap ${(before.heapUsed / 1e6).toFixed(0)} → peak ${(peakHeap / 1e6).toFixed(0)} MB, rss ${(before.rss / 1e6).toFixed(0)} → peak ${(peakRss / 1e6).toFixed(0)} MB`);
}
await measure(`accounts CSV (${N} rows)`, 'GET', '/api/v1/accounts/export');
await measure(`workspace zip (${N} accounts)`, 'POST', '/api/v1/workspace/exports');
await app.close();
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
