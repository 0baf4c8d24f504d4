import { sql, type Kysely } from 'kysely';

/**
 * `time_zone` on each commitment: the zone its due day is judged in, fixed when the commitment is
 * made (src/server/features/commitments/zones.ts) instead of read from its owner at every request.
 * Read live, a rep who moved their own time zone moved every past verdict with it: switching to
 * Pacific/Pago_Pago turned yesterday's misses into "due today" and late ticks into "on time".
 *
 * Existing commitments take the zone they are judged in today, by the rule the application used
 * until now (written out here: a migration copies no application code): on the seller side the owner's
 * own zone, else the workspace's default; on the customer side the plan's customer zone, else the
 * workspace's default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('commitments').addColumn('time_zone', 'text').execute();
  await sql`
    update commitments set time_zone = coalesce(
      case when commitments.side = 'seller'
        then (select users.time_zone from users where users.id = commitments.owner_user_id)
        else (select plans.customer_time_zone from plans where plans.id = commitments.plan_id)
      end,
      (select workspaces.default_time_zone from workspaces where workspaces.id = commitments.workspace_id)
    )`.execute(db);
}
