import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { dbKind, type Db } from './connect.js';
import { judgeMarkedDeals } from '../../features/commitments/customer-word.js';
import { judgeMarkedFlags } from '../../features/focus/stored.js';
import * as m0001 from './migrations/0001_workspaces.js';
import * as m0002 from './migrations/0002_users_teams.js';
import * as m0003 from './migrations/0003_sessions.js';
import * as m0004 from './migrations/0004_invites.js';
import * as m0005 from './migrations/0005_sign_in_failures.js';
import * as m0006 from './migrations/0006_accounts.js';
import * as m0007 from './migrations/0007_contacts.js';
import * as m0008 from './migrations/0008_stages.js';
import * as m0009 from './migrations/0009_opportunities.js';
import * as m0010 from './migrations/0010_audit_events.js';
import * as m0011 from './migrations/0011_keyset_filter_indexes.js';
import * as m0012 from './migrations/0012_plans.js';
import * as m0013 from './migrations/0013_plan_milestones.js';
import * as m0014 from './migrations/0014_commitments.js';
import * as m0015 from './migrations/0015_commitment_renegotiations.js';
import * as m0016 from './migrations/0016_plan_templates.js';
import * as m0017 from './migrations/0017_builtin_plan_templates.js';
import * as m0018 from './migrations/0018_plan_share_links.js';
import * as m0019 from './migrations/0019_plan_share_visits.js';
import * as m0020 from './migrations/0020_plan_comments.js';
import * as m0021 from './migrations/0021_notifications.js';
import * as m0030 from './migrations/0030_notification_data.js';
import * as m0031 from './migrations/0031_workspace_demo_seeded_at.js';
import * as m0032 from './migrations/0032_demo_audit_reset.js';
import * as m0050 from './migrations/0050_idempotency_keys.js';
import * as m0051 from './migrations/0051_rate_counters.js';
import * as m0060 from './migrations/0060_search_text.js';
import * as m0061 from './migrations/0061_search_prefix_indexes.js';
import * as m0070 from './migrations/0070_teams_manager_index.js';
import * as m0080 from './migrations/0080_builtin_template_must_do_lead.js';
import * as m0090 from './migrations/0090_commitment_subjects.js';
import * as m0091 from './migrations/0091_account_objectives.js';
import * as m0092 from './migrations/0092_fiscal_targets.js';
import * as m0093 from './migrations/0093_interactions.js';
import * as m0094 from './migrations/0094_qualification.js';
import * as m0105 from './migrations/0105_commitments_agreed_in_interaction.js';
import * as m0106 from './migrations/0106_interactions_ws_sort.js';
import * as m0115 from './migrations/0115_focus_open_deal_indexes.js';
import * as m0120 from './migrations/0120_why_ladders.js';
import * as m0121 from './migrations/0121_goals.js';
import * as m0122 from './migrations/0122_goal_steps.js';
import * as m0123 from './migrations/0123_goal_notes.js';
import * as m0125 from './migrations/0125_check_ins.js';
import * as m0126 from './migrations/0126_check_in_notifications.js';
import * as m0127 from './migrations/0127_check_in_coaching.js';
import * as m0130 from './migrations/0130_mail_outbox.js';
import * as m0131 from './migrations/0131_account_email_tokens.js';
import * as m0132 from './migrations/0132_share_link_mail.js';
import * as m0135 from './migrations/0135_coaching_indexes.js';
import * as m0136 from './migrations/0136_retrospectives.js';
import * as m0140 from './migrations/0140_calendar_feeds.js';
import * as m0141 from './migrations/0141_interaction_attendees_user.js';
import * as m0145 from './migrations/0145_imports.js';
import * as m0155 from './migrations/0155_api_tokens.js';
import * as m0160 from './migrations/0160_webhook_endpoints.js';
import * as m0161 from './migrations/0161_webhook_deliveries.js';
import * as m0162 from './migrations/0162_webhook_attempts.js';
import * as m0165 from './migrations/0165_customer_word.js';
import * as m0170 from './migrations/0170_import_files.js';
import * as m0175 from './migrations/0175_flagged_from.js';
import * as m0190 from './migrations/0190_judge_again_index.js';
import * as m0195 from './migrations/0195_focus_indexes_merged.js';
import * as m0200 from './migrations/0200_customer_unreliable_in_update_order.js';
import * as m0205 from './migrations/0205_commitment_time_zone.js';
import * as m0210 from './migrations/0210_final_sigma.js';

