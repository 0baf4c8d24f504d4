import { randomBytes } from 'node:crypto';
import type { Db } from '../../core/db/connect.js';
import { nowIso } from '../../core/ids.js';

const cache = new WeakMap<Db, Map<string, Buffer>>();

/**
 * A key the server makes for itself the first time it is needed and keeps in the database, so every
 * instance on that database signs and checks with the same one (the first writer wins; the others
 * read its key). Nothing to configure, and nothing that leaves the database.
 */
export async function serverSecret(db: Db, name: string): Promise<Buffer> {
  let keys = cache.get(db);
  if (!keys) cache.set(db, (keys = new Map()));
  const known = keys.get(name);
  if (known) return known;
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('base64'), created_at: nowIso() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  const key = Buffer.from(row.value, 'base64');
  keys.set(name, key);
  return key;
}
