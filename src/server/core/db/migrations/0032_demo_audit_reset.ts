import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * History stays evidence everywhere — except the demo workspace's made-up story, which "reset demo"
 * and the daily refresh replace whole (the reset itself is recorded in the new demo's history).
 * Updates stay refused everywhere; deletes only in a workspace marked as the demo.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create or replace function audit_events_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and exists (select 1 from workspaces w where w.id = old.workspace_id and w.is_demo = 1) then
          return old;
        end if;
        raise exception 'audit events cannot be changed or deleted';
      end $$`.execute(db);
  } else {
    await sql`drop trigger audit_events_no_delete`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      when coalesce((select is_demo from workspaces where id = old.workspace_id), 0) <> 1
      begin select raise(abort, 'audit events cannot be changed or deleted'); end`.execute(db);
  }
}
