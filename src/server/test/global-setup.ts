import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../core/db/connect.js';
import { migrateToLatest } from '../core/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated SQLite file that each test file's database is a copy of. */
    sqliteTemplate: string | null;
    /** A migrated PostgreSQL database that each test file's database is created from (`CREATE DATABASE … TEMPLATE`). */
    pgTemplate: string | null;
  }
}

/** The URL of another database on the same PostgreSQL server. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Runs every migration once for the whole run, instead of once per test file (about two hundred
 * migrations, seconds each time): each file's database then starts as a copy of this one. Tests of
 * the migrations themselves still migrate an empty database of their own (`emptyTestDb`). When the
 * PostgreSQL role may not create databases, each file migrates a schema of its own, as before.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-template-'));
    const file = path.join(dir, 'template.sqlite');
    const db = connect({ kind: 'sqlite', file });
    await migrateToLatest(db);
    await db.destroy(); // closing the last connection folds the WAL into the file: one file to copy
    project.provide('sqliteTemplate', file);
    project.provide('pgTemplate', null);
    return async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  project.provide('sqliteTemplate', null);
  const name = `advance_template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    console.warn(`Cannot create a template database (${(error as Error).message}): each test file migrates a schema of its own.`);
    await admin.end();
    project.provide('pgTemplate', null);
    return async () => {};
  }
  await admin.end();
  const db = connect({ kind: 'postgres', url: databaseUrl(pgUrl, name), poolSize: 2 });
  await migrateToLatest(db);
  await db.destroy(); // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to
  project.provide('pgTemplate', name);
  return async () => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}
