import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../core/actor.js';
import type { ScopedTable } from '../../core/scope.js';
import { PRIVATE_ENTITY_TYPES } from '../audit/queries.js';

/**
 * What a workspace export holds, table by table — an allow-list: a table or column not named here
 * is never exported (a new feature's table is added here on purpose, or to NOT_EXPORTED; a test
 * holds the two lists to the database's tables).
 */

/** A condition on a table's rows, written against the table's own columns. */
type RowFilter = (actor: Actor) => Expression<SqlBool>;

export type ExportTable = {
  /** The entity's name: its key in workspace.json and its CSV file's name. */
  readonly entity: string;
  readonly table: ScopedTable;
  /** The columns that order it and page through it (unique together). */
  readonly key: readonly string[];
  /** Columns never exported (secrets, and text derived for search). */
  readonly omit?: readonly string[];
  /** Columns holding JSON text: objects in workspace.json, text in the CSV. */
  readonly json?: readonly string[];
  /** Columns private to the person in another column (column → that person's column): empty on others' rows. */
  readonly ownerOnly?: Readonly<Record<string, string>>;
  /** Rows of other people that are private to them. */
  readonly only?: RowFilter;
};

const ownLadders = (actor: Actor) => sql`select id from why_ladders where workspace_id = ${actor.workspaceId} and owner_id = ${actor.id}`;
const ownRungs = (actor: Actor) =>
  sql`select r.id from why_rungs r join why_ladders l on l.id = r.ladder_id where r.workspace_id = ${actor.workspaceId} and l.owner_id = ${actor.id}`;
const privateTypes = sql.join(PRIVATE_ENTITY_TYPES.map((t) => sql.lit(t)));
/** Check-ins whose questions the exporting person answers (only the rep does: features/check-ins/access.ts canAnswer). */
const ownAnswers = (actor: Actor) => sql`select id from check_ins where workspace_id = ${actor.workspaceId} and rep_id = ${actor.id}`;
/**
 * Retrospective answers the exporting person may not read yet: another person's side of a deal
 * whose other side the exporter answers, while that other side is not in (features/retrospectives:
 * each side's answers stay with their author until both are in; perspectiveOf says who answers
 * which side — the owner the rep's, the team's manager the manager's, an admin when nobody leads
 * the owner's team).
 */
const blindAnswers = (actor: Actor) => sql`select r.id from retrospective_answers r
  join opportunities o on o.id = r.opportunity_id
  join users owner on owner.id = o.owner_id
  left join teams team on team.id = owner.team_id
  where r.workspace_id = ${actor.workspaceId} and r.respondent_id <> ${actor.id}
    and not exists (select 1 from retrospective_answers other where other.opportunity_id = r.opportunity_id and other.perspective <> r.perspective)
    and (o.owner_id = ${actor.id} or team.manager_id = ${actor.id}${actor.role === 'admin' ? sql` or owner.team_id is null or team.manager_id is null` : sql``})`;
/**
 * The event that handed a check-in's answers in: the only one of them whose changes name
 * `submittedAt` (it is set once, never cleared: features/check-ins/service.ts saveAnswers). A key
 * of the changes' JSON is the only place `"submittedAt":` can stand unescaped — the answers
 * themselves are JSON text inside it, their quotes escaped — so a rep's words cannot fake it.
 */
const handedIn = (actor: Actor) =>
  sql`select min(h.id) from audit_events h where h.workspace_id = ${actor.workspaceId} and h.entity_id = audit_events.entity_id and h.entity_type = 'check_in_answers' and h.changes like ${'%"submittedAt":%'}`;

const id = ['id'] as const;
const SEARCH = ['search_text'] as const;

