import { z } from 'zod';
import { isKnownCurrency } from './money.js';

export { isKnownCurrency };

/** Half of a UTF-16 surrogate pair without its other half: no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every text the API accepts starts here: any string except one holding NUL (\u0000), which no
 * person types and PostgreSQL cannot store, or half of a surrogate pair, which no database stores
 * as sent (it came back as U+FFFD: what was saved would not be what was answered). Refused with 400
 * naming the field.
 */
export const Text = z
  .string()
  .refine((s) => !s.includes('\u0000'), 'Remove the NUL character (\\u0000) from this text.')
  .refine((s) => !LONE_SURROGATE.test(s), 'This text holds half of a character (a lone UTF-16 surrogate): type it again.');

/** Characters that take no room: a text of only these (and spaces) says nothing. */
const INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;
/** Whether a text is empty to the eye (spaces and zero-width characters only). */
export const saysNothing = (t: string) => INVISIBLE.test(t);

/** The shape of an id (a UUID, as Advance makes them); an id of another shape names nothing. */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** Opaque, time-ordered identifiers (UUIDv7). */
export const Id = z.string().regex(ID_PATTERN, 'Use an id as the API returns it.').meta({ format: 'uuid', example: '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d55' });

/** A secret in a link (share link, invite): base64url, as Advance makes them. */
export const Token = z.string().regex(/^[A-Za-z0-9_-]+$/, 'This link is not valid.');

const knownTimeZones = new Map<string, boolean>();
let ianaZoneNames: Set<string> | null = null;
const ianaZones = () => (ianaZoneNames ??= new Set(Intl.supportedValuesOf('timeZone')));

/**
 * The platform's own name for a zone it knows (`europe/paris` → `Europe/Paris`, `US/Pacific` →
 * `America/Los_Angeles`), or null for a zone it does not know.
 */
export function canonicalTimeZone(tz: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * A zone the platform knows, spelt as the IANA database spells it. Intl takes any letter case, but
 * calendar apps and the zone data behind a feed's VTIMEZONE do not: `europe/paris` is refused (the
 * error says how to write it). Other names the platform maps elsewhere stay as given: Asia/Kolkata is
 * what Firefox reports where Chromium says Asia/Calcutta. Checking builds an Intl formatter, which is
 * slow on hot paths (every response): answers are remembered.
 */
