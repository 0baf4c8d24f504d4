/**
 * Money as people type and read it. Amounts travel as integer minor units (see `Money` in
 * common.ts); these helpers convert at the edges (forms, CSV) without floating-point rounding.
 */

const digitsByCurrency = new Map<string, number>();

/** Decimal places a currency uses (EUR 2, JPY 0, KWD 3), from the platform's ISO 4217 data. */
export function currencyDigits(currency: string): number {
  // Remembered: building an Intl.NumberFormat costs more than the rest of formatting an amount, and a
  // list formats dozens of amounts in a handful of currencies.
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    if (digitsByCurrency.size < 500) digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Parses what a person typed ("12,500.50", "12 500,5", "€1.250.000", "-3") into minor units of
 * `currency`; null when it is not an amount or has more decimals than the currency allows.
 * A single separator followed by exactly three digits is read as a thousands separator
 * ("12,500" and "12.500" are both twelve thousand five hundred), since money rarely has three decimals.
 */
export function parseAmount(text: string, currency: string): number | null {
  const r = readAmount(text, currency);
  return r.ok ? r.minor : null;
}

/** The largest amount the API accepts, in minor units (see `Money` in common.ts). */
export const AMOUNT_MINOR_MAX = 999_999_999_999_999;

export type AmountReading = { ok: true; minor: number } | { ok: false; reason: 'invalid' | 'too_large' | 'ambiguous' };

/**
 * Like parseAmount, saying why an amount is refused: not an amount, too large, or ambiguous — a
 * single dot followed by exactly three digits ("12.345") in a currency with two decimals could be
 * twelve thousand or twelve point three: the person is asked rather than guessed for.
 */
export function readAmount(text: string, currency: string): AmountReading {
  const compact = text.replace(/[\s\u00a0\u202f'_]/g, '').replace(/^[-+]/, '').replace(/^[A-Za-z€$£¥₹]+|[A-Za-z€$£¥₹]+$/gu, '');
  if (currencyDigits(currency) === 2 && /^\d{1,3}\.\d{3}$/.test(compact)) return { ok: false, reason: 'ambiguous' };
  const minor = parseLoose(text, currency);
  if (minor === null) {
    // Plain digits that only failed for their size: say so, not "enter an amount".
    return /^\d+([.,]\d+)?$/.test(compact) && compact.replace(/[.,]/g, '').length > 15 ? { ok: false, reason: 'too_large' } : { ok: false, reason: 'invalid' };
  }
  if (Math.abs(minor) > AMOUNT_MINOR_MAX) return { ok: false, reason: 'too_large' };
  return { ok: true, minor };
}

function parseLoose(text: string, currency: string): number | null {
  // Grouping spaces, a sign and a currency symbol or code around the number are fine; nothing else.
  const compact = text.replace(/[\s\u00a0\u202f'_]/g, '');
  const negative = compact.startsWith('-');
  const s = compact.replace(/^[-+]/, '').replace(/^[A-Za-z€$£¥₹]+|[A-Za-z€$£¥₹]+$/gu, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return null;
  const digits = currencyDigits(currency);
  let intPart = s;
  let fracPart = '';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  if (decimalAt >= 0) {
    const sep = s[decimalAt];
    const both = lastDot >= 0 && lastComma >= 0;
    const count = s.split(sep).length - 1;
    const after = s.slice(decimalAt + 1);
    if (both && count > 1) return null;
    const isDecimal = both || (count === 1 && !(after.length === 3 && digits !== 3));
    if (isDecimal) {
      intPart = s.slice(0, decimalAt);
      fracPart = after;
    }
    // What remains in the whole part must be digit grouping — 1,234,567 or the Indian 12,34,567 —
    // so a typo such as 12.5.5 is refused rather than read as 1255.
    if (/[.,]/.test(intPart) && !/^\d{1,3}([.,]\d{3})+$/.test(intPart) && !/^\d{1,2}(,\d{2})+,\d{3}$/.test(intPart)) return null;
    intPart = intPart.replace(/[.,]/g, '');
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || fracPart.length > digits) return null;
  if (intPart === '' && fracPart === '') return null;
  const minor = Number((intPart || '0') + fracPart.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** Minor units as a plain decimal string for an input ("12500.50"), no grouping, no symbol. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
