import type { Generated } from 'kysely';

/** Instants are stored as RFC 3339 UTC text (`2026-11-23T16:00:00.000Z`) on both engines: they sort
 *  as text, compare portably, and reach the API unchanged. Calendar dates are `YYYY-MM-DD` text. */
type Instant = string;

export type WorkspaceTable = {
  id: string;
  name: string;
  default_time_zone: string;
  is_demo: number;
  /** 0031: when the demo's story was written (demo workspace only). */
  demo_seeded_at?: Instant | null;
  /** 0092: month (1–12) in which the fiscal year starts; currency targets are set in by default. */
  fiscal_year_start_month: Generated<number>;
  target_currency: Generated<string>;
  /** 0094: stage from which an evidenced commitment to change is required (null = no gate). */
  stage_gate_stage_id?: string | null;
  /** 0094: focus thresholds (chased deals). */
  focus_no_advance_streak: Generated<number>;
  focus_no_commitment_days: Generated<number>;
  focus_no_commitment_interactions: Generated<number>;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type UserTable = {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'manager' | 'rep';
  team_id: string | null;
  time_zone: string | null;
  status: 'active' | 'deactivated';
  deactivated_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type TeamTable = {
  id: string;
  workspace_id: string;
  name: string;
  manager_id: string | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type SessionTable = {
  id: string; // sha256 of the cookie token; the token itself is never stored
  user_id: string;
  workspace_id: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
};

export type InviteTable = {
  id: string;
  workspace_id: string;
  email: string;
  role: 'admin' | 'manager' | 'rep';
  team_id: string | null;
  token_hash: string;
  invited_by_id: string;
  created_at: Instant;
  expires_at: Instant;
  accepted_at: Instant | null;
  accepted_user_id: string | null;
  revoked_at: Instant | null;
};

/** core/idempotency.ts: a creating POST's key, its request fingerprint and, once done, its response. */
export type IdempotencyKeyTable = {
  workspace_id: string;
  principal: string;
  key: string;
  request_hash: string;
  status: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: Instant;
  expires_at: Instant;
};

/** core/rate-limit.ts: requests counted per bucket (e.g. `guest-link:<id>`) in fixed windows (epoch ms). */
export type RateCounterTable = {
  bucket: string;
  window_start: number;
  count: number;
};

export type SignInFailureTable = {
  id: string;
  key: string;
  failed_at: Instant;
};

export type AccountTable = {
  id: string;
  workspace_id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  owner_id: string;
  notes: string | null;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
  /** Folded searchable fields (src/domain/search-text.ts); indexed for full-text search. */
  search_text: string;
};

export type ContactTable = {
  id: string;
  workspace_id: string;
  account_id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  buying_role: string | null;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
  /** Folded searchable fields (src/domain/search-text.ts); indexed for full-text search. */
  search_text: string;
};

export type StageTable = {
  id: string;
  workspace_id: string;
  name: string;
  position: number;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type OpportunityTable = {
  id: string;
  workspace_id: string;
  account_id: string;
  name: string;
  // bigint column; pg returns int8 as text unless told otherwise, so connect.ts sets a parser
  amount_minor: number;
  currency: string;
  stage_id: string;
  close_date: string;
  owner_id: string;
  status: 'open' | 'won' | 'lost' | 'walked_away';
  close_reason: string | null;
  closed_at: Instant | null;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
  /** Folded searchable fields (src/domain/search-text.ts); indexed for full-text search. */
  search_text: string;
  /** 0093: kept in the same transaction as an interaction's result is recorded. */
  results_count: Generated<number>;
  no_advance_streak: Generated<number>;
  /** 0165: the customer side's word, kept by the commitment engine (src/domain/customer-word.ts). */
  customer_judged_count: Generated<number>;
  customer_kept_count: Generated<number>;
  customer_late_count: Generated<number>;
  customer_missed_count: Generated<number>;
  customer_open_count: Generated<number>;
  customer_judged_weight: Generated<number>;
  customer_kept_weight: Generated<number>;
  customer_counts_until: Generated<string | null>;
  customer_unreliable_from: Generated<string | null>;
  /** 0175: the instant any focus flag is up from (src/domain/focus.ts `flaggedFrom`), kept by focus/stored.ts. */
  flagged_from: Generated<string | null>;
  /** 0094: qualification. */
  change_commitment: Generated<'none' | 'stated' | 'evidenced'>;
  change_evidence?: string | null;
  change_said_by_contact_id?: string | null;
  change_said_by_name?: string | null;
  change_said_on?: string | null;
  cost_of_inaction?: string | null;
  /** bigint, in the opportunity's currency: PostgreSQL returns it as a string; read with Number(). */
  cost_per_month_minor?: number | string | null;
  compelling_event?: string | null;
  compelling_event_date?: string | null;
};

export type AuditEventTable = {
  id: string;
  workspace_id: string;
  actor_id: string | null;
  actor_name: string;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: string; // JSON: { field: { before, after } }
  occurred_at: Instant;
};

export type PlanTable = {
  id: string;
  workspace_id: string;
  opportunity_id: string;
  title: string;
  agreed_outcome: string | null;
  why_it_matters: string | null;
  cost_of_inaction: string | null;
  start_date: string | null;
  target_date: string;
  status: 'draft' | 'active' | 'completed' | 'abandoned';
  customer_time_zone: string;
  version: number;
  last_activity_at: Instant;
  created_at: Instant;
  updated_at: Instant;
  /** Folded searchable fields (src/domain/search-text.ts); indexed for full-text search. */
  search_text: string;
};

export type PlanMilestoneTable = {
  id: string;
  workspace_id: string;
  plan_id: string;
  title: string;
  due_date: string | null;
  position: number;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

/** What a commitment belongs to (migration 0090): plan_id is set exactly when the kind is 'plan'. */
export type CommitmentSubjectKind = 'plan' | 'objective' | 'interaction' | 'check_in';

export type CommitmentTable = {
  id: string;
  workspace_id: string;
  subject_kind: CommitmentSubjectKind;
  subject_id: string;
  plan_id: string | null;
  milestone_id: string | null;
  position: number;
  side: 'seller' | 'customer';
  owner_user_id: string | null;
  owner_contact_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  role: string | null;
  title: string;
  detail: string | null;
  due_date: string;
  original_due_date: string;
  must_do: number;
  internal_only: number;
  status: 'open' | 'done' | 'dropped';
  drop_reason: string | null;
  done_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
  /** 0105: the interaction whose advance agreed it (wherever it went: the deal's plan or the interaction). */
  agreed_in_interaction_id?: string | null;
  /** 0205: the IANA zone its due day is judged in, fixed when it is made (commitments/zones.ts); null only in rows written around the engine (bench loaders), which fall back to the rule. */
  time_zone?: string | null;
};

export type CommitmentRenegotiationTable = {
  id: string;
  workspace_id: string;
  plan_id: string | null;
  commitment_id: string;
  from_date: string;
  to_date: string;
  reason: string;
  status: 'pending' | 'accepted' | 'declined';
  requested_by_side: 'seller' | 'customer';
  requested_by_user_id: string | null;
  requested_by_name: string;
  requested_at: Instant;
  in_advance: number;
  decided_by_side: 'seller' | 'customer' | null;
  decided_by_user_id: string | null;
  decided_by_name: string | null;
  decided_at: Instant | null;
  note: string | null;
};

export type PlanTemplateTable = {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  builtin_key: string | null;
  length_days: number;
  content: string; // JSON: { milestones, commitments } (see shared/plan-templates.ts)
  created_by_id: string | null;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type PlanShareLinkTable = {
  id: string;
  workspace_id: string;
  plan_id: string;
  recipient_name: string;
  recipient_email: string | null;
  token_hash: string; // sha256 of the token; the token itself is shown once and never stored
  created_by_id: string;
  created_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
  last_viewed_at: Instant | null;
  view_count: number;
  /** 0132: when the link was sent to the recipient by email, and when they stopped its reminders. */
  emailed_at?: Instant | null;
  reminders_stopped_at?: Instant | null;
};

export type PlanShareVisitTable = {
  id: string;
  workspace_id: string;
  share_link_id: string;
  visited_at: Instant;
};

export type PlanCommentTable = {
  id: string;
  workspace_id: string;
  plan_id: string;
  author_side: 'seller' | 'customer';
  author_user_id: string | null;
  share_link_id: string | null;
  author_name: string;
  body: string;
  created_at: Instant;
};

export type NotificationTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  plan_id: string | null;
  text: string;
  created_at: Instant;
  read_at: Instant | null;
  /** 0030: who did it, what happened (JSON of NotificationData), through which link, how many events. */
  actor_name?: string | null;
  data?: string | null;
  share_link_id?: string | null;
  event_count?: number;
  last_event_at?: Instant | null;
  /** 0091: the objective it links to (an invitation to contribute). */
  objective_id?: string | null;
  /** 0093: the interaction it links to. */
  interaction_id?: string | null;
  /** 0126: the check-in it links to, and the event it is about (unique per person: never sent twice). */
  check_in_id?: string | null;
  dedupe_key?: string | null;
};

/** 0091: strategic objectives on accounts. */
export type AccountObjectiveTable = {
  id: string;
  workspace_id: string;
  account_id: string;
  title: string;
  kind: 'new_line_of_business' | 'new_market' | 'new_region' | 'expansion' | 'renewal' | 'other';
  client_goal: string | null;
  /** bigint: PostgreSQL returns it as a string; read with Number(). */
  target_amount_minor: number | string | null;
  target_currency: string | null;
  target_date: string;
  status: 'planned' | 'active' | 'achieved' | 'missed' | 'dropped';
  owner_id: string;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type ObjectiveContributorTable = { workspace_id: string; objective_id: string; user_id: string; invited_by_id: string | null; created_at: Instant };
export type ObjectiveOpportunityTable = { workspace_id: string; objective_id: string; opportunity_id: string };
export type ObjectiveInsightTable = { id: string; workspace_id: string; objective_id: string; author_id: string; author_name: string; body: string; created_at: Instant };

/** 0130: features/mail. One row per mail; see the migration for the rules. */
export type MailOutboxTable = {
  id: string;
  workspace_id: string | null;
  dedupe_key: string;
  kind: string;
  to_address: string;
  to_name: string | null;
  user_id: string | null;
  share_link_id: string | null;
  /** JSON: what the mail says (MailData of its kind), rendered when sent or shown. */
  data: string;
  /** Where links in the mail point (the request's origin when PUBLIC_URL is unset). */
  base_url: string | null;
  contains_secret: number;
  /** skipped: the recipient turned this kind off after it was queued. */
  status: 'pending' | 'sent' | 'dead' | 'skipped';
  attempts: number;
  next_attempt_at: Instant;
  claimed_until: Instant | null;
  claim_token: string | null;
  last_error: string | null;
  created_at: Instant;
  updated_at: Instant;
  sent_at: Instant | null;
};

export type MailPreferenceTable = { workspace_id: string; user_id: string; kind: string; enabled: number; updated_at: Instant };
export type MailSuppressionTable = { address_hash: string; kind: string; created_at: Instant };
export type ServerSecretTable = { name: string; value: string; created_at: Instant };

/** 0131: password reset links (hashed, single use, expiring). */
export type PasswordResetTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
};

/** 0155: a personal API token; only the SHA-256 of its secret is kept. */
export type ApiTokenTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  scope: 'read' | 'read_write';
  token_hash: string;
  /** The secret's last four characters, to tell tokens apart. */
  hint: string;
  created_at: Instant;
  /** The last day it works, in the person's zone when it was made; null: no expiry. */
  expires_on: string | null;
  /** The end of `expires_on` there: the first instant it no longer works. */
  expires_at: Instant | null;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
};

/** 0131: a sign-up waiting for its address to be confirmed (SMTP_URL set). */
export type SignupRequestTable = {
  id: string;
  email: string;
  token_hash: string;
  workspace_name: string;
  name: string;
  password_hash: string;
  time_zone: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
};

export type RepTargetTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  fiscal_year: number;
  /** bigint: PostgreSQL returns it as a string; read with Number(). */
  amount_minor: number | string;
  currency: string;
  set_by_id: string | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type InteractionKind = 'call' | 'meeting' | 'demo' | 'email' | 'visit' | 'other';
export type AdvanceKind = 'introduction' | 'information' | 'trial' | 'conceptual_agreement' | 'commitment_to_change' | 'other';
export type InteractionResult = 'advanced' | 'continuation' | 'no_advance';

export type InteractionTable = {
  id: string;
  workspace_id: string;
  account_id: string;
  opportunity_id: string | null;
  objective_id: string | null;
  owner_id: string;
  kind: InteractionKind;
  starts_at: Instant | null;
  time_zone: string | null;
  duration_minutes: number | null;
  sort_at: Instant;
  outcome_kind: AdvanceKind;
  outcome_statement: string;
  needs_several_calls: number;
  first_call_goal: string | null;
  planning_notes: string | null;
  result: InteractionResult | null;
  result_agreed: string | null;
  result_notes: string | null;
  result_recorded_at: Instant | null;
  result_recorded_by_id: string | null;
  cancelled_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type InteractionAttendeeTable = { id: string; workspace_id: string; interaction_id: string; contact_id: string | null; user_id: string | null };

export type SweetSpotCriterionTable = {
  id: string;
  workspace_id: string;
  label: string;
  position: number;
  archived_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type OpportunityCriterionTable = { workspace_id: string; opportunity_id: string; criterion_id: string; answer: 'met' | 'not_met' | 'unknown' };

/** 0140: a person's secret calendar feed URL (only the token's hash; at most one live per person). */
export type CalendarFeedTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  created_at: Instant;
  revoked_at: Instant | null;
  last_used_at: Instant | null;
};

/** 0136: one person's answers to a closed deal's retrospective (the owner's, or their manager's). */
export type RetrospectiveAnswerTable = {
  id: string;
  workspace_id: string;
  opportunity_id: string;
  perspective: 'rep' | 'manager';
  respondent_id: string;
  planned_outcomes: 'yes' | 'partly' | 'no';
  advances_won: 'yes' | 'partly' | 'no';
  customer_kept: 'yes' | 'partly' | 'no';
  mutual_plan: 'yes' | 'partly' | 'no';
  change_commitment: 'yes' | 'partly' | 'no';
  process_judgement: 'sound' | 'weak';
  lesson: string | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

/** 0120: a rep's why ladder and the why goal it leads to — private unless shared with their manager. */
export type WhyLadderTable = {
  id: string;
  workspace_id: string;
  owner_id: string;
  why: string | null;
  why_saved_at: Instant | null;
  stopped_changing: number;
  shared_with_manager: number;
  shared_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type WhyRungTable = { id: string; workspace_id: string; ladder_id: string; position: number; answer: string; created_at: Instant };

export type GoalKindColumn = 'outcome' | 'process' | 'learning';
export type GoalStatusColumn = 'active' | 'done' | 'dropped';

/** 0121: what goals. */
export type GoalTable = {
  id: string;
  workspace_id: string;
  owner_id: string;
  set_by_id: string;
  kind: GoalKindColumn;
  title: string;
  period_start: string;
  period_end: string;
  measure: string | null;
  /** bigint: PostgreSQL returns it as a string; read with Number(). */
  measure_amount_minor: number | string | null;
  measure_currency: string | null;
  target_value: number | null;
  /** bigint: PostgreSQL returns it as a string; read with Number(). */
  target_amount_minor: number | string | null;
  target_currency: string | null;
  why_id: string | null;
  stretch: number;
  status: GoalStatusColumn;
  closed_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

/** 0122: one current step per goal (a unique partial index), the others done or set aside. */
export type GoalStepTable = {
  id: string;
  workspace_id: string;
  goal_id: string;
  position: number;
  text: string;
  status: 'current' | 'done' | 'set_aside';
  lesson: string | null;
  done_at: Instant | null;
  done_on: string | null;
  closed_at: Instant | null;
  created_at: Instant;
};

/** 0123: the rep's notes on a goal. */
export type GoalNoteTable = { id: string; workspace_id: string; goal_id: string; author_id: string; body: string; created_at: Instant };

/** 0125: check-ins (recurring 1:1s), their occurrences, the rep's answers and notes. */
export type CheckInTemplateTable = { id: string; workspace_id: string; questions: string; updated_by_id: string | null; version: number; created_at: Instant; updated_at: Instant };

export type CheckInSeriesTable = {
  id: string;
  workspace_id: string;
  manager_id: string;
  rep_id: string;
  cadence: 'weekly' | 'biweekly' | 'monthly';
  weekday: number | null;
  day_of_month: number | null;
  time: string;
  time_zone: string;
  starts_on: string;
  duration_minutes: number;
  ended_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type CheckInTable = {
  id: string;
  workspace_id: string;
  series_id: string;
  manager_id: string;
  rep_id: string;
  scheduled_at: Instant;
  local_date: string;
  local_time: string;
  time_zone: string;
  questions: string;
  status: 'upcoming' | 'held' | 'skipped';
  held_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

/** The rep's answers to one check-in; `id` is the check-in's id. */
export type CheckInAnswersTable = { id: string; workspace_id: string; answers: string; submitted_at: Instant | null; version: number; created_at: Instant; updated_at: Instant };

export type CheckInNoteTable = {
  id: string;
  workspace_id: string;
  check_in_id: string;
  author_id: string;
  author_name: string;
  body: string;
  visibility: 'private' | 'shared';
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

/** 0127: a why ladder climbed in a check-in (the ladder is the rep's; `rung_ids` JSON: the session's rungs). */
export type CheckInCoachingTable = {
  id: string;
  workspace_id: string;
  check_in_id: string;
  ladder_id: string;
  manager_id: string;
  rung_ids: string;
  started_at: Instant;
  closed_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type Database = {
  workspaces: WorkspaceTable;
  users: UserTable;
  teams: TeamTable;
  sessions: SessionTable;
  invites: InviteTable;
  sign_in_failures: SignInFailureTable;
  idempotency_keys: IdempotencyKeyTable;
  rate_counters: RateCounterTable;
  accounts: AccountTable;
  contacts: ContactTable;
  stages: StageTable;
  opportunities: OpportunityTable;
  audit_events: AuditEventTable;
  plans: PlanTable;
  plan_milestones: PlanMilestoneTable;
  commitments: CommitmentTable;
  commitment_renegotiations: CommitmentRenegotiationTable;
  plan_templates: PlanTemplateTable;
  plan_share_links: PlanShareLinkTable;
  plan_share_visits: PlanShareVisitTable;
  plan_comments: PlanCommentTable;
  notifications: NotificationTable;
  account_objectives: AccountObjectiveTable;
  objective_contributors: ObjectiveContributorTable;
  objective_opportunities: ObjectiveOpportunityTable;
  objective_insights: ObjectiveInsightTable;
  rep_targets: RepTargetTable;
  interactions: InteractionTable;
  interaction_attendees: InteractionAttendeeTable;
  sweet_spot_criteria: SweetSpotCriterionTable;
  opportunity_criteria: OpportunityCriterionTable;
  retrospective_answers: RetrospectiveAnswerTable;
  why_ladders: WhyLadderTable;
  why_rungs: WhyRungTable;
  goals: GoalTable;
  goal_steps: GoalStepTable;
  goal_notes: GoalNoteTable;
  check_in_templates: CheckInTemplateTable;
  check_in_series: CheckInSeriesTable;
  check_ins: CheckInTable;
  check_in_answers: CheckInAnswersTable;
  check_in_notes: CheckInNoteTable;
  check_in_coaching: CheckInCoachingTable;
  mail_outbox: MailOutboxTable;
  mail_preferences: MailPreferenceTable;
  server_secrets: ServerSecretTable;
  mail_suppressions: MailSuppressionTable;
  password_resets: PasswordResetTable;
  signup_requests: SignupRequestTable;
  api_tokens: ApiTokenTable;
  calendar_feeds: CalendarFeedTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  imports: ImportTable;
  import_files: ImportFileTable;
  import_rows: ImportRowTable;
  import_external_ids: ImportExternalIdTable;
};


/** 0160–0162: features/webhooks. See the migrations for the rules. */
export type WebhookEndpointTable = {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types. */
  events: string;
  enabled: number;
  /** AES-256-GCM, base64 `iv.tag.ciphertext` (features/webhooks/secrets.ts). */
  secret_encrypted: string;
  secret_hint: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Instant | null;
  created_by_id: string | null;
  deleted_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type WebhookDeliveryTable = {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  dedupe_key: string;
  event_id: string;
  event_type: string;
  body: string;
  status: 'pending' | 'delivered' | 'dead' | 'skipped';
  attempts: number;
  next_attempt_at: Instant;
  claimed_until: Instant | null;
  claim_token: string | null;
  last_response_status: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  created_at: Instant;
  updated_at: Instant;
  delivered_at: Instant | null;
};

export type WebhookAttemptTable = {
  id: string;
  workspace_id: string;
  delivery_id: string;
  attempted_at: Instant;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
};

/** 0170: an import's file, apart from its often-written row. */
export type ImportFileTable = {
  import_id: string;
  workspace_id: string;
  csv_text: string;
};

/** 0145: one CSV import (features/imports); JSON columns are text; 0170 moved the file to import_files. */
export type ImportTable = {
  id: string;
  workspace_id: string;
  entity: 'accounts' | 'contacts' | 'opportunities' | 'users';
  source: 'salesforce' | 'hubspot' | 'csv';
  file_name: string;
  size_bytes: number;
  row_count: number;
  headers: string;
  mapping: string;
  options: string;
  preview: string;
  stage_values: string;
  status: 'draft' | 'queued' | 'running' | 'done' | 'failed';
  processed_rows: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  unchanged_count: Generated<number>;
  skipped_count: Generated<number>;
  claimed_until: Instant | null;
  claim_token: string | null;
  error: string | null;
  created_by_id: string | null;
  created_by_name: string;
  version: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
  started_at: Instant | null;
  finished_at: Instant | null;
};

export type ImportRowTable = {
  workspace_id: string;
  import_id: string;
  row_number: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'skipped';
  record_id: string | null;
  external_id: string | null;
  reason: string | null;
};

export type ImportExternalIdTable = {
  workspace_id: string;
  system: string;
  entity: string;
  external_id: string;
  record_id: string;
  created_at: Instant;
};
