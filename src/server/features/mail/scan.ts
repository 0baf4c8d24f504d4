import { sql } from 'kysely';
import { addDays, dayStartsAt, todayIn } from '../../../domain/dates.js';
import type { Db } from '../../core/db/connect.js';
import { Scope } from '../../core/scope.js';
import { judgedZone } from '../commitments/zones.js';
import { enqueueMail, mailPerson } from './outbox.js';
import type { MailItem } from './templates.js';

/**
 * Reminders that come from the calendar, not from an event: due tomorrow, overdue, "confirm or
 * re-date" two days before a must-do, the daily digest, and the customer's reminders. A periodic
 * scan queues them; each key names the person (or link) and the day, so running the scan again —
 * every few minutes, on every instance — queues nothing new. Mails go out from MORNING_HOUR in the
 * recipient's time zone, never in the night.
 *
 * What is due tomorrow or overdue is judged as the app judges it: each commitment in the zone its
 * due day is judged in (commitments/zones.ts), which is not the recipient's own once they moved
 * (frozen in Auckland, its owner now in Los Angeles, it is missed at 05:00 there: "overdue" comes
 * that morning, not a day later, and never "due tomorrow" on the day it is missed). It is judged at
 * the recipient's morning, the same instant for every scan of their day: each commitment then falls
 * in one morning's mail, however far its zone is from theirs.
 */
export const MORNING_HOUR = 7;

const IN_PROGRESS = ['draft', 'active'] as const;
const OPEN_OBJECTIVES = ['planned', 'active'] as const;

const hourFormats = new Map<string, Intl.DateTimeFormat>();
export function hourIn(timeZone: string, now: Date): number {
  let f = hourFormats.get(timeZone);
  if (!f) hourFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })));
  return Number(f.format(now));
}

/** `hour` today in `timeZone` (an hour off on a day the clocks change: the same all day still). */
function morningOf(timeZone: string, now: Date, hour = MORNING_HOUR): Date {
  return new Date(dayStartsAt(todayIn(timeZone, now), timeZone).getTime() + hour * 3_600_000);
}

type Row = {
  id: string;
  workspace_id: string;
  title: string;
  due_date: string;
  must_do: number;
  subject_kind: string;
  subject_id: string;
  plan_id: string | null;
  owner_user_id: string | null;
  /** The zone this commitment's due day is judged in. */
  time_zone: string;
  /** Its owner's zone now: when their morning is. */
  recipient_time_zone: string;
  context: string | null;
  pending: number;
};

const pathOf = (r: Row) => (r.subject_kind === 'plan' ? `/plans/${r.plan_id}` : r.subject_kind === 'objective' ? `/objectives/${r.subject_id}` : '/today');
const itemOf = (r: Row): MailItem => ({ title: r.title, context: r.context ?? '', path: pathOf(r), dueDate: r.due_date, ...(r.must_do ? { mustDo: true } : {}) });
/** Whether a commitment is due `days` after today in the zone it is judged in, at `at`. */
const dueIn = (r: Pick<Row, 'due_date' | 'time_zone'>, days: number, at: Date) => r.due_date === addDays(todayIn(r.time_zone, at), days);

/** Open seller-side commitments of active people within a few days of today, on plans in progress and open objectives, outside the demo. */
async function sellerCommitments(db: Db, now: Date): Promise<Row[]> {
  const today = now.toISOString().slice(0, 10);
  return db
    .selectFrom('commitments')
    .innerJoin('users as u', 'u.id', 'commitments.owner_user_id')
    .innerJoin('workspaces as ws', 'ws.id', 'commitments.workspace_id')
    .leftJoin('plans as p', 'p.id', 'commitments.plan_id')
    .leftJoin('account_objectives as o', (j) => j.onRef('o.id', '=', 'commitments.subject_id').on('commitments.subject_kind', '=', 'objective'))
    .select((eb) => [
      'commitments.id',
      'commitments.workspace_id',
      'commitments.title',
      'commitments.due_date',
      'commitments.must_do',
      'commitments.subject_kind',
      'commitments.subject_id',
      'commitments.plan_id',
      'commitments.owner_user_id',
      judgedZone('commitments', sql.ref('u.time_zone'), sql.ref('p.customer_time_zone'), sql.ref('ws.default_time_zone')).as('time_zone'),
      eb.fn.coalesce('u.time_zone', 'ws.default_time_zone').as('recipient_time_zone'),
      eb.fn.coalesce('p.title', 'o.title').as('context'),
      eb
        .selectFrom('commitment_renegotiations as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.commitment_id', '=', 'commitments.id')
        .where('r.status', '=', 'pending')
        .as('pending'),
    ])
    .where('commitments.side', '=', 'seller')
    .where('commitments.status', '=', 'open')
    .where('u.status', '=', 'active')
    .where('ws.is_demo', '=', 0)
    .where((eb) =>
      eb.or([
        eb.and([eb('commitments.subject_kind', '=', 'plan'), eb('p.status', 'in', IN_PROGRESS)]),
        eb.and([eb('commitments.subject_kind', '=', 'objective'), eb('o.status', 'in', OPEN_OBJECTIVES)]),
      ]),
    )
    .where('commitments.due_date', '>=', addDays(today, -2))
    .where('commitments.due_date', '<=', addDays(today, 4))
    .execute() as Promise<Row[]>;
}

