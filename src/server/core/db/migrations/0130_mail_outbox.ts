import type { Kysely } from 'kysely';

/**
 * Email (features/mail): the outbox, each person's mail preferences, and the server's own secrets.
 *
 * - `mail_outbox`: one row per mail, written in the transaction of the event that causes it.
 *   `dedupe_key` (event + recipient) is unique, so an event can never enqueue the same mail twice
 *   and a periodic scan can run again harmlessly; `message_id` is derived from that key, so a mail
 *   sent twice (a worker killed after the SMTP server took it, before it was marked sent) carries the
 *   same Message-ID both times. Workers claim a row by a conditional update of `claimed_until` (a
 *   lease) and `claim_token`; what the mail says is kept as `data` (JSON: the facts at the time of
 *   the event, the recipient's time zone included) and rendered when it is sent or shown; failures wait `next_attempt_at` (exponential backoff) and, after the
 *   configured attempts, the row is `dead` until an admin retries it. `workspace_id` is null only for
 *   mail about an address that has no workspace yet (sign-up confirmation).
 * - `mail_preferences`: a person's choice per kind of mail; no row = the kind's default.
 * - `mail_suppressions`: addresses that stopped a kind of mail sent to people without an account
 *   (invitations), by the SHA-256 of the address.
 * - `server_secrets`: keys the server makes for itself on first use (the HMAC key of one-click
 *   unsubscribe tokens), shared by every instance on the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text')
    .addColumn('user_id', 'text')
    .addColumn('share_link_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text')
    .addColumn('contains_secret', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('claim_token', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_ws').on('mail_outbox').columns(['workspace_id', 'id']).execute();

  await db.schema
    .createTable('mail_preferences')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('mail_suppressions')
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_suppressions_pk', ['address_hash', 'kind'])
    .execute();

  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
