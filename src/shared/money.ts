/**
 * Money as people type and read it. Amounts travel as integer minor units (see `Money` in
 * common.ts); these helpers convert at the edges (forms, CSV) without floating-point rounding.
 */

const digitsByCurrency = new Map<string, number>();

let knownCurrencies: Set<string> | null = null;

/** An ISO 4217 code of a currency in use, as the platform knows them (what Intl can format); not XXX or ZZZ. */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

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
 * Parses what a person typed ("12,500.50", "12 500,5", "€1.250.000", "-3", "50k") into minor units
 * of `currency`; null when it is not an amount, has more decimals than the currency allows, or
 * names another currency.
 * A single separator followed by exactly three digits is read as a thousands separator
 * ("12,500" and "12.500" are both twelve thousand five hundred), since money rarely has three decimals.
 */
export function parseAmount(text: string, currency: string): number | null {
  const r = readAmount(text, currency);
  return r.ok ? r.minor : null;
}

/** The largest amount the API accepts, in minor units (see `Money` in common.ts). */
export const AMOUNT_MINOR_MAX = 999_999_999_999_999;

export type AmountReading =
  | { ok: true; minor: number }
  | { ok: false; reason: 'invalid' | 'too_large' | 'ambiguous' }
  /** The amount names another currency than the field's ("120000 EUR" in a GBP deal): never converted, never relabelled. */
  | { ok: false; reason: 'other_currency'; written: string };

/** How people shorten large amounts: 50k, 1.5m, 2 Mio, 3bn (letter case aside). */
const MULTIPLIERS: Record<string, number> = { k: 3, m: 6, mm: 6, mn: 6, mio: 6, bn: 9 };

/** The symbols a currency is written with (narrow and wide: "$" and "US$" for USD), from the platform's data. */
const symbolsByCurrency = new Map<string, string[]>();
function currencySymbols(currency: string): string[] {
  let symbols = symbolsByCurrency.get(currency);
  if (!symbols) {
    symbols = [];
    for (const currencyDisplay of ['narrowSymbol', 'symbol'] as const) {
      try {
        const part = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency')?.value;
        if (part && !symbols.includes(part)) symbols.push(part);
      } catch {
        // Not a currency the platform knows: its code is all it can be written with.
      }
    }
    if (symbolsByCurrency.size < 500) symbolsByCurrency.set(currency, symbols);
  }
  return symbols;
}

const KNOWN_SYMBOLS = ['€', '$', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '฿', '₱', '₦', '₴', 'R$', 'US$', 'C$', 'A$', 'CA$', 'AU$', 'CHF', 'kr', 'zł', 'Kč', 'Ft', 'lei', 'R'];

type Marker = { ok: true } | { ok: false; written: string | null };

/** A currency marker written around a number (a code or a symbol): the field's own, another's, or not money at all. */
function markerOf(marker: string, currency: string): Marker {
  if (marker === '') return { ok: true };
  if (marker.toUpperCase() === currency.toUpperCase() || currencySymbols(currency).includes(marker)) return { ok: true };
  if (/^[A-Za-z]{3}$/.test(marker) && isKnownCurrency(marker.toUpperCase())) return { ok: false, written: marker.toUpperCase() };
  return { ok: false, written: KNOWN_SYMBOLS.includes(marker) ? marker : null };
}

const isCurrencyMarker = (text: string) => KNOWN_SYMBOLS.includes(text) || (/^[A-Za-z]{3}$/.test(text) && isKnownCurrency(text.toUpperCase()));


/**
 * What a person typed, taken apart: a sign, a currency marker before or after the number, and a
 * multiplier after it. Null when what surrounds the number is not one of those.
 */
