import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { ScopedTable } from '../../core/scope.js';

/**
 * Every table that holds a workspace's rows, in the order they can be deleted (children before
 * what they reference). `satisfies` makes a new scoped table a compile error here until it is
 * placed — so a demo reset can never leave rows behind or trip over a foreign key.
 */
const DELETE_ORDER = {
  notifications: 1,
  webhook_attempts: 0.1,
  webhook_deliveries: 0.2,
  webhook_endpoints: 0.3,
  goal_notes: 1.01,
  goal_steps: 1.02,
  goals: 1.03,
  why_rungs: 1.04,
  why_ladders: 1.05,
  mail_outbox: 1.06,
  mail_preferences: 1.07,
  import_rows: 1.08,
  import_external_ids: 1.09,
  import_files: 1.1,
  imports: 16.6,
  password_resets: 16.5,
  api_tokens: 16.6,
  calendar_feeds: 16.6,
  rep_targets: 1.05,
  objective_insights: 1.1,
  objective_opportunities: 1.2,
  objective_contributors: 1.3,
  check_in_coaching: 1.01,
  check_in_notes: 1.4,
  check_in_answers: 1.5,
  check_ins: 1.6,
  check_in_series: 1.7,
  check_in_templates: 1.8,
  plan_comments: 2,
  plan_share_visits: 3,
  plan_share_links: 4,
  commitment_renegotiations: 5,
  commitments: 6,
  interaction_attendees: 6.2,
  interactions: 6.3,
  account_objectives: 6.5,
  plan_milestones: 7,
  plans: 8,
  plan_templates: 9,
  retrospective_answers: 9.4,
  opportunity_criteria: 9.5,
  sweet_spot_criteria: 9.6,
  opportunities: 10,
  contacts: 11,
  accounts: 12,
  stages: 13,
  audit_events: 14,
  invites: 15,
  teams: 16,
  users: 17,
} as const satisfies Record<ScopedTable, number>;

export const WORKSPACE_TABLES = (Object.keys(DELETE_ORDER) as ScopedTable[]).sort((a, b) => DELETE_ORDER[a] - DELETE_ORDER[b]);

/** Deletes one workspace and everything in it (sessions included). Only the demo uses this. */
export async function wipeWorkspace(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('workspace_id', '=', workspaceId).execute();
  // The workspace names its stage gate: let go of it before its stages go.
  await trx.updateTable('workspaces').set({ stage_gate_stage_id: null }).where('id', '=', workspaceId).execute();
  for (const table of WORKSPACE_TABLES) {
    await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }
  await trx.deleteFrom('workspaces').where('id', '=', workspaceId).execute();
}
