import { FIRST_CALENDAR_YEAR, isCalendarDate, isRealDate, LAST_CALENDAR_YEAR } from '../shared/common.js';
import type { DateOrder, DecimalMark } from '../shared/imports.js';
import { AMOUNT_MINOR_MAX, currencyDigits, isKnownCurrency } from '../shared/money.js';

/**
 * Values as CRM exports write them, read into what the API takes. Exports follow the exporting
 * person's locale: Salesforce reports write 31/12/2026 or 12/31/2026 and "1.234,56" or "1,234.56";
 * data exports and HubSpot write ISO dates, sometimes with a time. The admin says which order and
 * which decimal mark the file uses (guessed from the file first, see guessDateOrder/guessDecimalMark).
 */

export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(.*))?$/;
const LOCAL = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:(?:\s*,\s*|\s+|T)(.*))?$/;

/** A time of day: HH:MM or HH:MM:SS, with a fraction of seconds. Hours and minutes are checked after. */
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?`;
/** After an ISO date: 24-hour, then Z or an offset (+01:00, +0100, +01). */
const ISO_TIME = new RegExp(String.raw`^${CLOCK}(?:\s*(Z|[+-](\d{2})(?::?(\d{2}))?))?$`, 'i');
/** After a local date: 24-hour, or 12-hour with AM/PM (“5:00 PM”, “5:00 p.m.”). */
const LOCAL_TIME = new RegExp(String.raw`^${CLOCK}(?:\s*([AP])\.?M\.?)?$`, 'i');

/** Offsets run from −12:00 to +14:00 in the world; either sign up to 14:00 is accepted. */
const OFFSET_MAX_MINUTES = 14 * 60;

/** Whether the time written after a date is a real time of day (never 24:00, 25:99 or 10:00+25:00). */
function isRealTime(text: string, local: boolean): boolean {
  const m = (local ? LOCAL_TIME : ISO_TIME).exec(text);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
  if (minute > 59 || second > 59) return false;
  if (local && m[4]) return hour >= 1 && hour <= 12;
  if (hour > 23) return false;
  if (!local && m[4] && m[4].toUpperCase() !== 'Z') {
    const minutes = Number(m[5]) * 60 + (m[6] === undefined ? 0 : Number(m[6]));
    if ((m[6] !== undefined && Number(m[6]) > 59) || minutes > OFFSET_MAX_MINUTES) return false;
  }
  return true;
}

/**
 * A two-digit year, by the sliding window most spreadsheets and strptime use: 00–69 are 2000–2069,
 * 70–99 are 1970–1999 (so 1/1/99 is 1999, 1/1/27 is 2027).
 */
export function fullYear(twoDigits: string): string {
  return Number(twoDigits) < 70 ? `20${twoDigits}` : `19${twoDigits}`;
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * A date of the file as YYYY-MM-DD: ISO always; d/m/y or m/d/y by `order`. A time may follow the
 * date (`2026-12-31 17:00`, `2026-12-31T17:00:00.000Z`, `12/31/2026 5:00 PM`) when it is a real one;
 * it is checked, then left out: the day is the one written (an offset converts nothing).
 */
export function readImportDate(text: string, order: DateOrder): Reading<string> {
  const s = text.trim();
  const iso = ISO.exec(s);
  const local = iso ? null : LOCAL.exec(s);
  let date: string | null = null;
  let time: string | undefined;
  if (iso) {
    date = `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}`;
    time = iso[4];
  } else if (local) {
    const [first, second] = [local[1], local[2]];
    const year = local[3].length === 2 ? fullYear(local[3]) : local[3];
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    date = `${year}-${pad(month)}-${pad(day)}`;
    time = local[4];
  }
  if (date === null) return { ok: false, message: `“${s}” is not a date: use 2026-12-31 or ${order === 'dmy' ? '31/12/2026' : '12/31/2026'}.` };
  if (time !== undefined && !isRealTime(time, !iso)) {
    const what = time === '' ? 'a “T” and no time after the date' : `“${time}” after the date, which is not a time`;
    return { ok: false, message: `“${s}” has ${what}: write the date alone, or with a time such as ${iso ? '14:30 or 14:30:00Z' : '14:30 or 2:30 PM'}.` };
  }
  if (isRealDate(date) && !isCalendarDate(date)) return { ok: false, message: `“${s}” is outside the years Advance takes (${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}).` };
  if (!isCalendarDate(date)) return { ok: false, message: `“${s}” is not a real date${iso ? '' : order === 'dmy' ? ' (read day first)' : ' (read month first)'}.` };
  return { ok: true, value: date };
}

/**
 * A currency marker written before or after a number: an ISO code (“USD 100”, “100 eur”) or a
 * symbol, alone or after up to three letters (“$”, “€”, “US$”, “CA$”, “R$”, “CN¥”).
 */
const MARKER = String.raw`(?:[A-Za-z]{0,3}\p{Sc}|[A-Za-z]{3})`;
/** A cell taken apart: a sign or opening parenthesis, a marker, the number, a marker, a closing parenthesis. */
const AMOUNT_PARTS = new RegExp(String.raw`^([-+(]*)(${MARKER})?(.*?)(${MARKER})?(\)?)$`, 'u');

/** The symbols a currency is written with in English-speaking locales (USD: $ and US$; CAD: $ and CA$; JPY: ¥ and JP¥). */
const symbolsByCurrency = new Map<string, readonly string[]>();
function symbolsOf(currency: string): readonly string[] {
  let symbols = symbolsByCurrency.get(currency);
  if (!symbols) {
    const found = new Set<string>();
    for (const locale of ['en', 'en-CA', 'en-AU']) {
      for (const currencyDisplay of ['narrowSymbol', 'symbol'] as const) {
        try {
          const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency')?.value;
          if (part && /\p{Sc}/u.test(part)) found.add(part);
        } catch {
          // Not a currency the platform knows: only its code names it.
        }
      }
    }
    symbols = [...found];
    if (symbolsByCurrency.size < 500) symbolsByCurrency.set(currency, symbols);
  }
  return symbols;
}

/**
 * What a marker in an amount's cell says about its currency: nothing against `currency` (its code,
 * or one of its symbols — `$` is every dollar's, and the peso's, so it agrees with any of them),
 * another currency (named as written), or not a currency at all.
 */
export function currencyOfMarker(marker: string, currency: string): { agrees: true } | { agrees: false; names: string | null } {
  const code = marker.toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) {
    if (code === currency.toUpperCase()) return { agrees: true };
    return { agrees: false, names: isKnownCurrency(code) ? code : null };
  }
  return symbolsOf(currency.toUpperCase()).includes(marker) ? { agrees: true } : { agrees: false, names: marker };
}

/**
 * An amount of the file in minor units of `currency` (the row's: its currency column, else the
 * import's). With a dot as decimal mark, commas (and spaces, apostrophes) group thousands:
 * "1,234.56"; with a comma, dots group them: "1.234,56". A currency code or symbol before or after
 * the number is allowed when it is the row's currency; one of another currency is refused, never
 * relabelled. Negative amounts are refused (the API's rule).
 */
export function readImportAmount(text: string, mark: DecimalMark, currency: string): Reading<number> {
  const raw = text.trim();
  const notAmount: Reading<number> = { ok: false, message: `“${raw}” is not an amount (decimal mark “${mark}”).` };
  const parts = AMOUNT_PARTS.exec(raw.replace(/[\s\u00a0\u202f'’]/g, ''));
  if (!parts) return notAmount;
  const [, head, before, body, after, tail] = parts;
  if (before !== undefined && after !== undefined) return notAmount;
  const number = head + body + tail;
  if (head.includes('-') || body.startsWith('-') || /^\(.*\)$/.test(number)) return { ok: false, message: 'The amount cannot be negative.' };
  const pieces = number.replace(/^\+/, '').split(mark);
  if (pieces.length > 2) return notAmount;
  const [intPart, fracPart = ''] = pieces;
  const grouped = mark === '.' ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
  if (!/^\d+$/.test(intPart) && !grouped.test(intPart)) return notAmount;
  if (!/^\d*$/.test(fracPart) || (pieces.length === 2 && fracPart === '')) return notAmount;
  const marker = before ?? after;
  if (marker !== undefined) {
    const said = currencyOfMarker(marker, currency);
    if (!said.agrees) {
      if (said.names === null) return notAmount;
      return { ok: false, message: `“${raw}” is written in ${said.names}, but this row’s currency is ${currency}: fix the amount, or say the currency in the currency column.` };
    }
  }
  const digitsOnly = intPart.replace(/[.,]/g, '');
  const digits = currencyDigits(currency);
  // Exports often pad decimals ("1234.5600"): zeros past the currency's digits change nothing.
  const frac = fracPart.replace(/0+$/, '');
  if (frac.length > digits) return { ok: false, message: `“${raw}” has more decimals than ${currency} uses.` };
  const minor = Number(digitsOnly + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor) || minor > AMOUNT_MINOR_MAX) return { ok: false, message: 'That amount is too large.' };
  return { ok: true, value: minor };
}

/** Day or month first, judged from the dates of a column: a first part above 12 settles it; else month first if a second part is above 12. */
export function guessDateOrder(values: readonly string[], fallback: DateOrder): DateOrder {
  for (const v of values) {
    const m = LOCAL.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return fallback;
}

/** The decimal mark of a column of amounts: the last separator followed by one or two digits (or the later of both marks). */
export function guessDecimalMark(values: readonly string[], fallback: DecimalMark): DecimalMark {
  for (const v of values) {
    const s = v.replace(/[^\d.,]/g, '');
    const dot = s.lastIndexOf('.');
    const comma = s.lastIndexOf(',');
    if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
    const at = Math.max(dot, comma);
    if (at >= 0 && s.length - at - 1 <= 2) return dot > comma ? '.' : ',';
  }
  return fallback;
}

/** The domain of a website as written in CRMs ("https://www.acme.com/about" → "acme.com"); null when there is none. */
export function domainOf(website: string): string | null {
  const s = website.trim().toLowerCase();
  if (!s) return null;
  const host = s.replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0].replace(/^www\./, '');
  return host || null;
}

/** An email inside an owner's cell ("Ana Ruiz <ana@acme.com>", "ana@acme.com"), lowercased; null when there is none. */
export function emailIn(text: string): string | null {
  const m = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/.exec(text);
  return m ? m[0].toLowerCase() : null;
}

/** HubSpot writes several associated ids separated by ";": the first is the primary one. */
export const firstOfList = (text: string) => text.split(';')[0].trim();
