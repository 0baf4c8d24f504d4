import type { Notification, NotificationKind, NotificationList, NotificationListQuery } from '../../../shared/notifications.js';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';

/** Tells the plan's deal owner what the customer did, in the transaction that did it. */
export async function notifyPlanOwner(scope: Scope, planId: string, kind: NotificationKind, text: string): Promise<void> {
  const plan = await scope
    .selectFrom('plans')
    .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
    .select('opp.owner_id')
    .where('plans.id', '=', planId)
    .executeTakeFirstOrThrow();
  await scope.insert('notifications', { id: newId(), user_id: plan.owner_id, kind, plan_id: planId, text, created_at: nowIso(), read_at: null });
}

function selectNotifications(scope: Scope, actor: Actor) {
  return scope
    .selectFrom('notifications')
    .leftJoin('plans as plan', 'plan.id', 'notifications.plan_id')
    .selectAll('notifications')
    .select('plan.title as plan_title')
    .where('notifications.user_id', '=', actor.id);
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectNotifications>['executeTakeFirst']>>>;

const present = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  text: r.text,
  plan: r.plan_id ? { id: r.plan_id, title: r.plan_title ?? '' } : null,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** The signed-in person's notifications, newest first, with how many are unread. */
export async function listNotifications(scope: Scope, actor: Actor, query: NotificationListQuery): Promise<NotificationList> {
  let q = selectNotifications(scope, actor);
  if (query.unread === 'true') q = q.where('notifications.read_at', 'is', null);
  if (query.unread === 'false') q = q.where('notifications.read_at', 'is not', null);
  const rows = await keyset(q, { column: 'notifications.id', idColumn: 'notifications.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  const unread = await scope
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.user_id', '=', actor.id)
    .where('notifications.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { ...toPage(rows, query.limit, (r) => [r.id, r.id], present), unreadCount: Number(unread.n) };
}

/** Marks one of your notifications read (again: no change). Someone else's is not there. */
export async function markNotificationRead(scope: Scope, actor: Actor, id: string): Promise<Notification> {
  const row = await selectNotifications(scope, actor).where('notifications.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Notification');
  if (row.read_at) return present(row);
  const readAt = nowIso();
  await scope.updateTable('notifications').set({ read_at: readAt }).where('notifications.id', '=', id).execute();
  return present({ ...row, read_at: readAt });
}
