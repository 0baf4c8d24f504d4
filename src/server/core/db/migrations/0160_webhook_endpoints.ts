import type { Kysely } from 'kysely';

/**
 * Signed webhooks (features/webhooks): the endpoints an admin subscribes to events.
 * `events` is a JSON array of event types (shared/webhook-events.ts). The signing secret is kept
 * encrypted (AES-256-GCM under a key the server keeps in `server_secrets`), never hashed: the
 * server must sign with it. After a rotation the previous secret keeps signing too until
 * `previous_secret_expires_at`. A removed endpoint keeps its row (its delivery log refers to it)
 * with `deleted_at` set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('secret_encrypted', 'text', (c) => c.notNull())
    .addColumn('secret_hint', 'text', (c) => c.notNull())
    .addColumn('previous_secret_encrypted', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('deleted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_endpoints_ws').on('webhook_endpoints').columns(['workspace_id', 'id']).execute();
}
