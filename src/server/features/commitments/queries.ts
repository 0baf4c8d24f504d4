import { sql } from 'kysely';
import type { Commitment, CommitmentOwner, Renegotiation } from '../../../shared/commitments.js';
import { classifyCommitment, daysUntilDue, hasPendingDateChange, isMissed, type CommitmentFacts } from '../../../domain/commitments.js';
import type { Actor } from '../../core/actor.js';
import type { CommitmentRenegotiationTable, CommitmentSubjectKind, PlanTable } from '../../core/db/schema.js';
import type { Scope } from '../../core/scope.js';
import { scoped } from '../../core/db/prepared.js';
import { judgedZone } from './zones.js';
import { canEditCommitment, isClosed, type PlanAccess } from '../plans/access.js';

/**
 * Commitments of every kind of subject with what is needed to judge and show them: the owner's name
 * and the time zone their due day is judged in, fixed on the commitment (zones.ts; the rule, read
 * now, only for rows written around the engine). plan_status is null when the subject is not a plan.
 */
export function selectCommitments(scope: Scope) {
  return scope
    .selectFrom('commitments')
    .leftJoin('plans as plan', 'plan.id', 'commitments.plan_id')
    .innerJoin('workspaces as ws', 'ws.id', 'commitments.workspace_id')
    .leftJoin('users as owner_user', 'owner_user.id', 'commitments.owner_user_id')
    .leftJoin('contacts as owner_contact', 'owner_contact.id', 'commitments.owner_contact_id')
    .selectAll('commitments')
    .select(['plan.status as plan_status', 'owner_user.name as owner_user_name', 'owner_contact.name as owner_contact_name', 'owner_contact.email as owner_contact_email'])
    .select(
      judgedZone('commitments', sql.ref('owner_user.time_zone'), sql.ref('plan.customer_time_zone'), sql.ref('ws.default_time_zone')).as(
        'owner_time_zone',
      ),
    );
}

/** Only the commitments on mutual plans (plan_id and the plan's status are then always set). */
export function selectPlanCommitments(scope: Scope) {
  return selectCommitments(scope)
    .where('commitments.subject_kind', '=', 'plan')
    .$narrowType<{ plan_id: string; plan_status: PlanTable['status'] }>();
}

export type AnyCommitmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectCommitments>['executeTakeFirst']>>>;
export type CommitmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectPlanCommitments>['executeTakeFirst']>>>;
export type RenegotiationRow = CommitmentRenegotiationTable;

export function ownerOf(row: AnyCommitmentRow): CommitmentOwner {
  if (row.owner_user_id) return { kind: 'user', id: row.owner_user_id, name: row.owner_user_name ?? '', email: null };
  if (row.owner_contact_id) return { kind: 'contact', id: row.owner_contact_id, name: row.owner_contact_name ?? '', email: row.owner_contact_email };
  return { kind: 'person', id: null, name: row.owner_name ?? '', email: row.owner_email };
}

/** A stable key per owner, for reliability per person. */
export function ownerKeyOf(row: Pick<CommitmentRow, 'owner_user_id' | 'owner_contact_id' | 'owner_name' | 'owner_email'>): string {
  if (row.owner_user_id) return `user:${row.owner_user_id}`;
  if (row.owner_contact_id) return `contact:${row.owner_contact_id}`;
  return `guest:${(row.owner_email ?? row.owner_name ?? '').toLowerCase()}`;
}

/** The plain facts the domain rules judge. */
export function factsOf(row: AnyCommitmentRow, renegotiations: readonly RenegotiationRow[]): CommitmentFacts {
  return {
    id: row.id,
    title: row.title,
    side: row.side,
    ownerKey: ownerKeyOf(row),
    ownerTimeZone: row.owner_time_zone,
    mustDo: row.must_do === 1,
    status: row.status,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    doneAt: row.done_at,
    dateChanges: renegotiations.map((r) => ({ fromDate: r.from_date, toDate: r.to_date, requestedAt: r.requested_at, decidedAt: r.decided_at, status: r.status })),
    createdAt: row.created_at,
  };
}

/**
 * Facts for reliability: an abandoned plan's open commitments are no longer anyone's word, so they
 * count as dropped rather than slowly turning into misses.
 */
export function reliabilityFactsOf(row: AnyCommitmentRow, renegotiations: readonly RenegotiationRow[]): CommitmentFacts {
  const facts = factsOf(row, renegotiations);
  return row.plan_status === 'abandoned' && facts.status === 'open' ? { ...facts, status: 'dropped' } : facts;
}

/** Groups renegotiations by commitment, oldest first. */
export function byCommitment(rows: readonly RenegotiationRow[]): Map<string, RenegotiationRow[]> {
  const map = new Map<string, RenegotiationRow[]>();
  for (const r of [...rows].sort((a, b) => (a.requested_at < b.requested_at ? -1 : a.requested_at > b.requested_at ? 1 : a.id < b.id ? -1 : 1))) {
    const list = map.get(r.commitment_id);
    if (list) list.push(r);
    else map.set(r.commitment_id, [r]);
  }
  return map;
}