function partsOf(text: string): { negative: boolean; number: string; before: string; after: string; exponent: number } | null {
  const compact = text.replace(/[\s\u00a0\u202f'_]/g, '');
  const negative = compact.startsWith('-');
  const m = /^([^\d.,]*)([\d.,]*\d[\d.,]*)([^\d.,]*)$/u.exec(compact.replace(/^[-+]/, ''));
  if (!m) return null;
  const [, before, number] = m;
  let after = m[3];
  let exponent = 0;
  // A multiplier comes right after the number, before any currency marker (12.5k, 12.5k€, 1.5mEUR);
  // what reads as a currency whole (100 MMK, 5 kr) is one.
  const mult = /^(k|mm|mn|mio|m|bn)/i.exec(after);
  if (mult && !isCurrencyMarker(after)) {
    exponent = MULTIPLIERS[mult[1].toLowerCase()];
    after = after.slice(mult[0].length);
  }
  return { negative, number, before, after, exponent };
}

/**
 * Like parseAmount, saying why an amount is refused: not an amount, too large, ambiguous — a
 * single dot followed by exactly three digits ("12.345") in a currency with two decimals could be
 * twelve thousand or twelve point three: the person is asked rather than guessed for — or written in
 * another currency than the field's. "50k", "1.5m" and "2 Mio" are read as people mean them.
 */
export function readAmount(text: string, currency: string): AmountReading {
  const parts = partsOf(text);
  if (!parts) return { ok: false, reason: 'invalid' };
  if (parts.before !== '' && parts.after !== '') return { ok: false, reason: 'invalid' };
  const marker = markerOf(parts.before || parts.after, currency);
  if (!marker.ok) return marker.written ? { ok: false, reason: 'other_currency', written: marker.written } : { ok: false, reason: 'invalid' };
  if (parts.exponent === 0 && currencyDigits(currency) === 2 && /^\d{1,3}\.\d{3}$/.test(parts.number)) return { ok: false, reason: 'ambiguous' };
  const minor = minorOf(parts.number, parts.exponent, currencyDigits(currency));
  if (minor === null) {
    // Plain digits that only failed for their size: say so, not "enter an amount".
    return /^\d+([.,]\d+)?$/.test(parts.number) && parts.number.replace(/[.,]/g, '').length + parts.exponent > 15 ? { ok: false, reason: 'too_large' } : { ok: false, reason: 'invalid' };
  }
  if (minor > AMOUNT_MINOR_MAX) return { ok: false, reason: 'too_large' };
  return { ok: true, minor: parts.negative ? -minor : minor };
}

/** The number's value in minor units (×10^exponent first), or null when it is not a number written the ways people write money. */
function minorOf(s: string, exponent: number, digits: number): number | null {
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
    // With a multiplier a lone separator is the decimal one: 1.250k is one thousand two hundred fifty.
    const isDecimal = both || (count === 1 && (exponent > 0 || !(after.length === 3 && digits !== 3)));
    if (isDecimal) {
      intPart = s.slice(0, decimalAt);
      fracPart = after;
    }
    // What remains in the whole part must be digit grouping — 1,234,567 or the Indian 12,34,567 —
    // so a typo such as 12.5.5 is refused rather than read as 1255.
    if (/[.,]/.test(intPart) && !/^\d{1,3}([.,]\d{3})+$/.test(intPart) && !/^\d{1,2}(,\d{2})+,\d{3}$/.test(intPart)) return null;
    intPart = intPart.replace(/[.,]/g, '');
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  if (intPart === '' && fracPart === '') return null;
  // The value's digits, and how many places they move: 12,5k in EUR is 125 moved 3 + 2 - 1 = 4 places.
  const shift = exponent + digits - fracPart.length;
  const all = (intPart || '0') + fracPart;
  if (shift < 0 && !/^0*$/.test(all.slice(shift))) return null;
  const minor = Number(shift >= 0 ? all + '0'.repeat(shift) : all.slice(0, shift) || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return minor;
}

/** Minor units as a plain decimal string for an input ("12500.50"), no grouping, no symbol. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * Sums amounts per currency, never across currencies: one total per currency, in order of the
 * currency code. Zero amounts count (a currency with only zero targets still shows, as 0).
 */
export function sumPerCurrency(amounts: readonly { amountMinor: number; currency: string }[]): { amountMinor: number; currency: string }[] {
  const totals = new Map<string, number>();
  for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.amountMinor);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, amountMinor]) => ({ amountMinor, currency }));
}
