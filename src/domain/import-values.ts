import { FIRST_CALENDAR_YEAR, isCalendarDate, isRealDate, LAST_CALENDAR_YEAR } from '../shared/common.js';
import type { DateOrder, DecimalMark } from '../shared/imports.js';
import { AMOUNT_MINOR_MAX, currencyDigits } from '../shared/money.js';

/**
 * Values as CRM exports write them, read into what the API takes. Exports follow the exporting
 * person's locale: Salesforce reports write 31/12/2026 or 12/31/2026 and "1.234,56" or "1,234.56";
 * data exports and HubSpot write ISO dates, sometimes with a time. The admin says which order and
 * which decimal mark the file uses (guessed from the file first, see guessDateOrder/guessDecimalMark).
 */

export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const LOCAL = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ ,T].*)?$/;

const pad = (n: string) => n.padStart(2, '0');

/** A date of the file as YYYY-MM-DD: ISO (with or without a time) always; d/m/y or m/d/y by `order`. */
export function readImportDate(text: string, order: DateOrder): Reading<string> {
  const s = text.trim();
  const iso = ISO.exec(s);
  let date: string | null = null;
  if (iso) date = `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}`;
  else {
    const local = LOCAL.exec(s);
    if (local) {
      const [first, second] = [local[1], local[2]];
      const year = local[3].length === 2 ? `20${local[3]}` : local[3];
      const [day, month] = order === 'dmy' ? [first, second] : [second, first];
      date = `${year}-${pad(month)}-${pad(day)}`;
    }
  }
  if (date === null) return { ok: false, message: `“${s}” is not a date: use 2026-12-31 or ${order === 'dmy' ? '31/12/2026' : '12/31/2026'}.` };
  if (isRealDate(date) && !isCalendarDate(date)) return { ok: false, message: `“${s}” is outside the years Advance takes (${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}).` };
  if (!isCalendarDate(date)) return { ok: false, message: `“${s}” is not a real date${iso ? '' : order === 'dmy' ? ' (read day first)' : ' (read month first)'}.` };
  return { ok: true, value: date };
}

/** A currency code or symbol before or after the number ("EUR 12,5", "$1,234", "1 234 €"). */
const SYMBOLS = /^(?:[A-Z]{3}|US\$|[€$£¥₹])|(?:[A-Z]{3}|[€$£¥₹])$/gu;

/**
 * An amount of the file in minor units of `currency`. With a dot as decimal mark, commas (and
 * spaces, apostrophes) group thousands: "1,234.56"; with a comma, dots group them: "1.234,56".
 * A currency symbol or code around the number is allowed. Negative amounts are refused (the API's rule).
 */
export function readImportAmount(text: string, mark: DecimalMark, currency: string): Reading<number> {
  const raw = text.trim();
  const compact = raw.replace(/[\s\u00a0\u202f'’]/g, '').replace(SYMBOLS, '');
  if (compact.startsWith('-') || /^\(.*\)$/.test(compact)) return { ok: false, message: 'The amount cannot be negative.' };
  const notAmount: Reading<number> = { ok: false, message: `“${raw}” is not an amount (decimal mark “${mark}”).` };
  const parts = compact.replace(/^\+/, '').split(mark);
  if (parts.length > 2) return notAmount;
  const [intPart, fracPart = ''] = parts;
  const grouped = mark === '.' ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
  if (!/^\d+$/.test(intPart) && !grouped.test(intPart)) return notAmount;
  if (!/^\d*$/.test(fracPart) || (parts.length === 2 && fracPart === '')) return notAmount;
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
