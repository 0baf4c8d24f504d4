import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.js';
import { parseConfig, type Config } from '../core/config.js';
import { connect, type Db } from '../core/db/connect.js';
import { migrateToLatest } from '../core/db/migrate.js';
import type { App } from '../core/http.js';

/**
 * A real app on a real, freshly migrated database: a SQLite file by default, or — when
 * TEST_DATABASE_URL is a postgres:// URL — a PostgreSQL schema of its own, dropped afterwards.
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
    ...env,
  });
  const { db, cleanup, connectAgain } = await freshDb(4);
  await migrateToLatest(db);
  const app = await buildApp({ config: { ...config, database: pgUrl ? { kind: 'postgres', url: pgUrl } : config.database }, db, logger: false });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await cleanup();
  });
  return { app, db, config, connectAgain };
}

export const isPostgres = () => !!process.env.TEST_DATABASE_URL;
export { sql };

/** A database of its own on the engine the tests use: a SQLite file, or a PostgreSQL schema dropped afterwards. */
async function freshDb(poolSize: number): Promise<{ db: Db; cleanup: () => Promise<void>; connectAgain: () => Db }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = connect({ kind: 'postgres', url: pgUrl, pgSchema: schema, poolSize });
    // Another instance on the same database: its own pool, closed before the schema goes.
    const others: Db[] = [];
    const connectAgain = () => {
      const other = connect({ kind: 'postgres', url: pgUrl, pgSchema: schema, poolSize });
      others.push(other);
      return other;
    };
    const cleanup = async () => {
      for (const other of others) await other.destroy();
      await db.destroy();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
    return { db, cleanup, connectAgain };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-test-'));
  const db = connect({ kind: 'sqlite', file: path.join(dir, 'test.sqlite') });
  const others: Db[] = [];
  const connectAgain = () => {
    const other = connect({ kind: 'sqlite', file: path.join(dir, 'test.sqlite') });
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
  afterAll(cleanup);
  return db;
}
