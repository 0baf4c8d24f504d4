import { formatCalendarDate } from '../../../domain/dates.js';
import type { MailKind } from '../../../shared/mail.js';
import { compose, unlinkable, type Block, type Composed } from './compose.js';

/**
 * What each kind of mail says. The outbox keeps the facts (`MailData`, JSON) as they were when the
 * event happened, with the recipient's name and time zone; this renders them when the mail is sent
 * or shown. Calendar dates are written as dates (no zone can shift them); instants in the
 * recipient's zone, named.
 */

/** A commitment as a mail lists it; `path` is where it is in the app. */
export type MailItem = { title: string; context: string; path: string; dueDate: string; mustDo?: boolean };

type Base = { name: string | null; timeZone: string };
export type MailData = Base &
  (
    | { kind: 'due_tomorrow'; date: string; items: MailItem[] }
    | { kind: 'overdue'; date: string; items: MailItem[] }
    | { kind: 'must_do_soon'; item: MailItem }
    | { kind: 'date_waiting'; item: MailItem; fromDate: string; toDate: string; reason: string; requestedBy: string }
    | { kind: 'customer_activity'; planTitle: string; path: string; actorName: string; events: string[]; more?: number }
    | { kind: 'daily_digest'; date: string; dueToday: MailItem[]; overdue: MailItem[]; waiting: number; unread: number }
    | { kind: 'invitation'; inviteId: string; workspaceName: string; inviterName: string; role: string; expiresAt: string }
    | { kind: 'password_reset'; email: string; expiresAt: string }
    | { kind: 'signup_confirm'; workspaceName: string; expiresAt: string }
    | { kind: 'signup_existing'; email: string }
    | { kind: 'password_changed'; email: string; changedAt: string }
    | { kind: 'customer_link'; planTitle: string; sellerName: string; workspaceName: string; expiresAt: string }
    | { kind: 'customer_reminder'; planTitle: string; sellerName: string; when: 'tomorrow' | 'overdue'; items: { title: string; dueDate: string }[]; linkSentAt: string }
  );

export type Links = {
  /** Where the app is, e.g. https://advance.example.com. */
  base: string;
  /** The one-click unsubscribe address, for mails that carry one. */
  unsubscribeUrl: string | null;
  /** The single-use token of a link mail; null once the mail was sent and the token wiped. */
  secret: string | null;
};

/** Mails that are answers to the person's own request at that moment: no unsubscribe (RFC 8058 is for mail they did not just ask for). */
// A notice that the password changed is about the account's safety: it has no unsubscribe either.
export const ON_REQUEST: ReadonlySet<MailKind> = new Set(['password_reset', 'signup_confirm', 'signup_existing', 'password_changed']);

/** An instant in the recipient's zone, with the zone named: "12 Jun 2026, 14:05 (Europe/Paris)". */
export function formatInstant(instant: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
  return `${text} (${timeZone.replace(/_/g, ' ')})`;
}

const ROLE_WORDS: Record<string, string> = { admin: 'an admin', manager: 'a manager', rep: 'a sales rep' };
const hi = (name: string | null) => ({ p: name ? `Hi ${name},` : 'Hello,' });
const more = (n: number) => (n > 1 ? ` and ${n - 1} more` : '');
const GONE = '(This single-use link was removed from our copy after the mail was sent.)';

function itemLine(i: MailItem, base: string, withDate: boolean) {
  const parts = [`${i.title} — ${i.context}`];
  if (withDate) parts.push(`due ${formatCalendarDate(i.dueDate)}`);
  if (i.mustDo) parts.push('must-do');
  return { text: parts.join(', '), url: base + i.path };
}

function footerFor(kind: MailKind, links: Links, why: string): Block[] {
  const footer: Block[] = [{ small: why }];
  if (links.unsubscribeUrl) {
    footer.push({ small: `Stop these emails: ${links.unsubscribeUrl}` });
    if (kind !== 'customer_link' && kind !== 'customer_reminder' && kind !== 'invitation') footer.push({ small: `Choose which emails you get: ${links.base}/settings/profile` });
  }
  return footer;
}

type KeysOf<T> = T extends unknown ? keyof T : never;
/**
 * The facts that are not text anyone wrote: kinds, dates, instants, zones, paths in the app, ids, and
 * the account's own address (the recipient's, which the account mails are about). Every other string
 * is someone's words — titles, comments, reasons, names, what a customer did — however the mail
 * uses it, and a new field is someone's words until it is listed here.
 */
const NOT_WRITTEN: ReadonlySet<string> = new Set<KeysOf<MailData> | keyof MailItem>(['kind', 'timeZone', 'path', 'date', 'dueDate', 'fromDate', 'toDate', 'expiresAt', 'changedAt', 'linkSentAt', 'inviteId', 'role', 'when', 'email']);

