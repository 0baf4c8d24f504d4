import type { WebhookEventType } from '../../../shared/webhook-events.js';
import type { CommitmentRenegotiationTable, InteractionTable } from '../../core/db/schema.js';
import type { Scope } from '../../core/scope.js';
import { emitWebhook, hasSubscribers, subscribedTypes } from './emit.js';

/**
 * What each domain event sends, called by the domain functions at the moment the event happens, in
 * their transaction (commitments engine and re-dating, plans, sharing and the customer's page,
 * interactions, opportunities). Each key names the event uniquely — usually the record and the
 * version the change produced — so a replay queues nothing new. Commitments agreed in a check-in
 * stay between a manager and a rep: they send nothing.
 */

type Who = { id: string | null; name: string };
const who = (a: Who | null | undefined) => (a ? { id: a.id, name: a.name } : null);

/** A commitment as events describe it, with where it lives (plan → opportunity → account). */
async function commitmentFacts(tx: Scope, commitmentId: string) {
  const c = await tx
    .selectFrom('commitments')
    .leftJoin('plans as p', 'p.id', 'commitments.plan_id')
    .leftJoin('opportunities as o', 'o.id', 'p.opportunity_id')
    .select([
      'commitments.id',
      'commitments.subject_kind',
      'commitments.subject_id',
      'commitments.plan_id',
      'commitments.side',
      'commitments.title',
      'commitments.due_date',
      'commitments.original_due_date',
      'commitments.must_do',
      'commitments.status',
      'commitments.done_at',
      'commitments.drop_reason',
      'commitments.owner_user_id',
      'commitments.owner_name',
      'commitments.version',
      'p.title as plan_title',
      'o.id as opportunity_id',
      'o.account_id as account_id',
    ])
    .where('commitments.id', '=', commitmentId)
    .executeTakeFirst();
  if (!c || c.subject_kind === 'check_in') return null;
  return {
    version: c.version,
    data: {
      commitment: {
        id: c.id,
        title: c.title,
        side: c.side,
        status: c.status,
        dueDate: c.due_date,
        originalDueDate: c.original_due_date,
        mustDo: c.must_do === 1,
        doneAt: c.done_at,
        dropReason: c.drop_reason,
        owner: { userId: c.owner_user_id, name: c.owner_name },
        subject: { kind: c.subject_kind, id: c.subject_id },
      },
      plan: c.plan_id ? { id: c.plan_id, title: c.plan_title } : null,
      opportunityId: c.opportunity_id ?? null,
      accountId: c.account_id ?? null,
    },
  };
}

/** commitment.created / completed / reopened / dropped / redated, after the change is written. */
export async function commitmentEvent(tx: Scope, type: Extract<WebhookEventType, `commitment.${string}`>, commitmentId: string, by: Who | null, extra: Record<string, unknown> = {}): Promise<void> {
  if (!(await hasSubscribers(tx, type))) return;
  const facts = await commitmentFacts(tx, commitmentId);
  if (!facts) return;
  await emitWebhook(tx, { type, key: `${type}:${commitmentId}:v${facts.version}`, data: { ...facts.data, ...extra, by: who(by) } });
}

/** The status change of a commitment as an event type, or null when the status did not change. */
export function statusEventType(before: string, after: string): 'commitment.completed' | 'commitment.reopened' | 'commitment.dropped' | null {
  if (before === after) return null;
  if (after === 'done') return 'commitment.completed';
  if (after === 'dropped') return 'commitment.dropped';
  return 'commitment.reopened';
}

const renegotiationData = (r: CommitmentRenegotiationTable) => ({
  id: r.id,
  fromDate: r.from_date,
  toDate: r.to_date,
  reason: r.reason,
  status: r.status,
  requestedBy: { side: r.requested_by_side, userId: r.requested_by_user_id, name: r.requested_by_name },
  requestedAt: r.requested_at,
  inAdvance: r.in_advance === 1,
  decidedBy: r.decided_by_side ? { side: r.decided_by_side, userId: r.decided_by_user_id, name: r.decided_by_name } : null,
  decidedAt: r.decided_at,
  note: r.note,
});

/** renegotiation.proposed (a new date waits for the other side) and renegotiation.answered (accepted or declined). */
export async function renegotiationEvent(tx: Scope, type: 'renegotiation.proposed' | 'renegotiation.answered', r: CommitmentRenegotiationTable): Promise<void> {
  if (!(await hasSubscribers(tx, type))) return;
  const facts = await commitmentFacts(tx, r.commitment_id);
  if (!facts) return;
  await emitWebhook(tx, { type, key: `${type}:${r.id}`, data: { renegotiation: renegotiationData(r), ...facts.data } });
}