/** Numbered migrations, applied in order on start and in tests. Add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '0001_workspaces': m0001,
  '0002_users_teams': m0002,
  '0003_sessions': m0003,
  '0004_invites': m0004,
  '0005_sign_in_failures': m0005,
  '0006_accounts': m0006,
  '0007_contacts': m0007,
  '0008_stages': m0008,
  '0009_opportunities': m0009,
  '0010_audit_events': m0010,
  '0011_keyset_filter_indexes': m0011,
  '0012_plans': m0012,
  '0013_plan_milestones': m0013,
  '0014_commitments': m0014,
  '0015_commitment_renegotiations': m0015,
  '0016_plan_templates': m0016,
  '0017_builtin_plan_templates': m0017,
  '0018_plan_share_links': m0018,
  '0019_plan_share_visits': m0019,
  '0020_plan_comments': m0020,
  '0021_notifications': m0021,
  '0030_notification_data': m0030,
  '0031_workspace_demo_seeded_at': m0031,
  '0032_demo_audit_reset': m0032,
  '0050_idempotency_keys': m0050,
  '0051_rate_counters': m0051,
  '0060_search_text': m0060,
  '0061_search_prefix_indexes': m0061,
  '0070_teams_manager_index': m0070,
  '0080_builtin_template_must_do_lead': m0080,
  '0090_commitment_subjects': m0090,
  '0091_account_objectives': m0091,
  '0092_fiscal_targets': m0092,
  '0093_interactions': m0093,
  '0094_qualification': m0094,
  '0105_commitments_agreed_in_interaction': m0105,
  '0106_interactions_ws_sort': m0106,
  '0115_focus_open_deal_indexes': m0115,
  '0120_why_ladders': m0120,
  '0121_goals': m0121,
  '0122_goal_steps': m0122,
  '0123_goal_notes': m0123,
  '0125_check_ins': m0125,
  '0126_check_in_notifications': m0126,
  '0127_check_in_coaching': m0127,
  '0130_mail_outbox': m0130,
  '0131_account_email_tokens': m0131,
  '0132_share_link_mail': m0132,
  '0135_coaching_indexes': m0135,
  '0136_retrospectives': m0136,
  '0140_calendar_feeds': m0140,
  '0141_interaction_attendees_user': m0141,
  '0145_imports': m0145,
  '0155_api_tokens': m0155,
  '0160_webhook_endpoints': m0160,
  '0161_webhook_deliveries': m0161,
  '0162_webhook_attempts': m0162,
  '0165_customer_word': m0165,
  '0170_import_files': m0170,
  '0175_flagged_from': m0175,
  '0190_judge_again_index': m0190,
  '0195_focus_indexes_merged': m0195,
  '0200_customer_unreliable_in_update_order': m0200,
  '0205_commitment_time_zone': m0205,
  '0210_final_sigma': m0210,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// On PostgreSQL the bookkeeping tables live in the current schema (not wherever the first
// `kysely_migration` happens to be on the search path), so separate schemas never share them.
async function migrator(db: Db): Promise<Migrator> {
  if (dbKind(db) !== 'postgres') return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0].schema });
}

/**
 * Data a migration marked for the application's own rules to fill (a migration copies no
 * application code; see 0165): each judge fills what is marked, after the migrations and before the
 * app serves. They run on every start, so each must be cheap when nothing is marked: its marker has
 * a partial index (0190 for the deals' customer word), and finding nothing is one index read.
 */
export const afterMigrations: ReadonlyArray<{ readonly name: string; readonly judge: (db: Db) => Promise<number> }> = [
  { name: 'customer word of marked deals', judge: (db) => judgeMarkedDeals(db) },
  // The focus flags read the customer side's word: second (0175's marker has its own partial index).
  { name: 'focus flags of marked deals', judge: (db) => judgeMarkedFlags(db) },
];

export async function migrateToLatest(db: Db): Promise<string[]> {
  const m = await migrator(db);
  const { error, results } = await m.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  for (const step of afterMigrations) await step.judge(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies migrations up to and including `name` (tests of a single migration's effect). */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await (await migrator(db)).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const all = await (await migrator(db)).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
