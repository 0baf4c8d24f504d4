import { describe, expect, it } from 'vitest';
import { currencyOfMarker, domainOf, emailIn, firstOfList, fullYear, guessDateOrder, guessDecimalMark, readImportAmount, readImportDate } from './import-values.js';

const ok = <T>(value: T) => ({ ok: true, value });

describe('dates as exports write them', () => {
  it('reads ISO dates, with or without a time, whatever the order', () => {
    expect(readImportDate('2026-12-31', 'dmy')).toEqual(ok('2026-12-31'));
    expect(readImportDate('2026-12-31 00:00', 'mdy')).toEqual(ok('2026-12-31'));
    expect(readImportDate('2027-1-5T10:00:00.000Z', 'mdy')).toEqual(ok('2027-01-05'));
  });

  it('reads day-first and month-first dates by the order chosen', () => {
    expect(readImportDate('31/12/2026', 'dmy')).toEqual(ok('2026-12-31'));
    expect(readImportDate('12/31/2026', 'mdy')).toEqual(ok('2026-12-31'));
    expect(readImportDate('03/04/2026', 'dmy')).toEqual(ok('2026-04-03'));
    expect(readImportDate('03/04/2026', 'mdy')).toEqual(ok('2026-03-04'));
    expect(readImportDate('1.3.27', 'dmy')).toEqual(ok('2027-03-01'));
    expect(readImportDate('12/31/2026 5:00 PM', 'mdy')).toEqual(ok('2026-12-31'));
  });

  it('refuses what is not a real date, saying how it was read', () => {
    expect(readImportDate('2026-02-30', 'dmy')).toMatchObject({ ok: false, message: expect.stringContaining('not a real date') });
    expect(readImportDate('12/31/2026', 'dmy')).toMatchObject({ ok: false, message: expect.stringContaining('day first') });
    expect(readImportDate('next week', 'mdy')).toMatchObject({ ok: false, message: expect.stringContaining('12/31/2026') });
  });

  it('takes a time after the date only when it is a real one, keeping the day as written', () => {
    for (const [text, order] of [
      ['2026-12-31 23:59', 'mdy'],
      ['2026-12-31T00:00:00', 'dmy'],
      ['2026-12-31T23:59:59.999Z', 'mdy'],
      ['2026-12-31T23:59:59,5+01:00', 'mdy'],
      ['2026-12-31T10:00:00+0530', 'mdy'],
      ['2026-12-31T10:00-03', 'mdy'],
      ['2026-12-31T10:00:00+14:00', 'mdy'],
      ['2026-12-31T10:00:00-12:00', 'mdy'],
      ['2026-12-31 10:00:00 Z', 'mdy'],
      ['12/31/2026 17:05', 'mdy'],
      ['12/31/2026 12:00 AM', 'mdy'],
      ['12/31/2026 1:00 p.m.', 'mdy'],
      ['31/12/2026, 09:30:15', 'dmy'],
      ['31.12.2026 00:00', 'dmy'],
    ] as const) {
      // A time never moves the day: 23:59 at -12:00 is still the 31st, as the file says.
      expect(readImportDate(text, order), text).toEqual(ok('2026-12-31'));
    }
  });

  it('refuses a time that is not one, saying what follows the date', () => {
    for (const [text, tail] of [
      ['2027-03-01 25:99', '25:99'],
      ['2027-03-01T99:99:99Z', '99:99:99Z'],
      ['2027-03-01Tgarbage', 'garbage'],
      ['2027-03-01 not a time at all', 'not a time at all'],
      ['2027-03-01 24:00', '24:00'],
      ['2027-03-01 23:60', '23:60'],
      ['2027-03-01 23:59:60', '23:59:60'],
      ['2027-03-01T10:00:00+25:00', '10:00:00+25:00'],
      ['2027-03-01T10:00:00+14:30', '10:00:00+14:30'],
      ['2027-03-01T10:00:00+01:60', '10:00:00+01:60'],
      ['2027-03-01 5:00 PM', '5:00 PM'],
      ['03/01/2027 25:99', '25:99'],
      ['03/01/2027, lunchtime', 'lunchtime'],
      ['03/01/2027 13:00 PM', '13:00 PM'],
      ['03/01/2027 0:30 AM', '0:30 AM'],
      ['03/01/2027 10:00Z', '10:00Z'],
    ] as const) {
      expect(readImportDate(text, 'mdy'), text).toEqual({ ok: false, message: expect.stringContaining(`has “${tail}” after the date, which is not a time`) });
    }
    expect(readImportDate('2027-03-01T', 'mdy')).toEqual({ ok: false, message: expect.stringContaining('a “T” and no time after the date') });
  });

  it('reads two-digit years in the window 1970–2069', () => {
    expect(fullYear('00')).toBe('2000');
    expect(fullYear('69')).toBe('2069');
    expect(fullYear('70')).toBe('1970');
    expect(fullYear('99')).toBe('1999');
    expect(readImportDate('1/1/99', 'mdy')).toEqual(ok('1999-01-01'));
    expect(readImportDate('1/1/26', 'mdy')).toEqual(ok('2026-01-01'));
    expect(readImportDate('31/12/69', 'dmy')).toEqual(ok('2069-12-31'));
    expect(readImportDate('31/12/70', 'dmy')).toEqual(ok('1970-12-31'));
  });

  it('guesses the order from a day above 12', () => {
    expect(guessDateOrder(['01/02/2026', '31/12/2026'], 'mdy')).toBe('dmy');
    expect(guessDateOrder(['01/02/2026', '12/31/2026'], 'dmy')).toBe('mdy');
    expect(guessDateOrder(['2026-12-31', '01/02/2026'], 'mdy')).toBe('mdy');
  });
});

