import { sql, type Kysely } from 'kysely';

/**
 * Notifications about check-ins ("answer before you meet", "the answers are in") link to the
 * check-in. `dedupe_key` names the event a notification is about (e.g. the reminder for one
 * occurrence): unique per person, so the reminder computed whenever notifications are read, by
 * any number of app instances at once, is written once and never sent twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('check_in_id', 'text', (c) => c.references('check_ins.id')).execute();
  await db.schema.alterTable('notifications').addColumn('dedupe_key', 'text').execute();
  await db.schema
    .createIndex('notifications_one_per_event')
    .on('notifications')
    .columns(['workspace_id', 'user_id', 'dedupe_key'])
    .unique()
    .where(sql.ref('dedupe_key'), 'is not', null)
    .execute();
}
