import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL only: the deals whose customer may not keep their word (the `customer_unreliable` flag,
 * 0165) indexed in the order the list shows them by default (last updated first), instead of 0165's
 * index on (workspace_id, customer_unreliable_from).
 *
 * Why: the list runs as a prepared statement, and PostgreSQL plans a prepared statement once for
 * any values (its generic plan) when that plan looks no dearer than planning anew each time. With
 * 0165's index the generic plan walked every deal of the workspace in update order, testing each
 * (`customer_unreliable_from <= $2` is one deal in three for a planner that cannot see the value):
 * 134 ms for 100 000 deals, against 0.1 ms for a plan made for the instant; so PostgreSQL planned
 * the query anew at every request (about 2 ms of planning). This index holds only the deals that
 * carry or will carry the flag, in the list's order: both plans walk it, and PostgreSQL keeps the
 * generic one. (Not with the instant as a fourth column: the generic plan would then count a third
 * of the table as matching it, estimate a walk of thousands of rows, and plan anew again.)
 *
 * SQLite keeps 0165's index: it plans each statement for its values, and it takes a range of that
 * index, where it would walk the whole update-order index rather than this partial one (measured on
 * 100 000 deals: 0.1 ms against 170 ms).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists opps_ws_customer_unreliable`.execute(db);
  await sql`create index opps_ws_customer_unreliable_updated on opportunities (workspace_id, updated_at, id) where customer_unreliable_from is not null`.execute(db);
}
