import type { Kysely } from 'kysely';

/**
 * A person's calendar feed lists the interactions they attend without owning: find them by person
 * (until now attendees were only ever read by interaction).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('interaction_attendees_ws_user').on('interaction_attendees').columns(['workspace_id', 'user_id', 'interaction_id']).execute();
}
