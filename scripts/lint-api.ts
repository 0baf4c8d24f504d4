// `npm run lint:api`: the OpenAPI document of a booted app (built, never listening: app.inject), written
// to a temporary file and linted by Redocly with redocly.yaml (its recommended rules): any error or
// warning fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';

const db = connect({ kind: 'sqlite', file: ':memory:' });
const app = await buildApp({ config: parseConfig({ ...process.env, LOG_LEVEL: 'silent' }), db, logger: false });
const res = await app.inject({ url: '/api/openapi.json' });
await app.close();
await db.destroy();
if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-openapi-'));
const file = path.join(dir, 'openapi.json');
fs.writeFileSync(file, JSON.stringify(JSON.parse(res.body), null, 2));
const operations = Object.values(JSON.parse(res.body).paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
console.log(`OpenAPI document: ${operations} operations`);
const redocly = (format: string) =>
  spawnSync('npx', ['--no-install', 'redocly', 'lint', '--config', 'redocly.yaml', '--max-problems', '1000', `--format=${format}`, file], { encoding: 'utf8' });
// Redocly exits 0 on warnings: read its totals, and show the problems when there are any.
const result = redocly('json');
const totals = (JSON.parse(result.stdout || '{}') as { totals?: { errors: number; warnings: number } }).totals;
if (!totals) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
console.log(`Redocly (recommended rules, redocly.yaml): ${totals.errors} errors, ${totals.warnings} warnings`);
if (totals.errors + totals.warnings > 0) process.stdout.write(redocly('codeframe').stdout);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(totals.errors + totals.warnings === 0 ? 0 : 1);
