import { z } from 'zod';
import { Id, Instant, Token, listQueryBase, page } from './common.js';
import { Email, Password } from './people.js';

/**
 * Email: the mails Advance sends, each person's choice of them, the admins' view of the outbox, and
 * the account mails (password reset, sign-up confirmation).
 */

/** Mails a person chooses to get or not (Settings → My profile → Email). */
export const MAIL_PREFERENCE_KINDS = ['due_tomorrow', 'overdue', 'must_do_soon', 'date_waiting', 'customer_activity', 'daily_digest'] as const;
export type MailPreferenceKind = (typeof MAIL_PREFERENCE_KINDS)[number];

/** Every kind of mail. The account mails (reset, confirmation) are sent only when the person asks. */
export const MAIL_KINDS = [
  ...MAIL_PREFERENCE_KINDS,
  'invitation',
  'password_reset',
  'signup_confirm',
  'signup_existing',
  'customer_link',
  'customer_reminder',
  // Appended, never inserted: an unsubscribe token names its kind by its position in this list.
  'password_changed',
] as const;
export const MailKind = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKind>;

/** The field of each preference in the API (camelCase), its words, and whether it is on for someone who never chose. */
export type MailPreferenceField = 'dueTomorrow' | 'overdue' | 'mustDoSoon' | 'dateWaiting' | 'customerActivity' | 'dailyDigest';
export const MAIL_PREFERENCES: Record<MailPreferenceKind, { field: MailPreferenceField; label: string; hint: string; default: boolean }> = {
  due_tomorrow: { field: 'dueTomorrow', label: 'Due tomorrow', hint: 'Your commitments due tomorrow, the morning before.', default: true },
  overdue: { field: 'overdue', label: 'Overdue', hint: 'Commitments whose day ended without being done or re-dated.', default: true },
  must_do_soon: { field: 'mustDoSoon', label: 'Confirm or re-date', hint: 'Two days before a must-do: keep the date or agree a new one now.', default: true },
  date_waiting: { field: 'dateWaiting', label: 'New date waiting for your answer', hint: 'A customer or colleague proposed a new date.', default: true },
  customer_activity: { field: 'customerActivity', label: 'What customers did on your plans', hint: 'Ticks, comments and dates from share links, grouped.', default: true },
  daily_digest: { field: 'dailyDigest', label: 'Daily digest', hint: 'One morning email with your day: due, overdue and waiting.', default: false },
};

export const MailPreferences = z
  .object({
    dueTomorrow: z.boolean(),
    overdue: z.boolean(),
    mustDoSoon: z.boolean(),
    dateWaiting: z.boolean(),
    customerActivity: z.boolean(),
    dailyDigest: z.boolean(),
    /** Whether this server sends mail at all (SMTP configured); without it mail waits in the outbox. */
    delivery: z.enum(['smtp', 'outbox_only']),
  })
  .meta({ id: 'MailPreferences' });
export type MailPreferences = z.infer<typeof MailPreferences>;

export const UpdateMailPreferencesBody = z
  .strictObject({
    dueTomorrow: z.boolean().optional(),
    overdue: z.boolean().optional(),
    mustDoSoon: z.boolean().optional(),
    dateWaiting: z.boolean().optional(),
    customerActivity: z.boolean().optional(),
    dailyDigest: z.boolean().optional(),
  })
  .meta({ id: 'UpdateMailPreferencesBody' });
export type UpdateMailPreferencesBody = z.infer<typeof UpdateMailPreferencesBody>;

// ——— The outbox, as admins see it ———

export const MAIL_STATUSES = ['pending', 'sent', 'dead', 'skipped'] as const;
export const MailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatus>;

export const OutboxMail = z
  .object({
    id: Id,
    kind: MailKind,
    to: z.object({ address: z.string(), name: z.string().nullable() }),
    subject: z.string(),
    /** pending (waiting, or retrying after a failure), sent, dead (gave up; can be retried), skipped (the recipient turned it off). */
    status: MailStatus,
    attempts: z.number().int(),
    nextAttemptAt: Instant.nullable(),
    lastError: z.string().nullable(),
    messageId: z.string(),
    createdAt: Instant,
    sentAt: Instant.nullable(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof OutboxMail>;

export const OutboxMailDetail = OutboxMail.extend({
  /** The plain-text and HTML parts; null when hidden (a single-use link, on a server that sends mail). */
  text: z.string().nullable(),
  html: z.string().nullable(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
}).meta({ id: 'OutboxMailDetail' });
export type OutboxMailDetail = z.infer<typeof OutboxMailDetail>;

export const OutboxListQuery = z.strictObject({ ...listQueryBase, status: MailStatus.optional() });
export const OutboxList = page(OutboxMail)
  .extend({ delivery: z.enum(['smtp', 'outbox_only']), dead: z.number().int() })
  .meta({ id: 'OutboxList' });
export type OutboxList = z.infer<typeof OutboxList>;

// ——— One-click unsubscribe ———

export const UnsubscribeBody = z.strictObject({ token: Token.min(20).max(100) }).meta({ id: 'UnsubscribeBody' });
export const Unsubscribed = z.object({ stopped: z.string(), address: z.string().nullable() }).meta({ id: 'Unsubscribed' });
export type Unsubscribed = z.infer<typeof Unsubscribed>;

// ——— Accounts by email ———

export const PasswordResetRequestBody = z.strictObject({ email: Email }).meta({ id: 'PasswordResetRequestBody' });
/** The same answer whether or not the address has an account. */
export const EmailSent = z.object({ status: z.literal('check_your_email'), email: z.string() }).meta({ id: 'EmailSent' });
export type EmailSent = z.infer<typeof EmailSent>;

export const LinkTokenBody = z.strictObject({ token: Token.min(10).max(200) });
export const PasswordResetPreview = z.object({ email: z.string(), expiresAt: Instant }).meta({ id: 'PasswordResetPreview' });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreview>;
export const CompletePasswordResetBody = z.strictObject({ token: Token.min(10).max(200), password: Password }).meta({ id: 'CompletePasswordResetBody' });
export type CompletePasswordResetBody = z.infer<typeof CompletePasswordResetBody>;
