import { sql, type Kysely } from 'kysely';

/**
 * The customer side's word on each deal, stored on the deal's row so the `customer_unreliable` focus
 * flag is one indexed comparison (src/domain/customer-word.ts has the meaning of each column; the
 * commitment engine keeps them, src/server/features/commitments/customer-word.ts):
 *
 * - `customer_judged_count`, `customer_kept_count` (kept on time), `customer_late_count`,
 *   `customer_missed_count`, `customer_open_count`: the customer-side plan commitments per bucket;
 *   `customer_judged_weight`, `customer_kept_weight`: the same with must-dos weighing double;
 * - `customer_counts_until`: the instant the counts stop holding (an open commitment's day ends),
 *   null while nothing is due to turn into a miss;
 * - `customer_unreliable_from`: the instant the flag is up from, null when it is not before the next
 *   write.
 *
 * Existing deals are marked here and judged with the domain's own rule right after the migrations
 * (see backfill below); a later change of the rule marks them again the same way. The partial index serves the list filtered by `customer_unreliable` (few deals carry it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const int = (name: string) => db.schema.alterTable('opportunities').addColumn(name, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const name of ['customer_judged_count', 'customer_kept_count', 'customer_late_count', 'customer_missed_count', 'customer_open_count', 'customer_judged_weight', 'customer_kept_weight']) await int(name);
  await db.schema.alterTable('opportunities').addColumn('customer_counts_until', 'text').execute();
  await db.schema.alterTable('opportunities').addColumn('customer_unreliable_from', 'text').execute();
  await db.schema
    .createIndex('opps_ws_customer_unreliable')
    .on('opportunities')
    .columns(['workspace_id', 'customer_unreliable_from'])
    .where(sql.ref('customer_unreliable_from'), 'is not', null)
    .execute();
  await backfill(db);
}

/** `customer_counts_until` of a deal whose stored word is to be judged again (src/server/core/db/migrate.ts does it after the migrations). */
const JUDGE_AGAIN = '0000-01-01T00:00:00.000Z';

/**
 * Existing deals with customer-side plan commitments are marked to be judged again: their counts
 * "hold until" an instant long past, which is what an out-of-date row looks like to every reader.
 * The judging itself needs the application's rule (time zones, renegotiations, must-do weights), and a
 * migration copies no application code: migrateToLatest judges the marked deals with the rule of the
 * day, right after the migrations and before the app serves.
 */
async function backfill(db: Kysely<unknown>): Promise<void> {
  await sql`update opportunities set customer_counts_until = ${JUDGE_AGAIN}
    where id in (select p.opportunity_id from plans p inner join commitments c on c.plan_id = p.id where c.subject_kind = 'plan' and c.side = 'customer')`.execute(db);
}