async function planFacts(tx: Scope, planId: string) {
  const p = await tx
    .selectFrom('plans')
    .innerJoin('opportunities as o', 'o.id', 'plans.opportunity_id')
    .select(['plans.id', 'plans.title', 'plans.status', 'plans.target_date', 'o.id as opportunity_id', 'o.name as opportunity_name', 'o.account_id', 'o.owner_id'])
    .where('plans.id', '=', planId)
    .executeTakeFirstOrThrow();
  return { plan: { id: p.id, title: p.title, status: p.status, targetDate: p.target_date }, opportunity: { id: p.opportunity_id, name: p.opportunity_name, ownerId: p.owner_id }, accountId: p.account_id };
}

/** plan.created, plan.shared, plan.viewed_by_customer, plan.comment_added: `key` names the one occurrence. */
export async function planEvent(tx: Scope, type: Extract<WebhookEventType, `plan.${string}`>, planId: string, key: string, extra: Record<string, unknown>): Promise<void> {
  if (!(await hasSubscribers(tx, type))) return;
  await emitWebhook(tx, { type, key: `${type}:${key}`, data: { ...(await planFacts(tx, planId)), ...extra } });
}

const interactionData = (i: InteractionTable) => ({
  id: i.id,
  kind: i.kind,
  accountId: i.account_id,
  opportunityId: i.opportunity_id,
  objectiveId: i.objective_id,
  ownerId: i.owner_id,
  startsAt: i.starts_at,
  timeZone: i.time_zone,
  durationMinutes: i.duration_minutes,
  plannedOutcome: { kind: i.outcome_kind, statement: i.outcome_statement },
  result: i.result,
  resultAgreed: i.result_agreed,
  resultRecordedAt: i.result_recorded_at,
  cancelledAt: i.cancelled_at,
});

/** interaction.planned / cancelled / result_recorded, read after the change is written. */
export async function interactionEvent(tx: Scope, type: Extract<WebhookEventType, `interaction.${string}`>, interactionId: string, by: Who, extra: Record<string, unknown> = {}): Promise<void> {
  if (!(await hasSubscribers(tx, type))) return;
  const row = await tx.selectFrom('interactions').selectAll('interactions').where('interactions.id', '=', interactionId).executeTakeFirstOrThrow();
  await emitWebhook(tx, { type, key: `${type}:${row.id}:v${row.version}`, data: { interaction: interactionData(row), ...extra, by: who(by) } });
}

type OppState = { status: string; stage_id: string; close_reason: string | null };

/** opportunity.created, and after a change: won / lost / walked_away / reopened and stage_changed, each as it applies. */
export async function opportunityEvents(tx: Scope, opportunityId: string, before: OppState | null, by: Who): Promise<void> {
  if (![...(await subscribedTypes(tx))].some((t) => t.startsWith('opportunity.'))) return;
  const o = await tx
    .selectFrom('opportunities')
    .innerJoin('stages as s', 's.id', 'opportunities.stage_id')
    .select(['opportunities.id', 'opportunities.name', 'opportunities.account_id', 'opportunities.owner_id', 'opportunities.amount_minor', 'opportunities.currency', 'opportunities.close_date', 'opportunities.status', 'opportunities.close_reason', 'opportunities.closed_at', 'opportunities.stage_id', 'opportunities.version', 's.name as stage_name'])
    .where('opportunities.id', '=', opportunityId)
    .executeTakeFirstOrThrow();
  const data = {
    opportunity: {
      id: o.id,
      name: o.name,
      accountId: o.account_id,
      ownerId: o.owner_id,
      amount: { amountMinor: Number(o.amount_minor), currency: o.currency },
      closeDate: o.close_date,
      status: o.status,
      closeReason: o.close_reason,
      closedAt: o.closed_at,
      stage: { id: o.stage_id, name: o.stage_name },
    },
    by: who(by),
  };
  const emit = (type: Extract<WebhookEventType, `opportunity.${string}`>, extra: Record<string, unknown> = {}) =>
    emitWebhook(tx, { type, key: `${type}:${o.id}:v${o.version}`, data: { ...data, ...extra } });
  if (!before) {
    await emit('opportunity.created');
    return;
  }
  if (before.status !== o.status) {
    const type = o.status === 'open' ? 'opportunity.reopened' : (`opportunity.${o.status}` as 'opportunity.won' | 'opportunity.lost' | 'opportunity.walked_away');
    await emit(type, { previousStatus: before.status });
  }
  if (before.stage_id !== o.stage_id) await emit('opportunity.stage_changed', { previousStageId: before.stage_id });
}