export const EXPORT_TABLES: readonly ExportTable[] = [
  { entity: 'users', table: 'users', key: id, omit: ['password_hash'] },
  { entity: 'teams', table: 'teams', key: id },
  { entity: 'invites', table: 'invites', key: id, omit: ['token_hash'] },
  { entity: 'stages', table: 'stages', key: id },
  { entity: 'accounts', table: 'accounts', key: id, omit: SEARCH },
  { entity: 'contacts', table: 'contacts', key: id, omit: SEARCH },
  { entity: 'opportunities', table: 'opportunities', key: id, omit: SEARCH },
  { entity: 'sweet_spot_criteria', table: 'sweet_spot_criteria', key: id },
  { entity: 'opportunity_criteria', table: 'opportunity_criteria', key: ['opportunity_id', 'criterion_id'] },
  { entity: 'objectives', table: 'account_objectives', key: id },
  { entity: 'objective_contributors', table: 'objective_contributors', key: ['objective_id', 'user_id'] },
  { entity: 'objective_opportunities', table: 'objective_opportunities', key: ['objective_id', 'opportunity_id'] },
  { entity: 'objective_insights', table: 'objective_insights', key: id },
  { entity: 'interactions', table: 'interactions', key: id },
  { entity: 'interaction_attendees', table: 'interaction_attendees', key: id },
  { entity: 'plans', table: 'plans', key: id, omit: SEARCH },
  { entity: 'milestones', table: 'plan_milestones', key: id },
  { entity: 'commitments', table: 'commitments', key: id },
  { entity: 'renegotiations', table: 'commitment_renegotiations', key: id },
  { entity: 'plan_templates', table: 'plan_templates', key: id, json: ['content'] },
  { entity: 'share_links', table: 'plan_share_links', key: id, omit: ['token_hash'] },
  { entity: 'share_link_visits', table: 'plan_share_visits', key: id },
  { entity: 'plan_comments', table: 'plan_comments', key: id },
  { entity: 'notifications', table: 'notifications', key: id, json: ['data'] },
  { entity: 'rep_targets', table: 'rep_targets', key: id },
  // Until both sides are in, a side's answers are its author's (features/retrospectives): not the other side's to export.
  { entity: 'retrospectives', table: 'retrospective_answers', key: id, only: (actor) => sql<SqlBool>`id not in (${blindAnswers(actor)})` },
  // Why ladders are private to their owner (features/goals/access.ts): only the exporting person's own.
  { entity: 'why_ladders', table: 'why_ladders', key: id, only: (actor) => sql<SqlBool>`owner_id = ${actor.id}` },
  { entity: 'why_rungs', table: 'why_rungs', key: id, only: (actor) => sql<SqlBool>`ladder_id in (${ownLadders(actor)})` },
  // A goal's link to its why is its owner's alone (never in a goal's audit event either: goals.service.ts).
  { entity: 'goals', table: 'goals', key: id, ownerOnly: { why_id: 'owner_id' } },
  { entity: 'goal_steps', table: 'goal_steps', key: id },
  { entity: 'goal_notes', table: 'goal_notes', key: id },
  { entity: 'check_in_templates', table: 'check_in_templates', key: id, json: ['questions'] },
  { entity: 'check_in_series', table: 'check_in_series', key: id },
  { entity: 'check_ins', table: 'check_ins', key: id, json: ['questions'] },
  // Until the rep hands them in, their answers are a draft nobody else reads (features/check-ins/queries.ts): only the rep's own.
  {
    entity: 'check_in_answers',
    table: 'check_in_answers',
    key: id,
    json: ['answers'],
    only: (actor) => sql<SqlBool>`(submitted_at is not null or id in (${ownAnswers(actor)}))`,
  },
  // A private note is its author's alone.
  { entity: 'check_in_notes', table: 'check_in_notes', key: id, only: (actor) => sql<SqlBool>`(visibility = 'shared' or author_id = ${actor.id})` },
  // A why ladder climbed in a check-in points at the rep's private ladder: only the exporting person's own.
  { entity: 'check_in_coaching', table: 'check_in_coaching', key: id, json: ['rung_ids'], only: (actor) => sql<SqlBool>`ladder_id in (${ownLadders(actor)})` },
  { entity: 'mail_preferences', table: 'mail_preferences', key: ['user_id', 'kind'] },
  // CSV imports: each run with its mapping and counts (not the uploaded file itself), each row's outcome,
  // and the other CRM's ids kept for re-imports.
  { entity: 'imports', table: 'imports', key: id, omit: ['preview', 'claim_token', 'claimed_until'], json: ['headers', 'mapping', 'options', 'stage_values'] },
  { entity: 'import_rows', table: 'import_rows', key: ['import_id', 'row_number'] },
  { entity: 'import_external_ids', table: 'import_external_ids', key: ['system', 'entity', 'external_id'] },
  // The signing secrets (encrypted at rest) never leave; the hint an admin sees does.
  { entity: 'webhook_endpoints', table: 'webhook_endpoints', key: id, omit: ['secret_encrypted', 'previous_secret_encrypted'], json: ['events'] },
  // Every record's history; the private entities' events only for the exporting person's own. So is
  // the history of a check-in's answers while they were a draft: each save before the hand-in carries
  // the draft's words, and the hand-in itself carries the last draft as its "before" — nobody else
  // ever read those, before or after the hand-in. The rep's edits after it change words their
  // manager already reads: those are everyone's history, like the answers themselves.
  {
    entity: 'audit_events',
    table: 'audit_events',
    key: id,
    json: ['changes'],
    only: (actor) =>
      sql<SqlBool>`((entity_type not in (${privateTypes}) or entity_id in (${ownLadders(actor)}) or entity_id in (${ownRungs(actor)}))
        and (entity_type <> 'check_in_answers' or entity_id in (${ownAnswers(actor)}) or id > (${handedIn(actor)}))
        and (entity_type <> 'retrospective' or entity_id not in (${blindAnswers(actor)})))`,
  },
];

