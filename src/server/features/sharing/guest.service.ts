import type { GuestCommitment, GuestCreateCommitmentBody, PlanComment } from '../../../shared/plan-sharing.js';
import { notFound, ruleViolation } from '../../core/errors.js';
import { DAY_MS, refuseWhenDayIsFull } from '../../core/limits.js';
import type { Scope } from '../../core/scope.js';
import { retryWhenStale, STALE } from '../../core/records.js';
import { insertCommitments, setDone } from '../commitments/engine.js';
import { planSubject } from '../commitments/subjects.js';
import { assertNotPast } from '../commitments/date-rules.js';
import { assertCustomerCommentRoom, insertComment, presentComment } from '../plans/comments.js';
import { assertActiveMilestone } from '../commitments/commitments.service.js';
import { guestCommitment, visibleCommitment, type Guest } from './guest.js';
import { notifyPlanOwner } from '../plans/notifications.js';
import { answerDateChange, requestDateChange } from '../commitments/redate.js';

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
        if (row.status !== (done ? 'done' : 'open')) {
          if (!(await setDone(tx, guest.auditActor, row, done))) return STALE;
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

/**
 * The customer takes something on: a customer-side commitment, owned by them unless they name someone.
 * Anyone holding the link may add them, so a plan takes at most `perPlanPerDay` customer-side
 * commitments in any 24 hours (whoever added them), besides the link's rate limits.
 */
export async function guestAddCommitment(guest: Guest, input: GuestCreateCommitmentBody, limits: { perPlanPerDay: number }): Promise<GuestCommitment> {
  return guest.scope.transaction(async (tx) => {
    await assertCustomerCommitmentRoom(tx, guest.planId, limits.perPlanPerDay);
    if (input.milestoneId) await assertActiveMilestone(tx, guest.planId, input.milestoneId);
    const plan = await tx.selectFrom('plans').select('customer_time_zone').where('plans.id', '=', guest.planId).executeTakeFirstOrThrow();
    assertNotPast('dueDate', input.dueDate, plan.customer_time_zone);
    const [id] = await insertCommitments(tx, guest.auditActor, planSubject(guest.planId), [
      {
        side: 'customer',
        owner_user_id: null,
        owner_contact_id: null,
        owner_name: input.ownerName ?? guest.link.recipient_name,
        owner_email: input.ownerName ? null : guest.link.recipient_email,
        title: input.title,
        detail: input.detail,
        dueDate: input.dueDate,
        milestoneId: input.milestoneId,
      },
    ]);
    await notifyPlanOwner(tx, guest.planId, 'customer_added_commitment', from(guest), { commitmentTitle: input.title, dueDate: input.dueDate });
    return guestCommitment(guest, tx, id);
  });
}

/** Room for one more customer-side commitment on the plan today (429 with when there is room again). */
async function assertCustomerCommitmentRoom(tx: Scope, planId: string, maxPerDay: number, now = Date.now()): Promise<void> {
  const recent = await tx
    .selectFrom('commitments')
    .select('commitments.created_at')
    .where('commitments.subject_kind', '=', 'plan')
    .where('commitments.subject_id', '=', planId)
    .where('commitments.side', '=', 'customer')
    .where('commitments.created_at', '>', new Date(now - DAY_MS).toISOString())
    .orderBy('commitments.created_at', 'desc')
    .limit(maxPerDay)
    .execute();
  refuseWhenDayIsFull(recent, maxPerDay, 'Many commitments were added to this plan today. Please try again later, or ask your contact to add it.', now);
}
