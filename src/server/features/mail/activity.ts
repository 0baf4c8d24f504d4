import { describeNotification, NOTIFICATION_BURST_WINDOW_MINUTES, type NotificationData, type NotificationKind } from '../../../shared/notifications.js';
import { formatCalendarDate } from '../../../domain/dates.js';
import type { Scope } from '../../core/scope.js';
import { mailPerson } from './outbox.js';
import type { MailData } from './templates.js';

/** The most events one grouped mail lists; more are counted. */
const MAX_LISTED = 20;

/**
 * The mail for what a customer did on a plan, grouped like its notification: the first event queues
 * a mail that waits for the burst window; each further event of the same group, while that mail has
 * not been picked up, joins it and pushes it back. An event after the mail went out starts the next
 * mail of the group (its key carries the group's event count, so it is unique and reruns are no-ops).
 * Runs in the customer's transaction, under the plan lock that notifyPlanOwner took.
 */
export async function mailCustomerActivity(
  scope: Scope,
  opts: { notificationId: string; eventCount: number; ownerId: string; planId: string; actorName: string; kind: Exclude<NotificationKind, 'customer_activity'>; data: NotificationData; now: Date },
): Promise<void> {
  const text = describeNotification({ kind: opts.kind, actorName: opts.actorName, data: opts.data, count: 1 }, formatCalendarDate);
  const sendAt = new Date(opts.now.getTime() + NOTIFICATION_BURST_WINDOW_MINUTES * 60_000).toISOString();
  const at = opts.now.toISOString();
  const waiting = await scope
    .selectFrom('mail_outbox')
    .select(['mail_outbox.id', 'mail_outbox.data'])
    .where('mail_outbox.kind', '=', 'customer_activity')
    .where('mail_outbox.user_id', '=', opts.ownerId)
    .where('mail_outbox.status', '=', 'pending')
    .where('mail_outbox.attempts', '=', 0)
    .where('mail_outbox.claimed_until', 'is', null)
    .where('mail_outbox.dedupe_key', 'like', `customer_activity:${opts.notificationId}:%`)
    .executeTakeFirst();
  if (waiting) {
    const data = JSON.parse(waiting.data) as Extract<MailData, { kind: 'customer_activity' }> & { more?: number };
    const events = data.events.length < MAX_LISTED ? [...data.events, text] : data.events;
    const more = data.events.length < MAX_LISTED ? (data.more ?? 0) : (data.more ?? 0) + 1;
    // Only while no worker holds it: a mail being sent is left alone, and this event starts the next one.
    const joined = await scope
      .updateTable('mail_outbox')
      .set({ data: JSON.stringify({ ...data, events, more }), next_attempt_at: sendAt, updated_at: at })
      .where('mail_outbox.id', '=', waiting.id)
      .where('mail_outbox.status', '=', 'pending')
      .where('mail_outbox.claimed_until', 'is', null)
      .executeTakeFirst();
    if (Number(joined.numUpdatedRows) === 1) return;
  }
  const plan = await scope.selectFrom('plans').select('plans.title').where('plans.id', '=', opts.planId).executeTakeFirstOrThrow();
  await mailPerson(
    scope,
    opts.ownerId,
    `customer_activity:${opts.notificationId}:${opts.eventCount}`,
    { kind: 'customer_activity', planTitle: plan.title, path: `/plans/${opts.planId}`, actorName: opts.actorName, events: [text] },
    { notBefore: new Date(sendAt), now: opts.now },
  );
}

/**
 * "A new date waits for your answer": a customer proposed one for a commitment on a plan. The deal's
 * owner and the commitment's owner (when another person) get it, in the transaction of the proposal.
 */
export async function mailDateWaiting(
  scope: Scope,
  opts: { renegotiationId: string; commitment: { id: string; title: string; plan_id: string | null; owner_user_id: string | null; due_date: string }; toDate: string; reason: string; requestedBy: string; now?: Date },
): Promise<void> {
  const planId = opts.commitment.plan_id;
  if (!planId) return;
  const plan = await scope
    .selectFrom('plans')
    .innerJoin('opportunities as o', 'o.id', 'plans.opportunity_id')
    .select(['plans.title', 'o.owner_id'])
    .where('plans.id', '=', planId)
    .executeTakeFirstOrThrow();
  const people = new Set([plan.owner_id, ...(opts.commitment.owner_user_id ? [opts.commitment.owner_user_id] : [])]);
  for (const userId of people) {
    await mailPerson(
      scope,
      userId,
      `date_waiting:${opts.renegotiationId}:${userId}`,
      {
        kind: 'date_waiting',
        item: { title: opts.commitment.title, context: plan.title, path: `/plans/${planId}`, dueDate: opts.commitment.due_date },
        fromDate: opts.commitment.due_date,
        toDate: opts.toDate,
        reason: opts.reason,
        requestedBy: opts.requestedBy,
      },
      { now: opts.now },
    );
  }
}
