import type { Kysely } from 'kysely';

/**
 * Filtered lists page on (sort column, id). Indexes that end in id let both engines walk a page
 * straight from the index: without id, SQLite sorted each run of equal timestamps in a temporary
 * B-tree and PostgreSQL added an incremental sort; contacts sorted by update time had no index at
 * all and were read whole. The new indexes cover every query the ones they replace served.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const replace = async (table: string, old: string, name: string, columns: string[]) => {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
    await db.schema.dropIndex(old).execute();
  };
  await replace('opportunities', 'opps_ws_owner', 'opps_ws_owner_updated_id', ['workspace_id', 'owner_id', 'updated_at', 'id']);
  await replace('opportunities', 'opps_ws_stage', 'opps_ws_stage_updated_id', ['workspace_id', 'stage_id', 'updated_at', 'id']);
  await replace('opportunities', 'opps_ws_account', 'opps_ws_account_updated_id', ['workspace_id', 'account_id', 'updated_at', 'id']);
  await replace('contacts', 'contacts_ws_account', 'contacts_ws_account_name_id', ['workspace_id', 'account_id', 'name', 'id']);
  await db.schema.createIndex('contacts_ws_updated').on('contacts').columns(['workspace_id', 'updated_at', 'id']).execute();
  // A rep's own pipeline and a stage's deals are read by close date and by amount: without these
  // SQLite sorted every matching row per page (p99 of seconds at a million opportunities).
  const idx = (name: string, columns: string[]) => db.schema.createIndex(name).on('opportunities').columns(columns).execute();
  await idx('opps_ws_owner_close_id', ['workspace_id', 'owner_id', 'close_date', 'id']);
  await idx('opps_ws_owner_amount_id', ['workspace_id', 'owner_id', 'amount_minor', 'id']);
  await idx('opps_ws_stage_close_id', ['workspace_id', 'stage_id', 'close_date', 'id']);
  await idx('opps_ws_stage_amount_id', ['workspace_id', 'stage_id', 'amount_minor', 'id']);
}
