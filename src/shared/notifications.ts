import { z } from 'zod';
import { CalendarDate, Id, Instant, listQueryBase, page } from './common.js';

/** In-app notifications: something happened that a person should see, with a link to it. */

export const NOTIFICATION_KINDS = [
  'customer_ticked',
  'customer_commented',
  'customer_proposed_date',
  'customer_answered_date',
  'customer_added_commitment',
  /** Several of the above from one share link within minutes, grouped into one. */
  'customer_activity',
  /** Someone invited you to contribute to an account objective. */
  'objective_invited',
  /** Your check-in is within a day: answer its questions before you meet (to the rep). */
  'check_in_answers_due',
  /** The rep answered the questions of a check-in (to its manager). */
  'check_in_answers_arrived',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Events from one share link within this window of the previous one join the same notification. */
export const NOTIFICATION_BURST_WINDOW_MINUTES = 10;

/**
 * What happened, as data: dates stay calendar dates (YYYY-MM-DD) for the reader's app to format in
 * their own locale, never pre-formatted text.
 */
export const NotificationData = z
  .object({
    commitmentTitle: z.string().optional(),
    done: z.boolean().optional(),
    accepted: z.boolean().optional(),
    /** A proposed or answered date. */
    date: CalendarDate.optional(),
    /** The date a proposal would replace. */
    previousDate: CalendarDate.optional(),
    /** A new commitment's due date. */
    dueDate: CalendarDate.optional(),
    reason: z.string().optional(),
    /** A comment's first 140 characters. */
    preview: z.string().optional(),
    /** The objective you were invited to. */
    objectiveTitle: z.string().optional(),
    /** A check-in's time on the reader's clock (HH:MM), with its day in `date`. */
    time: z.string().optional(),
  })
  .meta({ id: 'NotificationData' });
export type NotificationData = z.infer<typeof NotificationData>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    /** Who did it (the customer's name on their share link), when known. */
    actorName: z.string().nullable(),
    data: NotificationData,
    /** How many events this notification groups (1 unless a burst was grouped). */
    count: z.number().int().min(1),
    /** A plain-text rendering with ISO dates, for integrations; the app formats `data` itself. */
    text: z.string(),
    /** What it links to. */
    plan: z.object({ id: Id, title: z.string() }).nullable(),
    /** The objective it links to (an invitation to contribute). */
    objective: z.object({ id: Id, title: z.string() }).nullable(),
    /** The check-in it links to. */
    checkIn: z.object({ id: Id, scheduledAt: Instant }).nullable(),
    createdAt: Instant,
    /** When its latest event happened. */
    lastEventAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({ ...listQueryBase, unread: z.enum(['true', 'false']).optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = page(Notification).extend({ unreadCount: z.number().int() }).meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkAllReadResult = z.object({ marked: z.number().int(), unreadCount: z.number().int() }).meta({ id: 'MarkAllReadResult' });
export type MarkAllReadResult = z.infer<typeof MarkAllReadResult>;

type Describable = Pick<Notification, 'kind' | 'actorName' | 'data' | 'count'>;

/**
 * The sentence a notification reads as. `date` formats calendar dates: the app passes the reader's
 * locale formatter; the server's stored plain text keeps ISO dates.
 */
export function describeNotification(n: Describable, date: (d: string) => string = (d) => d): string {
  const who = n.actorName ?? 'Your customer';
  const d = n.data;
  const title = d.commitmentTitle ? `“${d.commitmentTitle}”` : 'a commitment';
  switch (n.kind) {
    case 'customer_ticked':
      return `${who} marked ${title} ${d.done === false ? 'not done' : 'done'}.`;
    case 'customer_commented':
      return `${who} commented: ${d.preview ?? ''}`;
    case 'customer_proposed_date':
      return `${who} proposed ${d.date ? date(d.date) : 'a new date'}${d.previousDate ? ` instead of ${date(d.previousDate)}` : ''} for ${title}${d.reason ? `: ${d.reason}` : '.'}`;
    case 'customer_answered_date':
      return `${who} ${d.accepted === false ? 'declined' : 'accepted'} ${d.date ? date(d.date) : 'the new date'} for ${title}.`;
    case 'customer_added_commitment':
      return `${who} added ${title}${d.dueDate ? `, due ${date(d.dueDate)}` : ''}.`;
    case 'customer_activity':
      return `${who} did ${n.count} things on your plan.`;
    case 'objective_invited':
      return `${n.actorName ?? 'Someone'} invited you to contribute to the objective “${d.objectiveTitle ?? ''}”.`;
    case 'check_in_answers_due':
      return `Your check-in with ${n.actorName ?? 'your manager'} is ${d.date ? `on ${date(d.date)}${d.time ? ` at ${d.time}` : ''}` : 'soon'}: answer its questions before you meet.`;
    case 'check_in_answers_arrived':
      return `${n.actorName ?? 'Your rep'} answered the questions for your check-in${d.date ? ` on ${date(d.date)}` : ''}.`;
  }
}
