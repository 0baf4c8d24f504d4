import type { GuestCommitment, GuestCreateCommitmentBody, PlanComment } from '../../../shared/plan-sharing.js';
import { audit } from '../../core/audit.js';
import type { CommitmentTable } from '../../core/db/schema.js';
import { notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { retryWhenStale, STALE, updateAtVersion } from '../../core/records.js';
import { touchPlan } from './access.js';
import { assertNotPast } from './date-rules.js';
import { assertCustomerCommentRoom, insertComment, presentComment } from './comments.js';
import { assertActiveMilestone, nextCommitmentPosition, statusColumns } from './commitments.service.js';
import { guestCommitment, visibleCommitment, type Guest } from './guest.js';
import { notifyPlanOwner } from './notifications.js';
import { answerDateChange, requestDateChange } from './renegotiations.service.js';

/** Who the deal owner's notification names, and the link it came through (bursts group per link). */
const from = (guest: Guest) => ({ name: guest.party.name, shareLinkId: guest.link.id });

/**
 * What a customer can do through their link, each in one transaction with its audit event and the
 * notification to the deal's owner. Seller-side and internal commitments are out of reach (404).
 */

/**
 * Ticks a customer-side commitment done or not done. Safe to retry: the same state changes nothing.
 * The customer sends no version (a tick does not depend on what else they saw), so a write that
 * lost a race with the seller's edit reads the commitment again and ticks that.
 */
export async function guestSetState(guest: Guest, commitmentId: string, done: boolean): Promise<GuestCommitment> {
  return guest.scope.transaction(async (tx) =>
    retryWhenStale(
      async () => {
        const row = await visibleCommitment(guest, tx, commitmentId, { customerSideOnly: true });
        if (row.status === 'dropped') throw ruleViolation('This commitment was dropped; talk to your contact to bring it back.');
        const wanted: CommitmentTable['status'] = done ? 'done' : 'open';
        if (row.status !== wanted) {
          const next = statusColumns(row, wanted, null);
          if (!(await updateAtVersion(tx, 'commitments', row.id, row.version, next))) return STALE;
          await audit(tx, guest.auditActor, { entityType: 'commitment', entityId: row.id, action: 'update', before: { status: row.status, done_at: row.done_at }, after: { status: next.status, done_at: next.done_at } });
          await touchPlan(tx, guest.planId);
          await notifyPlanOwner(tx, guest.planId, 'customer_ticked', from(guest), { commitmentTitle: row.title, done });
        }
        return guestCommitment(guest, tx, row.id);
      },
      () => guestCommitment(guest, tx, commitmentId),
    ),
  );
}

/** Proposes a new date for any visible commitment; it waits for the seller side's answer. */
export async function guestProposeDate(guest: Guest, commitmentId: string, input: { newDate: string; reason: string }): Promise<GuestCommitment> {
  return guest.scope.transaction(async (tx) => {
    const row = await visibleCommitment(guest, tx, commitmentId);
    await requestDateChange(tx, { commitmentId: row.id, by: guest.party, auditActor: guest.auditActor, input });
    await notifyPlanOwner(tx, guest.planId, 'customer_proposed_date', from(guest), { commitmentTitle: row.title, date: input.newDate, previousDate: row.due_date, reason: input.reason });
    return guestCommitment(guest, tx, row.id);
  });
}

/** Accepts or declines a new date the seller side proposed for a customer-side commitment. */
export async function guestAnswerDate(guest: Guest, renegotiationId: string, accept: boolean): Promise<GuestCommitment> {
  return guest.scope.transaction(async (tx) => {
    const reneg = await tx
      .selectFrom('commitment_renegotiations')
      .select(['commitment_id', 'to_date'])
      .where('commitment_renegotiations.id', '=', renegotiationId)
      .where('commitment_renegotiations.plan_id', '=', guest.planId)
      .executeTakeFirst();
    if (!reneg) throw notFound('Renegotiation');
    const row = await visibleCommitment(guest, tx, reneg.commitment_id);
    await answerDateChange(tx, { renegotiationId, by: guest.party, auditActor: guest.auditActor, accept });
    await notifyPlanOwner(tx, guest.planId, 'customer_answered_date', from(guest), { commitmentTitle: row.title, date: reneg.to_date, accepted: accept });
    return guestCommitment(guest, tx, row.id);
  });
}

export async function guestComment(guest: Guest, body: string, limits: { perPlanPerDay: number }): Promise<PlanComment> {
  return guest.scope.transaction(async (tx) => {
    await assertCustomerCommentRoom(tx, guest.planId, limits.perPlanPerDay);
    const comment = await insertComment(tx, guest.auditActor, guest.planId, { side: 'customer', userId: null, shareLinkId: guest.link.id, name: guest.party.name }, body);
    const preview = body.length > 140 ? `${body.slice(0, 140)}…` : body;
    await notifyPlanOwner(tx, guest.planId, 'customer_commented', from(guest), { preview });
    return presentComment(comment);
  });
}

/** The customer takes something on: a customer-side commitment, owned by them unless they name someone. */
export async function guestAddCommitment(guest: Guest, input: GuestCreateCommitmentBody): Promise<GuestCommitment> {
  return guest.scope.transaction(async (tx) => {
    if (input.milestoneId) await assertActiveMilestone(tx, guest.planId, input.milestoneId);
    const plan = await tx.selectFrom('plans').select('customer_time_zone').where('plans.id', '=', guest.planId).executeTakeFirstOrThrow();
    assertNotPast('dueDate', input.dueDate, plan.customer_time_zone);
    const now = nowIso();
    const row = {
      id: newId(),
      plan_id: guest.planId,
      milestone_id: input.milestoneId ?? null,
      position: await nextCommitmentPosition(tx, guest.planId),
      side: 'customer' as const,
      owner_user_id: null,
      owner_contact_id: null,
      owner_name: input.ownerName ?? guest.link.recipient_name,
      owner_email: input.ownerName ? null : guest.link.recipient_email,
      role: null,
      title: input.title,
      detail: input.detail ?? null,
      due_date: input.dueDate,
      original_due_date: input.dueDate,
      must_do: 0,
      internal_only: 0,
      status: 'open' as const,
      drop_reason: null,
      done_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('commitments', row);
    await audit(tx, guest.auditActor, { entityType: 'commitment', entityId: row.id, action: 'create', before: null, after: row });
    await touchPlan(tx, guest.planId, now);
    await notifyPlanOwner(tx, guest.planId, 'customer_added_commitment', from(guest), { commitmentTitle: input.title, dueDate: input.dueDate });
    return guestCommitment(guest, tx, row.id);
  });
}
