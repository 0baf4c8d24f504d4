import path from 'node:path';
import { parseConfig } from '../core/config.js';
import { restoreSqlite } from '../core/db/backup.js';

/**
 * `npm run restore -- <file>`: puts a backup made by `npm run backup` in DATA_DIR, which must be
 * empty (or not exist). Start Advance afterwards; it applies any newer migrations.
 */
const [source] = process.argv.slice(2);
const cwd = process.env.INIT_CWD ?? process.cwd();

try {
  const config = parseConfig(process.env);
  if (config.database.kind === 'postgres') {
    console.error('DATABASE_URL points at PostgreSQL: restore with pg_restore, e.g.\n  pg_restore --no-owner --dbname="$DATABASE_URL" advance.dump\ninto an empty database (see README, "Backups").');
    process.exit(2);
  }
  if (!source) {
    console.error('Usage: npm run restore -- <file>   (into an empty DATA_DIR)');
    process.exit(2);
  }
  const info = await restoreSqlite(path.resolve(cwd, source), config.dataDir);
  console.log(`Restored ${path.resolve(cwd, source)} to ${info.file} (${info.bytes} bytes, ${info.migrations} migrations). Start Advance as usual.`);
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
