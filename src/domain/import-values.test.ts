import { describe, expect, it } from 'vitest';
import { domainOf, emailIn, firstOfList, guessDateOrder, guessDecimalMark, readImportAmount, readImportDate } from './import-values.js';

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