describe('amounts as exports write them', () => {
  it('reads thousands separators and decimals for a dot decimal mark', () => {
    expect(readImportAmount('1,234.56', '.', 'EUR')).toEqual(ok(123456));
    expect(readImportAmount('2,500,000', '.', 'USD')).toEqual(ok(250000000));
    expect(readImportAmount('125000.00', '.', 'EUR')).toEqual(ok(12500000));
    expect(readImportAmount('48000.5', '.', 'USD')).toEqual(ok(4800050));
    expect(readImportAmount('$ 1 234.5', '.', 'USD')).toEqual(ok(123450));
    expect(readImportAmount('1234.5600', '.', 'USD')).toEqual(ok(123456));
  });

  it('reads thousands separators and decimals for a comma decimal mark', () => {
    expect(readImportAmount('1.234,56', ',', 'EUR')).toEqual(ok(123456));
    expect(readImportAmount('130.000,00', ',', 'EUR')).toEqual(ok(13000000));
    expect(readImportAmount('7.500', ',', 'USD')).toEqual(ok(750000));
    expect(readImportAmount('EUR 12,5', ',', 'EUR')).toEqual(ok(1250));
  });

  it('uses the currency’s own decimals (JPY has none)', () => {
    expect(readImportAmount('1,000', '.', 'JPY')).toEqual(ok(1000));
    expect(readImportAmount('10.5', '.', 'JPY')).toMatchObject({ ok: false, message: expect.stringContaining('more decimals than JPY') });
  });

  it('refuses negative amounts, a wrong mark and stray text', () => {
    expect(readImportAmount('-5', '.', 'EUR')).toMatchObject({ ok: false, message: 'The amount cannot be negative.' });
    expect(readImportAmount('1.234,56', '.', 'EUR')).toMatchObject({ ok: false });
    expect(readImportAmount('12,34,5', '.', 'EUR')).toMatchObject({ ok: false });
    expect(readImportAmount('about 5k', '.', 'EUR')).toMatchObject({ ok: false });
    expect(readImportAmount('1.', '.', 'EUR')).toMatchObject({ ok: false });
  });

  it('takes a currency code or symbol that is the row’s currency', () => {
    expect(readImportAmount('USD 100', '.', 'USD')).toEqual(ok(10000));
    expect(readImportAmount('100usd', '.', 'USD')).toEqual(ok(10000));
    expect(readImportAmount('US$1,000.50', '.', 'USD')).toEqual(ok(100050));
    expect(readImportAmount('1.234,56 €', ',', 'EUR')).toEqual(ok(123456));
    expect(readImportAmount('£5', '.', 'GBP')).toEqual(ok(500));
    expect(readImportAmount('¥100', '.', 'JPY')).toEqual(ok(100));
    expect(readImportAmount('₹1,000', '.', 'INR')).toEqual(ok(100000));
    // `$` is every dollar's (and the peso's): it agrees with any of them; a prefixed one names its own.
    expect(readImportAmount('$100', '.', 'CAD')).toEqual(ok(10000));
    expect(readImportAmount('$100', '.', 'AUD')).toEqual(ok(10000));
    expect(readImportAmount('CA$100', '.', 'CAD')).toEqual(ok(10000));
    expect(readImportAmount('A$100', '.', 'AUD')).toEqual(ok(10000));
    expect(readImportAmount('+$5', '.', 'USD')).toEqual(ok(500));
  });

  it('refuses an amount written in another currency than the row’s, never relabelling it', () => {
    const other = (written: string, currency: string) => ({ ok: false, message: expect.stringContaining(`is written in ${written}, but this row’s currency is ${currency}`) });
    expect(readImportAmount('$100', '.', 'EUR')).toEqual(other('$', 'EUR'));
    expect(readImportAmount('£100', '.', 'EUR')).toEqual(other('£', 'EUR'));
    expect(readImportAmount('USD 100', '.', 'EUR')).toEqual(other('USD', 'EUR'));
    expect(readImportAmount('100 JPY', '.', 'EUR')).toEqual(other('JPY', 'EUR'));
    expect(readImportAmount('€100', '.', 'USD')).toEqual(other('€', 'USD'));
    expect(readImportAmount('GBP 5', '.', 'EUR')).toEqual(other('GBP', 'EUR'));
    expect(readImportAmount('US$100', '.', 'CAD')).toEqual(other('US$', 'CAD'));
    expect(readImportAmount('¥100', '.', 'EUR')).toEqual(other('¥', 'EUR'));
    // Not a currency at all, or two of them: not an amount.
    expect(readImportAmount('ABC 100', '.', 'EUR')).toMatchObject({ ok: false, message: expect.stringContaining('not an amount') });
    expect(readImportAmount('$100USD', '.', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('not an amount') });
    // A sign or parentheses around a marker are still a negative amount.
    expect(readImportAmount('-$5', '.', 'USD')).toMatchObject({ ok: false, message: 'The amount cannot be negative.' });
    expect(readImportAmount('$-5', '.', 'USD')).toMatchObject({ ok: false, message: 'The amount cannot be negative.' });
    expect(readImportAmount('($5)', '.', 'USD')).toMatchObject({ ok: false, message: 'The amount cannot be negative.' });
  });

  it('says which currency a marker names', () => {
    expect(currencyOfMarker('eur', 'EUR')).toEqual({ agrees: true });
    expect(currencyOfMarker('$', 'NZD')).toEqual({ agrees: true });
    expect(currencyOfMarker('$', 'EUR')).toEqual({ agrees: false, names: '$' });
    expect(currencyOfMarker('CHF', 'EUR')).toEqual({ agrees: false, names: 'CHF' });
    expect(currencyOfMarker('XYZ', 'EUR')).toEqual({ agrees: false, names: null });
  });

  it('guesses the decimal mark from the values', () => {
    expect(guessDecimalMark(['1.234,56'], '.')).toBe(',');
    expect(guessDecimalMark(['1,234.56'], ',')).toBe('.');
    expect(guessDecimalMark(['125000', '48000,5'], '.')).toBe(',');
    expect(guessDecimalMark(['7.500'], ',')).toBe(',');
  });
});

describe('other cells', () => {
  it('takes the domain of a website', () => {
    expect(domainOf('https://www.acme.example/about?x=1')).toBe('acme.example');
    expect(domainOf('Globex.example')).toBe('globex.example');
    expect(domainOf('  ')).toBeNull();
  });

  it('finds an email in an owner cell and the first of HubSpot’s id lists', () => {
    expect(emailIn('Ana Ruiz <Ana.Ruiz@Northwind.example>')).toBe('ana.ruiz@northwind.example');
    expect(emailIn('Ana Ruiz')).toBeNull();
    expect(firstOfList('9876543211;9876543210')).toBe('9876543211');
  });
});
