import {
  describeNotification,
  NOTIFICATION_BURST_WINDOW_MINUTES,
  NotificationData,
  type MarkAllReadResult,
  type Notification,
  type NotificationKind,
  type NotificationList,
  type NotificationListQuery,
} from '../../../shared/notifications.js';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { keyset, toPage } from '../../core/paging.js';
import { lockRow } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { mailCustomerActivity } from '../mail/activity.js';

export type NotifyFrom = { name: string; shareLinkId: string | null };

/**
 * Tells the plan's deal owner what the customer did, in the transaction that did it. A burst from
 * one share link (many ticks or comments within minutes) joins the owner's latest unread
 * notification from that link instead of adding one per event.
 *
 * "Join the latest or start one" is a read then a write, so two customer actions at the same instant
 * could each find nothing and each start a group. The plan's row lock makes them take turns (on
 * PostgreSQL; SQLite runs one write transaction at a time): the second waits, then finds the first's
 * notification and joins it. The guest writes that call this already changed the plan (last
 * activity), so they hold that lock by now and taking it here adds no new lock order.
 */
export async function notifyPlanOwner(scope: Scope, planId: string, kind: Exclude<NotificationKind, 'customer_activity'>, from: NotifyFrom, data: NotificationData, now = new Date()): Promise<void> {
  await lockRow(scope, 'plans', planId);
  const plan = await scope
    .selectFrom('plans')
    .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
    .select('opp.owner_id')
    .where('plans.id', '=', planId)
    .executeTakeFirstOrThrow();
  const at = now.toISOString();
  if (from.shareLinkId) {
    const since = new Date(now.getTime() - NOTIFICATION_BURST_WINDOW_MINUTES * 60_000).toISOString();
    const recent = await scope
      .selectFrom('notifications')
      .select(['notifications.id', 'notifications.event_count'])
      .where('notifications.user_id', '=', plan.owner_id)
      .where('notifications.plan_id', '=', planId)
      .where('notifications.share_link_id', '=', from.shareLinkId)
      .where('notifications.read_at', 'is', null)
      .where('notifications.last_event_at', '>=', since)
      .orderBy('notifications.id', 'desc')
      .executeTakeFirst();
    if (recent) {
      const count = (recent.event_count ?? 1) + 1;
      const grouped = { kind: 'customer_activity' as const, actorName: from.name, data: {}, count };
      await scope
        .updateTable('notifications')
        .set({ kind: grouped.kind, data: '{}', event_count: count, last_event_at: at, text: describeNotification(grouped) })
        .where('notifications.id', '=', recent.id)
        .execute();
      await mailCustomerActivity(scope, { notificationId: recent.id, eventCount: count, ownerId: plan.owner_id, planId, actorName: from.name, kind, data, now });
      return;
    }
  }
  const id = newId();
  await scope.insert('notifications', {
    id,
    user_id: plan.owner_id,
    kind,
    plan_id: planId,
    actor_name: from.name,
    data: JSON.stringify(data),
    share_link_id: from.shareLinkId,
    event_count: 1,
    last_event_at: at,
    text: describeNotification({ kind, actorName: from.name, data, count: 1 }),
    created_at: at,
    read_at: null,
  });
  await mailCustomerActivity(scope, { notificationId: id, eventCount: 1, ownerId: plan.owner_id, planId, actorName: from.name, kind, data, now });
}

function selectNotifications(scope: Scope, actor: Actor) {
  return scope
    .selectFrom('notifications')
    .leftJoin('plans as plan', 'plan.id', 'notifications.plan_id')
    .leftJoin('account_objectives as objective', 'objective.id', 'notifications.objective_id')
    .leftJoin('check_ins as check_in', 'check_in.id', 'notifications.check_in_id')
    .selectAll('notifications')
    .select(['plan.title as plan_title', 'objective.title as objective_title', 'check_in.scheduled_at as check_in_scheduled_at'])
    .where('notifications.user_id', '=', actor.id);
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectNotifications>['executeTakeFirst']>>>;

function dataOf(raw: string | null | undefined): NotificationData {
  if (!raw) return {};
  const parsed = NotificationData.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : {};
}

const present = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  actorName: r.actor_name ?? null,
  data: dataOf(r.data),
  count: r.event_count ?? 1,
  text: r.text,
  plan: r.plan_id ? { id: r.plan_id, title: r.plan_title ?? '' } : null,
  objective: r.objective_id ? { id: r.objective_id, title: r.objective_title ?? '' } : null,
  checkIn: r.check_in_id && r.check_in_scheduled_at ? { id: r.check_in_id, scheduledAt: r.check_in_scheduled_at } : null,
  createdAt: r.created_at,
  lastEventAt: r.last_event_at ?? r.created_at,
  readAt: r.read_at,
});

async function unreadCount(scope: Scope, actor: Actor): Promise<number> {
  const unread = await scope
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.user_id', '=', actor.id)
    .where('notifications.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(unread.n);
}

/** The signed-in person's notifications, newest first, with how many are unread. */
export async function listNotifications(scope: Scope, actor: Actor, query: NotificationListQuery): Promise<NotificationList> {
  let q = selectNotifications(scope, actor);
  if (query.unread === 'true') q = q.where('notifications.read_at', 'is', null);
  if (query.unread === 'false') q = q.where('notifications.read_at', 'is not', null);
  const rows = await keyset(q, { column: 'notifications.id', idColumn: 'notifications.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  return { ...toPage(rows, query.limit, (r) => [r.id, r.id], present), unreadCount: await unreadCount(scope, actor) };
}

/** Marks one of your notifications read (again: no change). Someone else's is not there. */
export async function markNotificationRead(scope: Scope, actor: Actor, id: string): Promise<Notification> {
  const row = await selectNotifications(scope, actor).where('notifications.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Notification');
  if (row.read_at) return present(row);
  const readAt = nowIso();
  await scope.updateTable('notifications').set({ read_at: readAt }).where('notifications.id', '=', id).where('notifications.read_at', 'is', null).execute();
  return present({ ...row, read_at: readAt });
}

/** Marks all of your unread notifications read, in one statement. */
export async function markAllNotificationsRead(scope: Scope, actor: Actor): Promise<MarkAllReadResult> {
  const res = await scope
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('notifications.user_id', '=', actor.id)
    .where('notifications.read_at', 'is', null)
    .executeTakeFirst();
  return { marked: Number(res.numUpdatedRows), unreadCount: await unreadCount(scope, actor) };
}