export function isValidTimeZone(tz: string): boolean {
  let valid = knownTimeZones.get(tz);
  if (valid === undefined) {
    const canonical = canonicalTimeZone(tz);
    valid =
      tz.length > 0 &&
      canonical !== null &&
      // A zone of the IANA database (Intl also takes fixed offsets such as +05:00, which follow no clock changes).
      (canonical === 'UTC' || ianaZones().has(canonical)) &&
      !(canonical !== tz && canonical.toLowerCase() === tz.toLowerCase());
    if (knownTimeZones.size < 1000) knownTimeZones.set(tz, valid);
  }
  return valid;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The years a date may fall in: what a sales team plans and looks back on, with room to spare.
 * Outside them the calendar arithmetic behind weeks, quarters and reminders would step past year
 * 9999, which a YYYY-MM-DD text cannot hold (a coaching period in 9999 once looped until the server
 * ran out of memory).
 */
export const FIRST_CALENDAR_YEAR = 1900;
export const LAST_CALENDAR_YEAR = 2999;

/** A YYYY-MM-DD date that exists (no 2026-02-30), of any year from 1 to 9999. Plain arithmetic: it runs for every date of every request. */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** A real date within the years Advance takes (FIRST_CALENDAR_YEAR to LAST_CALENDAR_YEAR). */
export function isCalendarDate(value: string): boolean {
  if (!isRealDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR;
}

/** A calendar date, `YYYY-MM-DD`, meaning that day in its owner's time zone. */
export const CalendarDate = z
  .string()
  // People see this beside a date picker in their own format; the API's YYYY-MM-DD is in the description.
  .refine(isCalendarDate, {
    error: (issue) => {
      const input = String(issue.input);
      if (input.trim() === '') return 'Choose a date.';
      if (isRealDate(input)) return `Choose a date between ${FIRST_CALENDAR_YEAR} and ${LAST_CALENDAR_YEAR}.`;
      // A date picker always gives YYYY-MM-DD: the other two are for whoever typed it (the API, a file).
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return 'Write the date as YYYY-MM-DD, for example 2026-12-31.';
      return `${input} is not a day of the calendar: check the month and the day.`;
    },
  })
  .meta({ description: `Calendar date (YYYY-MM-DD) in the owner’s time zone, from ${FIRST_CALENDAR_YEAR}-01-01 to ${LAST_CALENDAR_YEAR}-12-31`, example: '2026-12-31' });

/** An instant, RFC 3339 in UTC. */
export const Instant = z.string().meta({ description: 'RFC 3339 instant in UTC', example: '2026-11-23T16:00:00.000Z' });

export const TimeZone = z
  .string()
  .min(1, 'Choose a time zone such as Europe/Paris.')
  .max(64, 'Choose a time zone such as Europe/Paris.')
  // Only what the length checks let through: one message per field.
  .refine((tz) => tz.length === 0 || tz.length > 64 || isValidTimeZone(tz), {
    error: (issue) => {
      const canonical = canonicalTimeZone(String(issue.input));
      const input = String(issue.input);
      const respell = canonical && canonical !== input && canonical.toLowerCase() === input.toLowerCase() && isValidTimeZone(canonical);
      return respell ? `Write this time zone as ${canonical}.` : 'Choose a time zone such as Europe/Paris.';
    },
  })
  .meta({ description: 'IANA time zone, spelt as the IANA database spells it (Europe/Paris, not europe/paris)', example: 'Europe/Paris' });

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR.')
  // Only for what has the shape of a code: one message per field. (Not `abort`: an aborted check stops
  // the refinements of the object around it, whose own field errors would then go unsaid.)
  .refine((code) => !/^[A-Z]{3}$/.test(code) || isKnownCurrency(code), 'Use the ISO 4217 code of a currency in use, such as EUR.');

// Strict: an amount with a field it does not know is refused (400 naming it), like every body.
export const Money = z
  .strictObject({
    amountMinor: z
      .number()
      .int('Amounts are whole minor units (cents).')
      .min(0, 'The amount cannot be negative.')
      .max(999_999_999_999_999, 'That amount is too large.'),
    currency: Currency,
  })
  .meta({ id: 'Money', description: 'Integer minor units and an ISO 4217 code' });
export type Money = z.infer<typeof Money>;

/**
 * A sum of amounts in one currency (a rep's objectives, the revenue won in a period). Each amount is
 * at most 999 999 999 999 999 minor units, so a sum can pass what a JSON number carries exactly:
 * sums stop at 2^53 − 1 minor units (about 90 trillion in a two-decimal currency).
 */
export const MONEY_TOTAL_MAX = Number.MAX_SAFE_INTEGER;
export const MoneyTotal = z
  .object({ amountMinor: z.number().int().min(0).max(MONEY_TOTAL_MAX), currency: Currency })
  .meta({ id: 'MoneyTotal', description: 'A sum of amounts: integer minor units (at most 2^53 − 1; a larger sum reads as that ceiling) and an ISO 4217 code' });
export type MoneyTotal = z.infer<typeof MoneyTotal>;

export const Version = z.number().int().min(1);

export const ROLES = ['admin', 'manager', 'rep'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const UserRef = z.object({ id: Id, name: z.string() });
export type UserRef = z.infer<typeof UserRef>;

export const Permissions = z.object({ canEdit: z.boolean() });

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

export const listQueryBase = {
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: Text.max(500).optional(),
};

/** `active` (default), `archived`, or `all`. */
export const ArchivedFilter = z.enum(['active', 'archived', 'all']).default('active');

export function page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const IdParams = z.strictObject({ id: Id });

/** Optional text: empty strings from forms become null. */
export function optionalText(max: number) {
  return Text.trim()
    .max(max, `Keep this to ${max} characters or fewer.`)
    .nullable()
    .optional();
}

export function requiredText(max: number, what = 'This') {
  return Text.trim()
    .min(1, `${what} is required.`)
    .max(max, `Keep this to ${max} characters or fewer.`)
    .refine((t) => t.length === 0 || !INVISIBLE.test(t), `${what} is required.`);
}

/** A web or email address: what mail clients turn into a link wherever it appears in a mail's text. */
const ADDRESS_IN_NAME = /:\/\/|www\.|@|\.[a-z]{2,}\//i;

/**
 * The name of a person or a workspace: shown in the emails Advance sends (invitations, share links,
 * reminders), where mail clients turn any address into a link. So it holds no web or email address:
 * "IT Support - verify at https://evil.example" would otherwise reach people as a genuine Advance email.
 */
export function nameText(max: number, what: string) {
  return requiredText(max, what).refine((t) => !ADDRESS_IN_NAME.test(t), `${what} cannot hold a web or email address: it appears in emails, where it would become a link.`);
}

/** Actions that take no input: nothing, or an empty JSON object; any field is refused. */
export const NoBody = z.strictObject({}).nullish();

/** An action on a versioned record (archive, restore, start): from the version read, in `version` or an If-Match header (one of the two is required). */
export const VersionBody = z.strictObject({ version: Version.optional().meta({ description: 'The version you read; required here or as If-Match: "<version>"' }) }).nullish();
/** Archive or restore: from the version read, in `version` or an If-Match header (one of the two is required). */
export const ArchiveBody = VersionBody;

/** A move (`position`) is made from the order its author read: without it, 400 naming `basis`. */
export const MOVE_NEEDS_BASIS = 'Send the order you read (`basis`: the ids of the whole list, in order) with the new position.';

/**
 * The fields of a move within an admin's ordered list (stages, sweet-spot criteria): the new place,
 * and the whole list's order as read (`list`: its route, e.g. "GET /stages"). A different order now
 * is a conflict; a position without the order, `needsBasis`'s field error.
 */
export function moveFields(things: string, thing: string, list: string) {
  return {
    position: z.number().int().min(0).max(1000).optional().meta({ description: `The new place among all the ${things}, archived ones too (0 = first; past the end = last). Needs \`basis\`.` }),
    basis: z
      .array(Id)
      .max(1001)
      .optional()
      .meta({
        description: `With \`position\`: the ids of every ${thing}, archived ones too, in the order you read them (${list}). If the ${things} are no longer in that order (someone moved or added one meanwhile), nothing moves and the answer is 409 with the ${thing} as it now is.`,
      }),
  };
}

/** `moveFields`' rule: a position comes with the order it was chosen in. */
export function needsBasis(v: { position?: number; basis?: string[] }, ctx: z.core.$RefinementCtx): void {
  if (v.position !== undefined && v.basis === undefined) ctx.addIssue({ code: 'custom', path: ['basis'], message: MOVE_NEEDS_BASIS });
}