async function personMails(db: Db, now: Date): Promise<number> {
  const rows = await sellerCommitments(db, now);
  const byUser = new Map<string, Row[]>();
  for (const r of rows) byUser.set(r.owner_user_id!, [...(byUser.get(r.owner_user_id!) ?? []), r]);
  let queued = 0;
  for (const [userId, list] of byUser) {
    const { recipient_time_zone: tz, workspace_id: ws } = list[0];
    if (hourIn(tz, now) < MORNING_HOUR) continue;
    const scope = new Scope(db, ws);
    const today = todayIn(tz, now);
    const tomorrow = addDays(today, 1);
    const morning = morningOf(tz, now);
    const dueTomorrow = list.filter((r) => dueIn(r, 1, morning)).sort((a, b) => b.must_do - a.must_do || a.title.localeCompare(b.title));
    // The mail names the day they are due (the person's tomorrow, unless their zones say otherwise).
    const dates = new Set(dueTomorrow.map((r) => r.due_date));
    const date = dates.size === 1 ? [...dates][0] : tomorrow;
    if (dueTomorrow.length && (await mailPerson(scope, userId, `due_tomorrow:${userId}:${tomorrow}`, { kind: 'due_tomorrow', date, items: dueTomorrow.map(itemOf) }, { now }))) queued += 1;
    // The day after the due day ended there: overdue once, for that day.
    const overdue = list.filter((r) => dueIn(r, -1, morning));
    if (overdue.length && (await mailPerson(scope, userId, `overdue:${userId}:${today}`, { kind: 'overdue', date: today, items: overdue.map(itemOf) }, { now }))) queued += 1;
    for (const r of list.filter((c) => c.must_do && dueIn(c, 2, morning) && !Number(c.pending))) {
      if (await mailPerson(scope, userId, `must_do_soon:${r.id}:${r.due_date}`, { kind: 'must_do_soon', item: itemOf(r) }, { now })) queued += 1;
    }
  }
  return queued;
}

