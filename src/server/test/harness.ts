import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { closeWhenDone } from './cleanup.js';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.js';
import { parseConfig, type Config } from '../core/config.js';
import { connect, type Db } from '../core/db/connect.js';
import { migrateTo, migrateToLatest } from '../core/db/migrate.js';
import type { App } from '../core/http.js';
import { databaseUrl } from './global-setup.js';

/**
 * A real app on a real, freshly migrated database: a SQLite file by default, or — when
 * TEST_DATABASE_URL is a postgres:// URL — a PostgreSQL database of its own, dropped afterwards. Both
 * start as copies of the database the run's global setup migrated (test/global-setup.ts).
 */
export async function testApp(env: Record<string, string> = {}): Promise<{ app: App; db: Db; config: Config; connectAgain: () => Db }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  // Tests sign up and write through share links from one address far more than a person would:
  // limits are high unless a test sets its own (core/limits.test.ts tests the defaults' behaviour).
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SIGNUP_MAX_PER_IP_PER_HOUR: '10000',
    GUEST_WRITES_PER_LINK_PER_MINUTE: '10000',
    GUEST_WRITES_PER_IP_PER_MINUTE: '10000',
    API_TOKEN_MAX_FAILURES_PER_IP: '10000',
    SIGNUP_MAX_FAILURES_PER_IP_PER_HOUR: '10000',
    INVITE_TOKEN_MAX_FAILURES_PER_IP: '10000',
    INVITES_MAX_PER_WORKSPACE_PER_HOUR: '10000',
    DEMO_SESSION_MAX_PER_IP_PER_HOUR: '10000',
    ...env,
  });
  const { db, cleanup, connectAgain, url } = await migratedDb(4);
  await migrateToLatest(db); // a no-op on a copy of the migrated template; it migrates when there is none
  const app = await buildApp({ config: { ...config, database: pgUrl ? { kind: 'postgres', url: url ?? pgUrl } : config.database }, db, logger: false });
  await app.ready();
  closeWhenDone(async () => {
    await app.close();
    await cleanup();
  });
  return { app, db, config, connectAgain };
}

export const isPostgres = () => !!process.env.TEST_DATABASE_URL;
export { sql };

type Fresh = { db: Db; cleanup: () => Promise<void>; connectAgain: () => Db; url?: string };

/** A migrated database of its own: a copy of the run's template (see test/global-setup.ts) when there is one. */
async function migratedDb(poolSize: number): Promise<Fresh> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const sqliteTemplate = inject('sqliteTemplate');
  const pgTemplate = inject('pgTemplate');
  if (pgUrl && pgTemplate) {
    const name = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(pgUrl, async (c) => {
      // Another file may be creating a database from the same template at this instant: PostgreSQL
      // then answers 55006 (object in use) for a moment.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`create database ${name} template ${pgTemplate}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    });
    const url = databaseUrl(pgUrl, name);
    return { ...postgresAt(url, undefined, poolSize, () => adminQuery(pgUrl, (c) => c.query(`drop database if exists ${name} with (force)`))), url };
  }
  if (!pgUrl && sqliteTemplate) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-test-'));
    const file = path.join(dir, 'test.sqlite');
    fs.copyFileSync(sqliteTemplate, file);
    return sqliteAt(dir, file);
  }
  return freshDb(poolSize);
}

async function adminQuery(url: string, run: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await run(c);
  } finally {
    await c.end();
  }
}

/** A database of its own on the engine the tests use: a SQLite file, or a PostgreSQL schema dropped afterwards. */
async function freshDb(poolSize: number): Promise<Fresh> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl && inject('pgTemplate')) {
    // A database of its own, as for testApp (the role may create databases): in a schema of the
    // shared database, Kysely's migrator lists every schema and fails when another worker drops its
    // own at that instant ("schema t_… does not exist").
    const name = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(pgUrl, (c) => c.query(`create database ${name}`));
    return postgresAt(databaseUrl(pgUrl, name), undefined, poolSize, () => adminQuery(pgUrl, (c) => c.query(`drop database if exists ${name} with (force)`)));
  }
  if (pgUrl) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(pgUrl, (c) => c.query(`create schema ${schema}`));
    return postgresAt(pgUrl, schema, poolSize, () => adminQuery(pgUrl, (c) => c.query(`drop schema ${schema} cascade`)));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-test-'));
  return sqliteAt(dir, path.join(dir, 'test.sqlite'));
}

/** A pool on a test database; `connectAgain` is another instance on the same database, closed before `drop`. */
function postgresAt(url: string, pgSchema: string | undefined, poolSize: number, drop: () => Promise<void>): Fresh {
  const db = connect({ kind: 'postgres', url, pgSchema, poolSize });
  const others: Db[] = [];
  const connectAgain = () => {
    const other = connect({ kind: 'postgres', url, pgSchema, poolSize });
    others.push(other);
    return other;
  };
  const cleanup = async () => {
    for (const other of others) await other.destroy();
    await db.destroy();
    await drop();
  };
  return { db, cleanup, connectAgain };
}

function sqliteAt(dir: string, file: string): Fresh {
  const db = connect({ kind: 'sqlite', file });
  const others: Db[] = [];
  const connectAgain = () => {
    const other = connect({ kind: 'sqlite', file });
    others.push(other);
    return other;
  };
  const cleanup = async () => {
    for (const other of others) await other.destroy();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, cleanup, connectAgain };
}

/**
 * An empty database (no migrations run) on the engine the tests use, removed after the file: for
 * tests of migrations themselves.
 */
export async function emptyTestDb(): Promise<Db> {
  const { db, cleanup } = await freshDb(2);
  closeWhenDone(cleanup);
  return db;
}

/**
 * A database migrated up to `migration` (included), with a workspace, its admin, a stage and an
 * account written the way rows were then: for tests of a later migration's backfill. `insert` writes
 * a row by its columns, `stamp` is the version and times every row needs.
 */
export async function databaseAsOf(migration: string) {
  const db = await emptyTestDb();
  await migrateTo(db, migration);
  const at = '2026-01-01T00:00:00.000Z';
  const stamp = { version: 1, created_at: at, updated_at: at };
  const insert = (table: string, row: Record<string, unknown>) =>
    sql`insert into ${sql.table(table)} (${sql.join(Object.keys(row).map((k) => sql.ref(k)))}) values (${sql.join(Object.values(row))})`.execute(db);
  await insert('workspaces', { id: 'w1', name: 'Old', default_time_zone: 'Europe/Paris', ...stamp });
  await insert('users', { id: 'u1', workspace_id: 'w1', email: 'old@example.com', name: 'Olga Old', password_hash: 'x', role: 'admin', ...stamp });
  await insert('stages', { id: 's1', workspace_id: 'w1', name: 'Qualify', position: 0, ...stamp });
  return { db, at, stamp, insert };
}
