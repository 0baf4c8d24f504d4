import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { Scope } from '../../scope.js';
import { seedBuiltInTemplates } from '../../../features/plans/templates.js';

/** Gives every workspace that existed before templates the built-in ones (new ones get them at sign-up). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kdb = db as Kysely<Database>;
  const workspaces = await kdb.selectFrom('workspaces').select('id').execute();
  for (const { id } of workspaces) await seedBuiltInTemplates(new Scope(kdb, id));
}
