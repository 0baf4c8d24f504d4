import type { Kysely } from 'kysely';

/** When the demo workspace's story was last written: it is re-seeded once that is over a day old. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('demo_seeded_at', 'text').execute();
}
