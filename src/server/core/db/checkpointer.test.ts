import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY_MS, FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.js';
import { connect } from './connect.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-checkpoint-'));
  dirs.push(dir);
  return path.join(dir, 'db.sqlite');
};

/**
 * The rows of `t` that the database file itself holds: a copy of the file alone, without its
 * write-ahead log. A copy taken while the thread is writing a checkpoint into the file can be torn
 * (some pages before, some after): that copy says "not yet" (-1), and the caller looks again.
 */
function rowsInFileAlone(file: string): number {
  const copy = `${file}.copy`;
  fs.copyFileSync(file, copy);
  const alone = new SQLite(copy, { readonly: true });
  try {
    const exists = alone.prepare(`select count(*) as n from sqlite_master where name = 't'`).get() as { n: number };
    return exists.n === 0 ? 0 : (alone.prepare('select count(*) as n from t').get() as { n: number }).n;
  } catch (err) {
    if (['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes(String((err as { code?: string }).code))) return -1;
    throw err;
  } finally {
    alone.close();
    fs.rmSync(copy);
  }
}

const until = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

/** How many file descriptors of this process (any thread) are open on `file` (Linux's /proc). */
function descriptorsOn(file: string): number {
  const target = fs.realpathSync(file);
  return fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === target;
    } catch {
      return false; // closed meanwhile (readdir's own descriptor)
    }
  }).length;
}

describe('checkpoints on a thread of their own', () => {
  it('brings committed writes into the database file while the app connection never checkpoints', async () => {
    const file = tempFile();
    const db = connect({ kind: 'sqlite', file });
    // The app's connection checkpoints only as a backstop, far above what this test writes.
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(rows[0].wal_autocheckpoint).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    await sql`create table t (id integer primary key, v text)`.execute(db);
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 200; i++) await sql`insert into t (v) values (${'x'.repeat(200)})`.execute(tx);
    });
    // Within a few of the thread's steps the file alone has them (the log holds them until then).
    expect(await until(() => rowsInFileAlone(file) === 200, CHECKPOINT_EVERY_MS * 20)).toBe(true);
    await db.destroy();
  });

  it('leaves one complete file once the app closes its connection', async () => {
    const file = tempFile();
    const db = connect({ kind: 'sqlite', file });
    await sql`create table t (id integer primary key)`.execute(db);
    await sql`insert into t (id) values (1), (2), (3)`.execute(db);
    // Another connection still open (as the thread's may be): the app's is then not the last to
    // close, which is when SQLite itself folds the log into the file.
    const other = new SQLite(file);
    await db.destroy(); // at once: before the thread's next step
    expect(rowsInFileAlone(file)).toBe(3);
    other.close();
    const wal = `${file}-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
  });

  it('has closed its connection once stop() settles, so the files can be removed', async () => {
    // Tests remove a database's directory right after destroying it: a connection the thread still
    // held there recreated a file in it meanwhile, and the removal failed (ENOTEMPTY).
    const file = tempFile();
    const setup = new SQLite(file);
    setup.pragma('journal_mode = WAL');
    setup.close();
    const checkpointer = startCheckpointer(file, () => {});
    expect(await until(() => descriptorsOn(file) === 1, CHECKPOINT_EVERY_MS * 20)).toBe(true);
    await checkpointer.stop();
    expect(descriptorsOn(file)).toBe(0);
  });

  it('says so when the thread cannot open the database, so the app checkpoints itself again', async () => {
    const dir = path.dirname(tempFile());
    const reason = await new Promise<string>((resolve) => startCheckpointer(path.join(dir, 'missing', 'db.sqlite'), resolve));
    expect(reason).toMatch(/directory|open/i);
  });

  it('never keeps a process alive by itself', () => {
    // A script that opens a database and never closes it ends when its own work does.
    const file = tempFile();
    const script = path.join(path.dirname(file), 'script.mts');
    fs.writeFileSync(
      script,
      `import { connect } from ${JSON.stringify(path.resolve('src/server/core/db/connect.ts'))};
      const db = connect({ kind: 'sqlite', file: ${JSON.stringify(file)} });
      await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      await new Promise((resolve) => setTimeout(resolve, ${CHECKPOINT_EVERY_MS * 3}));
      console.log('done');`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('done');
    expect(run.signal).toBeNull(); // not killed by the timeout
    expect(run.status).toBe(0);
  }, 30_000);

  it('lets a script that closes its database wait for the thread, with nothing else keeping it alive', () => {
    // The thread does not keep the process alive, but once asked to stop it must: otherwise the
    // script's last `await db.destroy()` never settles (Node exits: "unsettled top-level await").
    const file = tempFile();
    const script = path.join(path.dirname(file), 'closes.mts');
    fs.writeFileSync(
      script,
      `import { connect } from ${JSON.stringify(path.resolve('src/server/core/db/connect.ts'))};
      const db = connect({ kind: 'sqlite', file: ${JSON.stringify(file)} });
      await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      await db.destroy();
      console.log('closed');`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  }, 30_000);
});