/**
 * Tables never exported, and why. Anything holding a secret (even hashed) or a session, and what
 * belongs to the server rather than to the workspace.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  sessions: 'session data',
  sign_in_failures: 'sign-in attempts (security records)',
  idempotency_keys: 'stored API responses (server state)',
  rate_counters: 'request counters (server state)',
  password_resets: 'password reset token hashes',
  signup_requests: 'sign-ups waiting for confirmation (password and token hashes)',
  server_secrets: 'server secrets',
  mail_outbox: 'the mail outbox (its mails carry invite, reset and share links)',
  mail_suppressions: 'unsubscribed address hashes (server-wide)',
  webhook_deliveries: 'the webhook delivery log (what was sent where, kept for retries; each body restates records exported as themselves)',
  webhook_attempts: 'the webhook delivery log (each try’s answer)',
  import_files: 'uploaded CSV files (the records they made are exported as themselves)',
  api_tokens: 'personal API tokens (their hashes; each person sees theirs in Settings)',
  calendar_feeds: 'calendar feed URLs (their token hashes)',
};

/** What README.txt and the API document say is left out. */
export const EXCLUDED_NOTE = [
  'Never exported: password hashes, session data, the hashes of invite, share-link and password-reset tokens, server secrets,',
  'sign-in failures, request counters, stored idempotent responses, the mail outbox (its mails carry links with secrets),',
  'webhook signing secrets and the webhook delivery log, personal API tokens and calendar feed tokens (hashed);',
  'the folded search text of accounts, contacts, opportunities and plans (derived from their fields).',
  'Private to other people, so not in your export: their why ladders and the rungs of them, the audit events of those',
  '(entity types why_ladder and why_rung), why ladders they climbed in a check-in (check_in_coaching), the link from their',
  'goals to their whys (goals.whyId is empty), their private check-in notes, and their check-in answers until they hand',
  'them in (check_in_answers), with the audit events of those drafts and of the hand-in (its "before" is the last draft).',
  'Your own are in it.',
];
