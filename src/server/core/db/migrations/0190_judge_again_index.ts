import { sql, type Kysely } from 'kysely';

/**
 * A partial index on the marker of deals to judge again (`customer_counts_until` at the instant
 * 0000-01-01, written by 0165 or a later change of the rule): migrateToLatest looks for marked
 * deals on every start, and with it that look is a read of an index that is empty but for the
 * first start after such a migration — not a scan of every deal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index opps_customer_judge_again on opportunities (workspace_id) where customer_counts_until = '0000-01-01T00:00:00.000Z'`.execute(db);
}
