import type { Kysely } from 'kysely';

/**
 * Qualification of opportunities and the workspace's rules for it.
 *
 * - Sweet-spot criteria are defined per workspace (ordered, archivable); each opportunity answers
 *   each criterion met | not_met | unknown (no row = unknown).
 * - Commitment to change on the opportunity: none | stated | evidenced, with the evidence in words,
 *   who said it (a contact, or a name) and on which day; the cost of inaction in words and optionally
 *   per month (minor units, in the opportunity's currency); a compelling event and its date.
 * - Stage gate: when `stage_gate_stage_id` is set, moving an opportunity into that stage or any later
 *   one needs an evidenced commitment to change (409 qualification_required).
 * - Focus thresholds: a deal is flagged as chased when it has had `focus_no_advance_streak` or more
 *   consecutive results without an advance, or still no commitment to change after
 *   `focus_no_commitment_days` days open or `focus_no_commitment_interactions` interactions with a result.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sweet_spot_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sweet_spot_criteria_ws_position').on('sweet_spot_criteria').columns(['workspace_id', 'position']).execute();

  await db.schema
    .createTable('opportunity_criteria')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('sweet_spot_criteria.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_criteria_pk', ['opportunity_id', 'criterion_id'])
    .execute();
  await db.schema.createIndex('opportunity_criteria_ws_criterion').on('opportunity_criteria').columns(['workspace_id', 'criterion_id']).execute();

  const opp = (name: string, type: 'text' | 'bigint') => db.schema.alterTable('opportunities').addColumn(name, type).execute();
  await db.schema.alterTable('opportunities').addColumn('change_commitment', 'text', (c) => c.notNull().defaultTo('none')).execute();
  await opp('change_evidence', 'text');
  await db.schema.alterTable('opportunities').addColumn('change_said_by_contact_id', 'text', (c) => c.references('contacts.id')).execute();
  await opp('change_said_by_name', 'text');
  await opp('change_said_on', 'text');
  await opp('cost_of_inaction', 'text');
  await opp('cost_per_month_minor', 'bigint');
  await opp('compelling_event', 'text');
  await opp('compelling_event_date', 'text');

  await db.schema.alterTable('workspaces').addColumn('stage_gate_stage_id', 'text', (c) => c.references('stages.id')).execute();
  await db.schema.alterTable('workspaces').addColumn('focus_no_advance_streak', 'integer', (c) => c.notNull().defaultTo(3)).execute();
  await db.schema.alterTable('workspaces').addColumn('focus_no_commitment_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await db.schema.alterTable('workspaces').addColumn('focus_no_commitment_interactions', 'integer', (c) => c.notNull().defaultTo(3)).execute();
}
