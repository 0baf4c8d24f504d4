import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { Client, signUpWorkspace } from '../../test/factories.js';
import { parseConfig } from '../config.js';
import { backupSqlite, restoreSqlite } from './backup.js';
import { connect } from './connect.js';
import { migrateToLatest } from './migrate.js';

/**
 * `npm run backup` and `npm run restore` on the SQLite engine (PostgreSQL uses pg_dump / pg_restore,
 * see the README). Runs the real npm commands, in another process, while this one keeps writing.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-backup-'));
const dataDir = path.join(root, 'data');
const env = { LOG_LEVEL: 'silent', NODE_ENV: 'test', DATA_DIR: dataDir } as const;
const config = parseConfig(env);
if (config.database.kind !== 'sqlite') throw new Error('expected SQLite');
const db = connect(config.database);
await migrateToLatest(db);
const app = await buildApp({ config, db, logger: false });
await app.ready();
afterAll(async () => {
  await app.close();
  await db.destroy();
  fs.rmSync(root, { recursive: true, force: true });
});

const liveFile = config.database.file;
// Each npm command starts Node, tsx and the check: slow on a busy machine.
const SLOW = 240_000;

type Run = { code: number | null; out: string };

/** `npm run <script> -- <file>` with this test's DATA_DIR (and never a PostgreSQL URL). */
function npm(script: 'backup' | 'restore', file: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const { TEST_DATABASE_URL: _t, DATABASE_URL: _d, ...base } = process.env;
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', file], { cwd: process.cwd(), env: { ...base, ...env, ...extraEnv } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('backup and restore (SQLite)', () => {
  it('backs up while writes run, restores into an empty folder, and finds every write acknowledged before the backup', async () => {
    const { client } = await signUpWorkspace(app);
    const acked: { id: string; at: number }[] = [];
    const failures: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && failures.length === 0; i++) {
        const res = await client.post('/api/v1/accounts', { name: `Account ${i}` });
        if (res.statusCode === 201) acked.push({ id: res.data.id, at: Date.now() });
        else failures.push(`${res.statusCode} ${res.body}`);
      }
    })();
    while (acked.length < 50 && failures.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    const file = path.join(root, 'backup.sqlite');
    const backup = await npm('backup', file);
    writing = false;
    await writer;
    expect(failures).toEqual([]);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Backed up .* to .*backup\.sqlite/);
    const before = acked.filter((a) => a.at < started);
    // Writes kept landing while the backup ran in its own process.
    expect(acked.length - before.length).toBeGreaterThan(0);

    const restoredDir = path.join(root, 'restored');
    const restore = await npm('restore', file, { DATA_DIR: restoredDir });
    expect(restore.code, restore.out).toBe(0);
    const restored = connect({ kind: 'sqlite', file: path.join(restoredDir, 'advance.sqlite') });
    try {
      const ids = new Set((await restored.selectFrom('accounts').select('id').execute()).map((r) => r.id));
      for (const a of before) expect(ids.has(a.id), `account ${a.id} acknowledged before the backup`).toBe(true);
      // One snapshot: nothing half-written — every restored account has its audit event, and the copy holds no write
      // that was never acknowledged (at most the one in flight when the backup ran).
      const audited = await restored.selectFrom('audit_events').select('entity_id').where('entity_type', '=', 'account').where('action', '=', 'create').execute();
      expect(new Set(audited.map((r) => r.entity_id))).toEqual(ids);
      const ackedIds = new Set(acked.map((a) => a.id));
      expect([...ids].filter((id) => !ackedIds.has(id)).length).toBeLessThanOrEqual(1);
      console.info(`backup under writes: ${before.length} acknowledged before it, ${acked.length} in all, ${ids.size} in the restored copy`);
    } finally {
      await restored.destroy();
    }
    // The restored folder runs Advance: sign in with the same account.
    const restoredConfig = parseConfig({ ...env, DATA_DIR: restoredDir });
    if (restoredConfig.database.kind !== 'sqlite') throw new Error('expected SQLite');
    const db2 = connect(restoredConfig.database);
    await migrateToLatest(db2);
    const app2 = await buildApp({ config: restoredConfig, db: db2, logger: false });
    const again = new Client(app2);
    again.cookie = client.cookie;
    expect((await again.get('/api/v1/accounts?limit=1')).statusCode).toBe(200);
    await app2.close();
    await db2.destroy();
  }, SLOW);

  it('never overwrites: a backup refuses an existing file, a restore a folder that holds anything or a file that is not a database', async () => {
    const file = path.join(root, 'existing.sqlite');
    fs.writeFileSync(file, 'keep me');
    await expect(backupSqlite(liveFile, file)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');

    const good = path.join(root, 'good.sqlite');
    expect((await backupSqlite(liveFile, good)).migrations).toBeGreaterThan(20);
    // The live data folder is not empty: restoring over it is refused and it stays as it was.
    const before = fs.readFileSync(liveFile);
    await expect(restoreSqlite(good, dataDir)).rejects.toThrow(/not empty/);
    expect(fs.readFileSync(liveFile).equals(before)).toBe(true);
    await expect(restoreSqlite(file, path.join(root, 'empty'))).rejects.toThrow();
    expect(fs.existsSync(path.join(root, 'empty', 'advance.sqlite'))).toBe(false);
  });

  it('points PostgreSQL users at pg_dump and pg_restore', async () => {
    const res = await npm('backup', path.join(root, 'pg.sqlite'), { DATABASE_URL: 'postgres://u@127.0.0.1:5432/x' });
    expect(res.code).toBe(2);
    expect(res.out).toMatch(/pg_dump --format=custom/);
  }, SLOW);
});
