import type { Money } from '../../shared/common';
import { currencyDigits, minorToDecimal } from '../../shared/money';
import { HIDDEN_AMOUNT, isReviewMode } from '../app/reviewMode';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date as the reader writes dates. Read at UTC so the day never shifts with the browser's zone. */
export function formatDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : dateFormat.format(d);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, fractionDigits: number): Intl.NumberFormat | null {
  const key = `${currency}:${fractionDigits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    } catch {
      return null;
    }
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * An amount in its own currency (never converted, never summed with another currency). Whole
 * amounts drop the cents (€52,000); others show all of them (€12.50, not €12.5).
 */
export function formatMoney(money: Money): string {
  // Review mode hides every amount the app shows (app/reviewMode.ts).
  if (isReviewMode()) return HIDDEN_AMOUNT;
  const digits = currencyDigits(money.currency);
  const whole = money.amountMinor % 10 ** digits === 0;
  const decimal = minorToDecimal(money.amountMinor, money.currency);
  const f = moneyFormat(money.currency, whole ? 0 : digits);
  // Formatting the decimal string (not a float) keeps every cent exact.
  return f ? f.format(decimal as `${number}`) : `${decimal} ${money.currency}`;
}

// Building an Intl formatter costs far more than formatting with one (a page of rows built one per
// row spent more time there than in rendering them, profiled): one per kind and time zone, kept.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The reader's Intl.DateTimeFormat for these options, built once. Throws RangeError for a time zone
 * the platform does not know, as the constructor does (and keeps nothing).
 */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** An instant shown in the reader's time zone, e.g. "12 Mar 2026, 14:05". */
export function formatDateTime(instant: string, timeZone?: string): string {
  try {
    return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
  } catch {
    return instant;
  }
}

/** "just now", "5 min ago", "2 h ago", "3 d ago", then the date. */
export function relativeTime(instant: string, timeZone?: string, now: number = Date.now()): string {
  const seconds = Math.round((now - Date.parse(instant)) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} d ago`;
  try {
    return dateTimeFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(instant));
  } catch {
    return instant.slice(0, 10);
  }
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** The first character as a person sees it (an emoji with its modifiers, a letter with its accent). */
function firstGrapheme(word: string): string {
  if (graphemes) return graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
  return Array.from(word)[0] ?? '';
}

/** "Ada Lovelace" → "AL"; split by grapheme, so an emoji or a combined letter is never cut in half. */
export function initials(name: string): string {
  // What is said about the person in brackets is not their name: "Ana Buyer (customer)" → "AB".
  const bare = name.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  const parts = (bare || name).trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const words = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return words.map((w) => firstGrapheme(w).toLocaleUpperCase()).join('');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const ROLE_LABELS = { admin: 'Admin', manager: 'Manager', rep: 'Rep' } as const;

/** Time zone name for people: "Europe/Paris" → "Europe / Paris". */
export function timeZoneLabel(tz: string): string {
  return tz.replace(/_/g, ' ').replace(/\//g, ' / ');
}
