import { planEvent } from '../webhooks/events.js';
import type { GuestCommitment, GuestPlan } from '../../../shared/plan-sharing.js';
import { hasPendingDateChange, isMissed } from '../../../domain/commitments.js';
import { todayIn } from '../../../domain/dates.js';
import type { Db } from '../../core/db/connect.js';
import type { AuditActor } from '../../core/audit.js';
import type { PlanShareLinkTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import type { GuestPrincipal } from '../../core/permissions.js';
import type { FastifyRequest } from 'fastify';
import { hashSecret, newId, nowIso } from '../../core/ids.js';
import { Scope } from '../../core/scope.js';
import { byCommitment, factsOf, ownerOf, renegotiationsOf, selectPlanCommitments, type CommitmentRow, type RenegotiationRow } from '../commitments/queries.js';
import { presentComment } from '../plans/comments.js';
import { assertPlanOpen, isClosed } from '../plans/access.js';
import type { Party } from '../commitments/redate.js';
import { linkStatus } from './share-links.js';
import { findPlanRow } from '../plans/queries.js';

/**
 * The customer's side of a share link. The token is the guest's only key: it names one link, the
 * link one plan, and every query below is confined to that plan's workspace and that plan.
 */
export type Guest = GuestPrincipal & {
  scope: Scope;
  link: PlanShareLinkTable;
  planId: string;
  party: Party;
  /** The audit trail names the customer (they have no user id). */
  auditActor: AuditActor;
};

/** Unknown, revoked and expired tokens all get this same answer. */
const gone = () => notFound('Plan');

export async function openLink(db: Db, token: string): Promise<Guest> {
  // The one unscoped read: the workspace is not known until the token's link is found.
  const link = await db.selectFrom('plan_share_links').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!link || linkStatus(link) !== 'active') throw gone();
  const name = link.recipient_name;
  return {
    shareLinkId: link.id,
    workspaceId: link.workspace_id,
    scope: new Scope(db, link.workspace_id),
    link,
    planId: link.plan_id,
    party: { side: 'customer', userId: null, name },
    // audit() records a user id when there is one; a guest has none, so actor_id stays null.
    auditActor: { id: null, name: `${name} (customer)` },
  };
}

/** `guest` routes' principal: the permission hook opened the token's link before the handler. */
export const openGuestPrincipal = openLink;

export function guestOf(req: FastifyRequest): Guest {
  const g = req.guest;
  if (!g || !('scope' in g)) throw gone();
  return g as Guest;
}

/**
 * The guest, for a write: a completed or abandoned plan refuses every guest write with 409
 * plan_closed, the same answer the seller side gets.
 */
export async function openForWrite(guest: Guest): Promise<Guest> {
  const plan = await guest.scope.selectFrom('plans').select('status').where('plans.id', '=', guest.planId).executeTakeFirst();
  if (!plan) throw gone();
  assertPlanOpen(plan);
  return guest;
}

/** Views of one link closer together than this are one sitting: one `plan.viewed_by_customer` event. */
export const VIEW_EVENT_GAP_MS = 30 * 60_000;

/**
 * Logs a view: the rep sees "viewed n times, last at …". A visit (a row of the link's visits, and one
 * `plan.viewed_by_customer` event) is a sitting: reloads and clicks within half an hour of the last
 * view only count. Anyone holding the link can reload it without limit, so what they add is a count,
 * never a row per request.
 */
export async function logVisit(guest: Guest): Promise<void> {
  const at = nowIso();
  await guest.scope.transaction(async (tx) => {
    await tx
      .updateTable('plan_share_links')
      .set((eb) => ({ last_viewed_at: at, view_count: eb('view_count', '+', 1) }))
      .where('plan_share_links.id', '=', guest.link.id)
      .execute();
    const last = guest.link.last_viewed_at ? Date.parse(guest.link.last_viewed_at) : null;
    if (last !== null && Date.parse(at) - last < VIEW_EVENT_GAP_MS) return;
    const visitId = newId();
    await tx.insert('plan_share_visits', { id: visitId, share_link_id: guest.link.id, visited_at: at });
    await planEvent(tx, 'plan.viewed_by_customer', guest.planId, visitId, { shareLink: { id: guest.link.id, recipientName: guest.link.recipient_name }, viewedAt: at, viewCount: guest.link.view_count + 1 });
  });
}

