import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Backups of the SQLite database with SQLite's online backup API (better-sqlite3): the copy is one
 * consistent snapshot even while the server keeps writing — every page is transferred in a single
 * step, which SQLite restarts if another connection changes the database meanwhile. PostgreSQL is
 * backed up with pg_dump / pg_restore (README, "Backups").
 */
export type BackupInfo = { file: string; bytes: number; migrations: number };

/** Opens a file as an Advance database and checks it: SQLite's integrity check, and migrations applied. */
export function verifyDatabase(file: string): { migrations: number } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    const table = db.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!table) throw new Error(`${file} is not an Advance database (no migrations table).`);
    const row = db.prepare('select count(*) as n from kysely_migration').get() as { n: number };
    return { migrations: row.n };
  } finally {
    db.close();
  }
}

async function copy(sourceFile: string, targetFile: string): Promise<void> {
  const partial = `${targetFile}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new SQLite(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // After the first (empty) step, every remaining page in one step: one snapshot.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  verifyDatabase(partial);
  fs.renameSync(partial, targetFile);
}

/** Copies the running database at `sourceFile` to `targetFile` (which must not exist yet). */
export async function backupSqlite(sourceFile: string, targetFile: string): Promise<BackupInfo> {
  if (!fs.existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}.`);
  if (fs.existsSync(targetFile)) throw new Error(`${targetFile} already exists: choose a new file name (a backup never overwrites).`);
  if (!fs.existsSync(path.dirname(targetFile))) throw new Error(`The folder ${path.dirname(targetFile)} does not exist.`);
  await copy(sourceFile, targetFile);
  return { file: targetFile, bytes: fs.statSync(targetFile).size, ...verifyDatabase(targetFile) };
}

/** Restores a backup as `<dataDir>/advance.sqlite`; refuses a data folder that holds anything. */
export async function restoreSqlite(backupFile: string, dataDir: string, fileName = 'advance.sqlite'): Promise<BackupInfo> {
  if (!fs.existsSync(backupFile)) throw new Error(`No backup at ${backupFile}.`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: restore into an empty data folder (move the current one aside first).`);
  }
  verifyDatabase(backupFile);
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, fileName);
  await copy(backupFile, target);
  return { file: target, bytes: fs.statSync(target).size, ...verifyDatabase(target) };
}
