import { sql, type Kysely } from 'kysely';

/**
 * Interactions (calls, meetings, demos, emails, visits) with a required planned outcome, and their
 * result once their time has passed.
 *
 * - `starts_at` is an instant (UTC text) with the `time_zone` it was planned in; an email may have
 *   neither. `sort_at` is `starts_at`, or the creation instant when there is none: lists page on
 *   (sort_at, id) and "past its time" compares sort_at with now.
 * - Planned outcome: `outcome_kind` (the kind of advance) and `outcome_statement` ("What will the
 *   customer agree to by the end of this call?") are NOT NULL: the database refuses an interaction
 *   without them too. `needs_several_calls` + `first_call_goal` for outcomes that take several calls.
 * - Result: `result` is null until recorded, then advanced | continuation | no_advance, with what the
 *   customer agreed to (`result_agreed`, for advanced) and notes. Agreed actions are commitments
 *   with subject 'interaction' (0090), or on the opportunity's plan when it has one.
 * - `cancelled_at`: a cancelled interaction is kept (calendar feeds say CANCELLED), not judged.
 * - Attendees are contacts or workspace users, exactly one of the two per row.
 * - Opportunities carry two counters kept in the same transaction as a result is recorded, so the
 *   focus flags and the list filter read one row: `results_count` (interactions with a result) and
 *   `no_advance_streak` (consecutive latest results that were not an advance).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id'))
    .addColumn('objective_id', 'text', (c) => c.references('account_objectives.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('sort_at', 'text', (c) => c.notNull())
    .addColumn('outcome_kind', 'text', (c) => c.notNull())
    .addColumn('outcome_statement', 'text', (c) => c.notNull())
    .addColumn('needs_several_calls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_call_goal', 'text')
    .addColumn('planning_notes', 'text')
    .addColumn('result', 'text')
    .addColumn('result_agreed', 'text')
    .addColumn('result_notes', 'text')
    .addColumn('result_recorded_at', 'text')
    .addColumn('result_recorded_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('cancelled_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('interactions_result_known', sql`result is null or result in ('advanced', 'continuation', 'no_advance')`)
    .execute();
  const idx = (name: string, columns: string[]) => db.schema.createIndex(name).on('interactions').columns(columns).execute();
  await idx('interactions_ws_owner_sort', ['workspace_id', 'owner_id', 'sort_at', 'id']);
  await idx('interactions_ws_account_sort', ['workspace_id', 'account_id', 'sort_at', 'id']);
  await idx('interactions_ws_opp_sort', ['workspace_id', 'opportunity_id', 'sort_at', 'id']);
  await idx('interactions_ws_objective', ['workspace_id', 'objective_id']);
  // "Record the outcome" on Today: the owner's past interactions still without a result.
  await db.schema
    .createIndex('interactions_ws_owner_pending')
    .on('interactions')
    .columns(['workspace_id', 'owner_id', 'sort_at'])
    .where(sql.ref('result'), 'is', null)
    .execute();

  await db.schema
    .createTable('interaction_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addCheckConstraint('interaction_attendees_one', sql`(contact_id is null) <> (user_id is null)`)
    .execute();
  await db.schema.createIndex('interaction_attendees_ws_interaction').on('interaction_attendees').columns(['workspace_id', 'interaction_id']).execute();

  await db.schema.alterTable('opportunities').addColumn('results_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('opportunities').addColumn('no_advance_streak', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('notifications').addColumn('interaction_id', 'text', (c) => c.references('interactions.id')).execute();
}
