import type { Kysely } from 'kysely';

/**
 * Where a commitment was agreed: the interaction whose advance produced it. An advance on a deal with
 * a mutual plan puts its agreed actions on the plan (subject 'plan'), so the subject alone no longer
 * says they came from the call; this column does, and the interaction page lists them wherever they
 * went. Null for everything else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('commitments').addColumn('agreed_in_interaction_id', 'text', (c) => c.references('interactions.id')).execute();
  await db.schema.createIndex('commitments_ws_agreed_in').on('commitments').columns(['workspace_id', 'agreed_in_interaction_id']).execute();
}
