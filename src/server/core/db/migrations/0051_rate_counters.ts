import type { Kysely } from 'kysely';

/**
 * Fixed-window request counters (core/rate-limit.ts): guest writes per share link and per IP address,
 * sign-ups per IP address. In the database so every instance behind a load balancer counts the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_counters')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_counters_pk', ['bucket', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute();
}
