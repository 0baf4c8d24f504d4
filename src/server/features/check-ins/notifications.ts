import { describeNotification, type NotificationData, type NotificationKind } from '../../../shared/notifications.js';
import { nextOccurrence } from '../../../domain/check-in-schedule.js';
import { wallClock } from '../../../domain/zoned-time.js';
import type { Actor } from '../../core/actor.js';
import { newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { openOccurrence } from './open.js';
import { scheduleOf, zoneOf } from './series.js';

/** How long before a check-in its rep is reminded to answer the questions. */
export const ANSWERS_DUE_HOURS = 24;

/**
 * Writes a notification about a check-in once: `key` names the event, and the unique
 * (person, key) index turns a second write — another request, another app instance — into nothing.
 */
async function notifyOnce(scope: Scope, n: { userId: string; kind: Extract<NotificationKind, `check_in_${string}`>; checkInId: string; actorName: string; data: NotificationData; key: string; at: string }): Promise<void> {
  await scope
    .insertRow('notifications', {
      id: newId(),
      user_id: n.userId,
      kind: n.kind,
      plan_id: null,
      check_in_id: n.checkInId,
      dedupe_key: n.key,
      actor_name: n.actorName,
      data: JSON.stringify(n.data),
      share_link_id: null,
      event_count: 1,
      last_event_at: n.at,
      text: describeNotification({ kind: n.kind, actorName: n.actorName, data: n.data, count: 1 }),
      created_at: n.at,
      read_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The rep handed in their answers: their manager hears of it (the first time only). */
export async function notifyAnswersArrived(scope: Scope, c: { id: string; manager_id: string; scheduled_at: string }, repName: string, now: Date): Promise<void> {
  const { date, time } = wallClock(new Date(c.scheduled_at), await zoneOf(scope, c.manager_id));
  await notifyOnce(scope, { userId: c.manager_id, kind: 'check_in_answers_arrived', checkInId: c.id, actorName: repName, data: { date, time }, key: `check_in_answers:${c.id}`, at: now.toISOString() });
}

/**
 * "Answer before you meet": computed when the rep reads their notifications (the bell asks on
 * every page), not by a timer. For each of the rep's running series whose next check-in starts
 * within ANSWERS_DUE_HOURS and has no submitted answers yet, the check-in is opened (so the
 * notification links to it) and the reminder written — once per check-in, however many requests or
 * app instances compute it at the same moment (notifyOnce).
 */
export async function remindAnswersDue(scope: Scope, actor: Actor, now = new Date()): Promise<void> {
  const series = await scope
    .selectFrom('check_in_series')
    .innerJoin('users as manager', 'manager.id', 'check_in_series.manager_id')
    .selectAll('check_in_series')
    .select('manager.name as manager_name')
    .where('check_in_series.rep_id', '=', actor.id)
    .where('check_in_series.ended_at', 'is', null)
    .execute();
  for (const s of series) {
    const next = nextOccurrence(scheduleOf(s), now);
    if (next.at.getTime() - now.getTime() > ANSWERS_DUE_HOURS * 3_600_000) continue;
    await scope.transaction(async (tx) => {
      const checkIn = await openOccurrence(tx, null, s, next);
      if (checkIn.submitted_at || checkIn.status !== 'upcoming') return;
      const key = `check_in_due:${checkIn.id}`;
      // Already reminded: a read, not another write, on every later look at the bell.
      if (await tx.selectFrom('notifications').select('id').where('notifications.user_id', '=', actor.id).where('notifications.dedupe_key', '=', key).executeTakeFirst()) return;
      const { date, time } = wallClock(next.at, actor.timeZone);
      await notifyOnce(tx, { userId: actor.id, kind: 'check_in_answers_due', checkInId: checkIn.id, actorName: s.manager_name, data: { date, time }, key, at: now.toISOString() });
    });
  }
}
