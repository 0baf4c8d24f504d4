import path from 'node:path';
import { parseConfig } from '../core/config.js';
import { backupSqlite } from '../core/db/backup.js';

/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database in DATA_DIR, safe while
 * Advance runs. With DATABASE_URL (PostgreSQL) it explains the pg_dump command instead.
 */
const [target] = process.argv.slice(2);
// npm runs scripts from the package folder; a relative path means the folder the command was typed in.
const cwd = process.env.INIT_CWD ?? process.cwd();

try {
  const config = parseConfig(process.env);
  if (config.database.kind === 'postgres') {
    console.error('DATABASE_URL points at PostgreSQL: back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=advance.dump "$DATABASE_URL"\n(see README, "Backups").');
    process.exit(2);
  }
  if (!target) {
    console.error('Usage: npm run backup -- <file>   (e.g. npm run backup -- advance-2026-11-26.sqlite)');
    process.exit(2);
  }
  const info = await backupSqlite(config.database.file, path.resolve(cwd, target));
  console.log(`Backed up ${config.database.file} to ${info.file} (${info.bytes} bytes, ${info.migrations} migrations).`);
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