/** The morning digest for everyone who turned it on (it comes even on a day with nothing due). */
async function digests(db: Db, now: Date): Promise<number> {
  const people = await db
    .selectFrom('mail_preferences as mp')
    .innerJoin('users as u', 'u.id', 'mp.user_id')
    .innerJoin('workspaces as ws', 'ws.id', 'u.workspace_id')
    .select((eb) => ['u.id', 'u.workspace_id', eb.fn.coalesce('u.time_zone', 'ws.default_time_zone').as('time_zone')])
    .where('mp.kind', '=', 'daily_digest')
    .where('mp.enabled', '=', 1)
    .where('u.status', '=', 'active')
    .where('ws.is_demo', '=', 0)
    .execute();
  if (people.length === 0) return 0;
  const rows = await sellerCommitments(db, now);
  let queued = 0;
  for (const person of people) {
    if (hourIn(person.time_zone, now) < MORNING_HOUR) continue;
    const today = todayIn(person.time_zone, now);
    const key = `daily_digest:${person.id}:${today}`;
    if (await db.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', key).executeTakeFirst()) continue;
    const scope = new Scope(db, person.workspace_id);
    const mine = rows.filter((r) => r.owner_user_id === person.id);
    const morning = morningOf(person.time_zone, now);
    const overdueAll = await scope
      .selectFrom('commitments')
      .select('commitments.id')
      .where('commitments.owner_user_id', '=', person.id)
      .where('commitments.side', '=', 'seller')
      .where('commitments.status', '=', 'open')
      .where('commitments.due_date', '<', addDays(today, -2))
      .execute();
    const waiting = await scope
      .selectFrom('commitment_renegotiations')
      .innerJoin('plans as p', 'p.id', 'commitment_renegotiations.plan_id')
      .innerJoin('opportunities as o', 'o.id', 'p.opportunity_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('commitment_renegotiations.status', '=', 'pending')
      .where('commitment_renegotiations.requested_by_side', '=', 'customer')
      .where('o.owner_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const unread = await scope
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('notifications.user_id', '=', person.id)
      .where('notifications.read_at', 'is', null)
      .executeTakeFirstOrThrow();
    const data = {
      kind: 'daily_digest' as const,
      date: today,
      dueToday: mine.filter((r) => dueIn(r, 0, morning)).map(itemOf),
      overdue: mine.filter((r) => r.due_date < todayIn(r.time_zone, morning)).map(itemOf),
      waiting: Number(waiting.n),
      unread: Number(unread.n),
    };
    // Older overdue items are counted in the app; the digest lists the recent ones and says how many more.
    if (overdueAll.length) data.overdue.push({ title: `${overdueAll.length} older overdue ${overdueAll.length === 1 ? 'commitment' : 'commitments'}`, context: 'see Today', path: '/today', dueDate: addDays(today, -3) });
    if (await mailPerson(scope, person.id, key, data, { now })) queued += 1;
  }
  return queued;
}

/** Reminders to customers whose rep sent them their share link by email, of their side's commitments. */
async function customerReminders(db: Db, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('plan_share_links as l')
    .innerJoin('plans as p', 'p.id', 'l.plan_id')
    .innerJoin('opportunities as o', 'o.id', 'p.opportunity_id')
    .innerJoin('users as seller', 'seller.id', 'o.owner_id')
    .innerJoin('workspaces as ws', 'ws.id', 'l.workspace_id')
    .innerJoin('commitments as c', 'c.plan_id', 'p.id')
    .leftJoin('contacts as oc', 'oc.id', 'c.owner_contact_id')
    .select([
      'l.id as link_id',
      'l.workspace_id',
      'l.recipient_name',
      'l.recipient_email',
      'l.emailed_at',
      'p.title as plan_title',
      'p.customer_time_zone',
      'seller.name as seller_name',
      'c.title',
      'c.due_date',
      // The customer side's rule has no owner's zone in it: the plan's customer zone, else the workspace's.
      judgedZone('c', sql<null>`null`, sql.ref('p.customer_time_zone'), sql.ref('ws.default_time_zone')).as('time_zone'),
      'c.owner_name',
      'c.owner_email',
      'oc.email as contact_email',
      'c.owner_contact_id',
    ])
    .where('l.emailed_at', 'is not', null)
    .where('l.reminders_stopped_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now.toISOString())
    .where('l.recipient_email', 'is not', null)
    .where('ws.is_demo', '=', 0)
    .where('p.status', 'in', IN_PROGRESS)
    .where('c.side', '=', 'customer')
    .where('c.status', '=', 'open')
    .where('c.internal_only', '=', 0)
    .where('c.due_date', '>=', addDays(today, -2))
    .where('c.due_date', '<=', addDays(today, 2))
    .execute();
  type R = (typeof rows)[number];
  // Their own: owned by this address (or its contact), by their name, or by nobody in particular.
  const theirs = (r: R) => {
    const address = r.recipient_email!.toLowerCase();
    const email = (r.owner_email ?? r.contact_email ?? '').toLowerCase();
    if (email) return email === address;
    return !r.owner_name || r.owner_name.trim().toLowerCase() === r.recipient_name.trim().toLowerCase();
  };
  const byLink = new Map<string, R[]>();
  for (const r of rows.filter(theirs)) byLink.set(r.link_id, [...(byLink.get(r.link_id) ?? []), r]);
  let queued = 0;
  for (const [linkId, list] of byLink) {
    const first = list[0];
    const tz = first.customer_time_zone;
    if (hourIn(tz, now) < MORNING_HOUR + 2) continue;
    const day = todayIn(tz, now);
    const morning = morningOf(tz, now, MORNING_HOUR + 2);
    const base = { name: first.recipient_name, timeZone: tz, planTitle: first.plan_title, sellerName: first.seller_name, linkSentAt: first.emailed_at! };
    const to = { address: first.recipient_email!, name: first.recipient_name, timeZone: tz, shareLinkId: linkId };
    for (const [when, days, key] of [
      ['tomorrow', 1, `customer_reminder:${linkId}:tomorrow:${addDays(day, 1)}`],
      ['overdue', -1, `customer_reminder:${linkId}:overdue:${day}`],
    ] as const) {
      const items = list.filter((r) => dueIn(r, days, morning)).map((r) => ({ title: r.title, dueDate: r.due_date }));
      if (!items.length) continue;
      if (await enqueueMail(db, { workspaceId: first.workspace_id, key, to, data: { ...base, kind: 'customer_reminder', when, items } }, now)) queued += 1;
    }
  }
  return queued;
}

/** One scan: everything that is due now, for everyone. Returns how many mails it queued. */
export async function scanReminders(db: Db, now = new Date()): Promise<number> {
  return (await personMails(db, now)) + (await digests(db, now)) + (await customerReminders(db, now));
}