export function presentRenegotiation(r: RenegotiationRow, canAnswer: boolean): Renegotiation {
  return {
    id: r.id,
    commitmentId: r.commitment_id,
    fromDate: r.from_date,
    toDate: r.to_date,
    reason: r.reason,
    status: r.status,
    requestedBy: { side: r.requested_by_side, userId: r.requested_by_user_id, name: r.requested_by_name },
    requestedAt: r.requested_at,
    inAdvance: r.in_advance === 1,
    decidedBy: r.decided_by_side ? { side: r.decided_by_side, userId: r.decided_by_user_id, name: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at,
    note: r.note,
    permissions: { canAnswer: canAnswer && r.status === 'pending' },
  };
}

/** The seller side answers what the customer proposed; the customer answers what the seller proposed. */
export const answeringSide = (r: Pick<RenegotiationRow, 'requested_by_side'>) => (r.requested_by_side === 'customer' ? 'seller' : 'customer');

export function presentCommitment(row: AnyCommitmentRow, renegotiations: readonly RenegotiationRow[], access: Pick<PlanAccess, 'canEdit'>, actor: Actor, now = new Date()): Commitment {
  const facts = factsOf(row, renegotiations);
  const verdict = classifyCommitment(facts, now);
  const canEdit = canEditCommitment(access, actor, row) && !(row.plan_status && isClosed(row.plan_status));
  const state = row.status !== 'open' ? row.status : isMissed(facts, now) ? 'missed' : 'open';
  return {
    id: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    planId: row.plan_id,
    milestoneId: row.milestone_id,
    position: row.position,
    side: row.side,
    owner: ownerOf(row),
    ownerTimeZone: row.owner_time_zone,
    role: row.role,
    title: row.title,
    detail: row.detail,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    mustDo: row.must_do === 1,
    internalOnly: row.internal_only === 1,
    status: row.status,
    dropReason: row.drop_reason,
    doneAt: row.done_at,
    state,
    outcome: verdict.outcome,
    daysUntilDue: daysUntilDue(facts, now),
    awaitingAnswer: hasPendingDateChange(facts, now),
    renegotiations: renegotiations.map((r) => presentRenegotiation(r, canEdit && answeringSide(r) === 'seller')),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEdit },
  };
}

export async function renegotiationsOf(scope: Scope, where: { planId?: string; commitmentId?: string; subject?: { kind: CommitmentSubjectKind; id: string } }): Promise<RenegotiationRow[]> {
  let q = scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations');
  if (where.subject) {
    const { kind, id } = where.subject;
    const ofSubject = scope.selectFrom('commitments').select('commitments.id').where('commitments.subject_kind', '=', kind).where('commitments.subject_id', '=', id);
    q = q.where('commitment_renegotiations.commitment_id', 'in', ofSubject);
  }
  if (where.planId) q = q.where('commitment_renegotiations.plan_id', '=', where.planId);
  if (where.commitmentId) q = q.where('commitment_renegotiations.commitment_id', '=', where.commitmentId);
  return q.execute();
}

/**
 * One commitment with its date changes, in one statement (a round trip less on PostgreSQL, after
 * every write that answers with the commitment): a row per date change, or one with `r_id` null.
 */
const commitmentWithRenegotiations = scoped((scope, p: { id: string }) =>
  selectCommitments(scope)
    .leftJoin('commitment_renegotiations as r', (join) => join.onRef('r.commitment_id', '=', 'commitments.id').onRef('r.workspace_id', '=', 'commitments.workspace_id'))
    .select([
      'r.id as r_id',
      'r.plan_id as r_plan_id',
      'r.from_date as r_from_date',
      'r.to_date as r_to_date',
      'r.reason as r_reason',
      'r.status as r_status',
      'r.requested_by_side as r_requested_by_side',
      'r.requested_by_user_id as r_requested_by_user_id',
      'r.requested_by_name as r_requested_by_name',
      'r.requested_at as r_requested_at',
      'r.in_advance as r_in_advance',
      'r.decided_by_side as r_decided_by_side',
      'r.decided_by_user_id as r_decided_by_user_id',
      'r.decided_by_name as r_decided_by_name',
      'r.decided_at as r_decided_at',
      'r.note as r_note',
    ])
    .where('commitments.id', '=', p.id),
);

export async function findCommitment(scope: Scope, actor: Actor, access: Pick<PlanAccess, 'canEdit'>, id: string): Promise<Commitment | undefined> {
  const rows = await commitmentWithRenegotiations.execute(scope, { id });
  if (rows.length === 0) return undefined;
  const renegotiations: RenegotiationRow[] = [];
  for (const r of rows) {
    if (r.r_id === null) continue;
    renegotiations.push({
      id: r.r_id,
      workspace_id: r.workspace_id,
      plan_id: r.r_plan_id,
      commitment_id: r.id,
      from_date: r.r_from_date!,
      to_date: r.r_to_date!,
      reason: r.r_reason!,
      status: r.r_status!,
      requested_by_side: r.r_requested_by_side!,
      requested_by_user_id: r.r_requested_by_user_id,
      requested_by_name: r.r_requested_by_name!,
      requested_at: r.r_requested_at!,
      in_advance: r.r_in_advance!,
      decided_by_side: r.r_decided_by_side,
      decided_by_user_id: r.r_decided_by_user_id,
      decided_by_name: r.r_decided_by_name,
      decided_at: r.r_decided_at,
      note: r.r_note,
    });
  }
  return presentCommitment(rows[0], byCommitment(renegotiations).get(id) ?? [], access, actor);
}
