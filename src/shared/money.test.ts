import { describe, expect, it } from 'vitest';
import { currencyDigits, minorToDecimal, parseAmount, readAmount, sumPerCurrency } from './money.js';

describe('money', () => {
  it('knows how many decimals a currency has', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('reads amounts the way people type them', () => {
    expect(parseAmount('12500', 'EUR')).toBe(1_250_000);
    expect(parseAmount('12,500.50', 'USD')).toBe(1_250_050);
    expect(parseAmount('12 500,5', 'EUR')).toBe(1_250_050);
    expect(parseAmount('1.250.000', 'EUR')).toBe(125_000_000);
    expect(parseAmount('12,500', 'USD')).toBe(1_250_000);
    expect(parseAmount('€ 99.9', 'EUR')).toBe(9_990);
    expect(parseAmount('0.05', 'EUR')).toBe(5);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('-3', 'EUR')).toBe(-300);
  });

  it('refuses what is not an amount', () => {
    expect(parseAmount('', 'EUR')).toBeNull();
    expect(parseAmount('abc', 'EUR')).toBeNull();
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
    expect(parseAmount('10.5', 'JPY')).toBeNull();
    expect(parseAmount('1.2.3,4,5', 'EUR')).toBeNull();
    expect(parseAmount('12.5.5', 'USD')).toBeNull();
    expect(parseAmount('1,25,000', 'INR')).toBe(12_500_000);
    expect(parseAmount('1,2,3', 'USD')).toBeNull();
    expect(parseAmount('1,250,000.50', 'USD')).toBe(125_000_050);
  });

  it('writes minor units back as a plain decimal', () => {
    expect(minorToDecimal(1_250_050, 'EUR')).toBe('12500.50');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(1500, 'JPY')).toBe('1500');
    expect(parseAmount(minorToDecimal(123_456_789, 'USD'), 'USD')).toBe(123_456_789);
  });
});

describe('readAmount', () => {
  it('says why an amount is refused: too large, ambiguous, or not an amount', () => {
    expect(readAmount('12345678901234567890', 'USD')).toEqual({ ok: false, reason: 'too_large' });
    expect(readAmount('99999999999999.99', 'USD')).toEqual({ ok: false, reason: 'too_large' });
    expect(readAmount('9999999999999.99', 'USD')).toEqual({ ok: true, minor: 999_999_999_999_999 });
    expect(readAmount('12.345', 'USD')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readAmount('$12.345', 'USD')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readAmount('12.345', 'KWD')).toEqual({ ok: true, minor: 12_345 });
    expect(readAmount('12,345', 'USD')).toEqual({ ok: true, minor: 1_234_500 });
    expect(readAmount('12.34', 'USD')).toEqual({ ok: true, minor: 1_234 });
    expect(readAmount('1.234.567', 'EUR')).toEqual({ ok: true, minor: 123_456_700 });
    expect(readAmount('twelve', 'USD')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads 50k, 1.5m and 2 Mio as people mean them, never as 50 or 1.50', () => {
    expect(readAmount('12,5k', 'GBP')).toEqual({ ok: true, minor: 1_250_000 });
    expect(readAmount('10k', 'GBP')).toEqual({ ok: true, minor: 1_000_000 });
    expect(readAmount('1.5m', 'USD')).toEqual({ ok: true, minor: 150_000_000 });
    expect(readAmount('2M', 'EUR')).toEqual({ ok: true, minor: 200_000_000 });
    expect(readAmount('1,2 Mio', 'EUR')).toEqual({ ok: true, minor: 120_000_000 });
    expect(readAmount('3bn', 'USD')).toEqual({ ok: true, minor: 300_000_000_000 });
    expect(readAmount('€12.5k', 'EUR')).toEqual({ ok: true, minor: 1_250_000 });
    expect(readAmount('12.5k EUR', 'EUR')).toEqual({ ok: true, minor: 1_250_000 });
    expect(readAmount('1.250k', 'EUR')).toEqual({ ok: true, minor: 125_000 });
    expect(readAmount('1.2345k', 'JPY')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('-50k', 'EUR')).toEqual({ ok: true, minor: -5_000_000 });
    expect(readAmount('5000000bn', 'USD')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('takes the field\'s own currency code or symbol around the number, and refuses another currency', () => {
    expect(readAmount('120000 GBP', 'GBP')).toEqual({ ok: true, minor: 12_000_000 });
    expect(readAmount('gbp 120000', 'GBP')).toEqual({ ok: true, minor: 12_000_000 });
    expect(readAmount('£120,000', 'GBP')).toEqual({ ok: true, minor: 12_000_000 });
    expect(readAmount('120 000 kr', 'SEK')).toEqual({ ok: true, minor: 12_000_000 });
    expect(readAmount('120000 EUR', 'GBP')).toEqual({ ok: false, reason: 'other_currency', written: 'EUR' });
    expect(readAmount('€120000', 'GBP')).toEqual({ ok: false, reason: 'other_currency', written: '€' });
    expect(readAmount('100 MMK', 'EUR')).toEqual({ ok: false, reason: 'other_currency', written: 'MMK' });
    expect(readAmount('12 apples', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('12x', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('EUR 12 €', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sumPerCurrency', () => {
  it('adds amounts of the same currency and never adds different currencies', () => {
    expect(sumPerCurrency([])).toEqual([]);
    expect(
      sumPerCurrency([
        { amountMinor: 30_000_000, currency: 'EUR' },
        { amountMinor: 5_000, currency: 'USD' },
        { amountMinor: 25_000_000, currency: 'EUR' },
        { amountMinor: 0, currency: 'JPY' },
      ]),
    ).toEqual([
      { amountMinor: 55_000_000, currency: 'EUR' },
      { amountMinor: 0, currency: 'JPY' },
      { amountMinor: 5_000, currency: 'USD' },
    ]);
  });
});