/** A commitment the guest may see: on this plan and not internal-only (and, if asked, customer-side). */
export async function visibleCommitment(guest: Guest, scope: Scope, id: string, opts: { customerSideOnly?: boolean } = {}): Promise<CommitmentRow> {
  const row = await selectPlanCommitments(scope)
    .where('commitments.id', '=', id)
    .where('commitments.plan_id', '=', guest.planId)
    .where('commitments.internal_only', '=', 0)
    .executeTakeFirst();
  if (!row || (opts.customerSideOnly && row.side !== 'customer')) throw notFound('Commitment');
  return row;
}

export function presentGuestCommitment(row: CommitmentRow, renegotiations: readonly RenegotiationRow[], now = new Date()): GuestCommitment {
  const facts = factsOf(row, renegotiations);
  // A completed or abandoned plan is read-only for the customer too.
  const open = !isClosed(row.plan_status);
  return {
    id: row.id,
    milestoneId: row.milestone_id,
    side: row.side,
    ownerName: ownerOf(row).name,
    role: row.role,
    title: row.title,
    detail: row.detail,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    mustDo: row.must_do === 1,
    status: row.status,
    state: row.status !== 'open' ? row.status : isMissed(facts, now) ? 'missed' : 'open',
    doneAt: row.done_at,
    awaitingAnswer: hasPendingDateChange(facts, now),
    renegotiations: renegotiations.map((r) => ({
      id: r.id,
      fromDate: r.from_date,
      toDate: r.to_date,
      reason: r.reason,
      status: r.status,
      requestedBy: { side: r.requested_by_side, name: r.requested_by_name },
      requestedAt: r.requested_at,
      decidedAt: r.decided_at,
      canAnswer: open && r.status === 'pending' && r.requested_by_side === 'seller' && row.side === 'customer',
    })),
    canTick: open && row.side === 'customer' && row.status !== 'dropped',
    earliestNewDate: todayIn(row.owner_time_zone, now),
  };
}

export async function guestCommitment(guest: Guest, scope: Scope, id: string): Promise<GuestCommitment> {
  const row = await visibleCommitment(guest, scope, id);
  return presentGuestCommitment(row, byCommitment(await renegotiationsOf(scope, { commitmentId: id })).get(id) ?? []);
}

/** The plan as its customer sees it: outcome, milestones, commitments (no internal ones), comments. */
export async function guestPlan(guest: Guest): Promise<GuestPlan> {
  const { scope, planId } = guest;
  const plan = await findPlanRow(scope, { id: planId });
  if (!plan) throw gone();
  const [milestones, commitments, renegotiations, comments] = await Promise.all([
    scope
      .selectFrom('plan_milestones')
      .select(['id', 'title', 'due_date'])
      .where('plan_milestones.plan_id', '=', planId)
      .where('plan_milestones.archived_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    selectPlanCommitments(scope).where('commitments.plan_id', '=', planId).where('commitments.internal_only', '=', 0).orderBy('commitments.position').orderBy('commitments.id').execute(),
    renegotiationsOf(scope, { planId }),
    scope.selectFrom('plan_comments').selectAll('plan_comments').where('plan_comments.plan_id', '=', planId).orderBy('id', 'desc').limit(200).execute(),
  ]);
  const history = byCommitment(renegotiations);
  const now = new Date();
  return {
    title: plan.title,
    agreedOutcome: plan.agreed_outcome,
    whyItMatters: plan.why_it_matters,
    startDate: plan.start_date,
    targetDate: plan.target_date,
    status: plan.status,
    timeZone: plan.customer_time_zone,
    sellerContact: { name: plan.owner_name },
    recipient: { name: guest.link.recipient_name },
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueDate: m.due_date })),
    commitments: commitments.map((c) => presentGuestCommitment(c, history.get(c.id) ?? [], now)),
    comments: comments.reverse().map(presentComment),
  };
}
