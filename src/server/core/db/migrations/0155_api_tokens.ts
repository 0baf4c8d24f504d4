import { sql, type Kysely } from 'kysely';

/**
 * Personal API tokens (`Authorization: Bearer adv_…`). Only the SHA-256 of the secret is kept (the
 * secret is 256 random bits, so a plain hash cannot be reversed by guessing), with its last four
 * characters to tell tokens apart. A token acts for its person with their current role; `scope`
 * `read` allows only GET. `expires_at` is the end of `expires_on` in the person's zone when the
 * token was made. Revoking keeps the row (the audit trail names it) and hides it from the list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  // One live token per name and person; the list reads a person's tokens through it.
  await db.schema
    .createIndex('api_tokens_user_name_live')
    .on('api_tokens')
    .columns(['user_id', 'name'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema.createIndex('api_tokens_ws_user').on('api_tokens').columns(['workspace_id', 'user_id', 'created_at']).execute();
}