/** The facts with everyone's words made unlinkable (compose.ts), once for every kind of mail: only the links Advance writes stay links. */
function withUnlinkableWords<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (NOT_WRITTEN.has(key) ? value : unlinkable(value)) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withUnlinkableWords(v, key)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUnlinkableWords(v, k)])) as T;
  return value;
}

export function renderMail(facts: MailData, links: Links): Composed {
  const data = withUnlinkableWords(facts);
  const { base } = links;
  const secretUrl = (path: string) => (links.secret ? `${base}${path}${links.secret}` : null);
  switch (data.kind) {
    case 'due_tomorrow': {
      const first = data.items[0];
      return compose(
        `Due tomorrow: ${first?.title ?? 'your commitments'}${more(data.items.length)}`,
        [
          hi(data.name),
          { p: `${data.items.length === 1 ? 'This is' : 'These are'} due tomorrow, ${formatCalendarDate(data.date)}:` },
          // Each is judged in its own zone: one far from the reader's can be due tomorrow on another date.
          { list: data.items.map((i) => itemLine(i, base, i.dueDate !== data.date)) },
          { p: 'Will it be done on time? If not, re-date it today — before it slips — and say why.' },
          { button: { url: `${base}/today`, label: 'Open Today' } },
        ],
        footerFor(data.kind, links, 'You get this email the day before your commitments are due.'),
      );
    }
    case 'overdue': {
      const first = data.items[0];
      return compose(
        `Overdue: ${first?.title ?? 'your commitments'}${more(data.items.length)}`,
        [
          hi(data.name),
          { p: `${data.items.length === 1 ? 'This commitment' : 'These commitments'} passed ${data.items.length === 1 ? 'its' : 'their'} date without being done or re-dated:` },
          { list: data.items.map((i) => itemLine(i, base, true)) },
          { p: 'Mark what is done, or agree a new date with the other side and say why.' },
          { button: { url: `${base}/today`, label: 'Open Today' } },
        ],
        footerFor(data.kind, links, 'You get this email when one of your commitments becomes overdue.'),
      );
    }
    case 'must_do_soon':
      return compose(
        `Confirm or re-date: ${data.item.title} (due ${formatCalendarDate(data.item.dueDate)})`,
        [
          hi(data.name),
          { p: `“${data.item.title}” (${data.item.context}) is a must-do, due in two days: ${formatCalendarDate(data.item.dueDate)}.` },
          { p: 'Will it be done on time? If not, agree a new date now: a re-date before the day is keeping your word.' },
          { button: { url: base + data.item.path, label: 'Confirm or re-date' } },
        ],
        footerFor(data.kind, links, 'You get this email two days before a must-do commitment is due.'),
      );
    case 'date_waiting':
      return compose(
        `New date proposed: ${data.item.title}`,
        [
          hi(data.name),
          { p: `${data.requestedBy} proposed moving “${data.item.title}” (${data.item.context}) from ${formatCalendarDate(data.fromDate)} to ${formatCalendarDate(data.toDate)}, because:` },
          { quote: data.reason },
          { p: 'The date stands until you accept or decline the new one.' },
          { button: { url: base + data.item.path, label: 'Answer the new date' } },
        ],
        footerFor(data.kind, links, 'You get this email when a new date waits for your answer.'),
      );
    case 'customer_activity':
      return compose(
        `${data.actorName} on “${data.planTitle}”: ${data.events.length === 1 ? data.events[0] : `${data.events.length + (data.more ?? 0)} updates`}`,
        [
          hi(data.name),
          { p: `${data.actorName} worked on your plan “${data.planTitle}” through their share link:` },
          { list: data.events.map((text) => ({ text })) },
          ...(data.more ? [{ p: `…and ${data.more} more.` }] : []),
          { button: { url: base + data.path, label: 'Open the plan' } },
        ],
        footerFor(data.kind, links, 'You get this email when a customer acts on one of your plans (a burst of activity comes as one email).'),
      );
    case 'daily_digest':
      return compose(
        `Your day: ${data.dueToday.length} due, ${data.overdue.length} overdue${data.waiting ? `, ${data.waiting} waiting for your answer` : ''}`,
        [
          hi(data.name),
          { p: `Your day, ${formatCalendarDate(data.date)}.` },
          ...(data.dueToday.length ? [{ p: 'Due today:' }, { list: data.dueToday.map((i) => itemLine(i, base, false)) }] : [{ p: 'Nothing is due today.' }]),
          ...(data.overdue.length ? [{ p: 'Overdue:' }, { list: data.overdue.map((i) => itemLine(i, base, true)) }] : []),
          ...(data.waiting ? [{ p: `${data.waiting} new ${data.waiting === 1 ? 'date waits' : 'dates wait'} for your answer.` }] : []),
          ...(data.unread ? [{ p: `${data.unread} unread ${data.unread === 1 ? 'notification' : 'notifications'}.` }] : []),
          { button: { url: `${base}/today`, label: 'Open Today' } },
        ],
        footerFor(data.kind, links, 'You get this email each morning because you turned on the daily digest.'),
      );
    case 'invitation': {
      const url = secretUrl('/invite/');
      return compose(
        `${data.inviterName} invited you to ${data.workspaceName} on Advance`,
        [
          { p: 'Hello,' },
          { p: `${data.inviterName} invited you to join ${data.workspaceName} on Advance as ${ROLE_WORDS[data.role] ?? data.role}: mutual plans with customers, call outcomes and goals.` },
          url ? { button: { url, label: `Join ${data.workspaceName}` } } : { p: GONE },
          { small: `The link works once, until ${formatInstant(data.expiresAt, data.timeZone)}. If you did not expect this invitation, ignore this email.` },
        ],
        footerFor(data.kind, links, `You get this email because ${data.inviterName} invited this address.`),
      );
    }
    case 'password_reset': {
      const url = secretUrl('/reset-password/');
      return compose(
        'Reset your Advance password',
        [
          hi(data.name),
          { p: `Someone — hopefully you — asked to reset the password of the Advance account ${data.email}.` },
          url ? { button: { url, label: 'Choose a new password' } } : { p: GONE },
          { small: `The link works once, until ${formatInstant(data.expiresAt, data.timeZone)}. If you did not ask, ignore this email: your password stays as it is.` },
        ],
      );
    }
    case 'signup_confirm': {
      const url = secretUrl('/confirm/');
      return compose(
        `Confirm your email to create ${data.workspaceName}`,
        [
          hi(data.name),
          { p: `Confirm this address to create the workspace ${data.workspaceName} on Advance.` },
          url ? { button: { url, label: 'Confirm and create the workspace' } } : { p: GONE },
          { small: `The link works once, until ${formatInstant(data.expiresAt, data.timeZone)}. If you did not sign up, ignore this email: nothing is created.` },
        ],
      );
    }
    case 'signup_existing':
      return compose('You already have an Advance account', [
        hi(data.name),
        { p: `Someone — hopefully you — tried to create a new workspace with ${data.email}. This address already has an Advance account, so nothing was created.` },
        { p: `Sign in: ${base}/` },
        { p: `Forgot your password? Reset it: ${base}/forgot-password` },
        { small: 'If it was not you, ignore this email: your account is unchanged.' },
      ]);
    case 'password_changed':
      return compose('Your Advance password was changed', [
        hi(data.name),
        { p: `The password of the Advance account ${data.email} was changed on ${formatInstant(data.changedAt, data.timeZone)}, by someone signed in to it. Every other session of the account was signed out.` },
        { p: 'If it was you, there is nothing to do.' },
        { p: `If it was not you, reset your password now — the link goes to this address: ${base}/forgot-password — and tell your Advance admin.` },
        { small: 'You get this email whenever the password of your account changes.' },
      ]);
    case 'customer_link': {
      const url = secretUrl('/p/');
      return compose(
        `${data.sellerName} shared “${data.planTitle}” with you`,
        [
          hi(data.name),
          { p: `${data.sellerName} of ${data.workspaceName} shared your mutual plan “${data.planTitle}”: what you agreed to achieve together, and who does what by when. You can tick off and re-date your side, and comment — no account needed.` },
          url ? { button: { url, label: 'Open the plan' } } : { p: GONE },
          { small: `Keep this email: the link is yours alone and works until ${formatInstant(data.expiresAt, data.timeZone)}. Anyone with it can see the plan, so please do not forward it.` },
          { small: 'We will remind you the day before your side’s commitments are due, and when one passes its date.' },
        ],
        footerFor(data.kind, links, `You get this email because ${data.sellerName} sent you this plan.`),
      );
    }
    case 'customer_reminder':
      return compose(
        data.when === 'tomorrow' ? `Reminder: ${data.items[0]?.title ?? 'your commitments'}${more(data.items.length)} due tomorrow` : `Overdue: ${data.items[0]?.title ?? 'your commitments'}${more(data.items.length)}`,
        [
          hi(data.name),
          { p: data.when === 'tomorrow' ? `On “${data.planTitle}” with ${data.sellerName}, your side agreed to this by tomorrow:` : `On “${data.planTitle}” with ${data.sellerName}, this passed its date:` },
          { list: data.items.map((i) => ({ text: `${i.title}, due ${formatCalendarDate(i.dueDate)}` })) },
          { p: `If the date no longer works, propose a new one on the plan — open it with the link in the email of ${formatInstant(data.linkSentAt, data.timeZone)} (“${data.sellerName} shared “${data.planTitle}” with you”).` },
        ],
        footerFor(data.kind, links, `You get this email because ${data.sellerName} sent you this plan by email.`),
      );
  }
}
