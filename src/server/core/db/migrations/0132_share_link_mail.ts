import type { Kysely } from 'kysely';

/**
 * A share link the rep chose to send by email: when it was emailed, and whether its recipient still
 * gets reminders of their side's commitments (they stop them with the link in any of those mails).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_share_links').addColumn('emailed_at', 'text').execute();
  await db.schema.alterTable('plan_share_links').addColumn('reminders_stopped_at', 'text').execute();
}
