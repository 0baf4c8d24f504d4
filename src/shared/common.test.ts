import { describe, expect, it } from 'vitest';
import { CalendarDate, Currency, isCalendarDate, isRealDate, isValidTimeZone, TimeZone } from './common.js';

describe('calendar dates and time zones', () => {
  it('takes dates from 1900 to 2999 and says so for a real date outside them', () => {
    for (const ok of ['1900-01-01', '2999-12-31']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const out of ['1899-12-31', '3000-01-01', '9999-12-31', '0001-01-01']) {
      expect(isRealDate(out), out).toBe(true);
      expect(isCalendarDate(out), out).toBe(false);
      expect(CalendarDate.safeParse(out).error?.issues[0].message, out).toBe('Choose a date between 1900 and 2999.');
    }
    expect(CalendarDate.safeParse('2026-02-30').error?.issues[0].message).toBe('2026-02-30 is not a day of the calendar: check the month and the day.');
    for (const typed of ['30/12/2026', '2026-1-5', '2026-12-31T10:00', 'tomorrow']) {
      expect(CalendarDate.safeParse(typed).error?.issues[0].message, typed).toBe('Write the date as YYYY-MM-DD, for example 2026-12-31.');
    }
    expect(CalendarDate.safeParse('').error?.issues[0].message).toBe('Choose a date.');
  });

  it('accepts real dates only, leap years included', () => {
    for (const ok of ['2026-01-31', '2028-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });

  it('knows IANA time zones, and keeps knowing them', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('refuses a zone spelt in another letter case, saying how to write it; aliases as browsers report them stay', () => {
    expect(TimeZone.safeParse('europe/paris').error?.issues[0].message).toBe('Write this time zone as Europe/Paris.');
    expect(TimeZone.safeParse('utc').error?.issues[0].message).toBe('Write this time zone as UTC.');
    expect(TimeZone.safeParse('Mars/Olympus').error?.issues[0].message).toBe('Choose a time zone such as Europe/Paris.');
    for (const ok of ['Europe/Paris', 'UTC', 'Etc/UTC', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires']) expect(TimeZone.safeParse(ok).success, ok).toBe(true);
    // Fixed offsets are not zones of the IANA database: they follow no clock change.
    for (const offset of ['+05:00', '-00:00', '+14:00']) expect(TimeZone.safeParse(offset).error?.issues[0].message, offset).toBe('Choose a time zone such as Europe/Paris.');
  });
});

describe('currencies', () => {
  it('takes the ISO 4217 codes of currencies in use, and names what is wrong with anything else', () => {
    for (const ok of ['EUR', 'USD', 'JPY', 'KWD', 'CHF']) expect(Currency.safeParse(ok).success, ok).toBe(true);
    for (const code of ['ZZZ', 'XXX', 'ABC']) expect(Currency.safeParse(code).error?.issues.map((i) => i.message), code).toEqual(['Use the ISO 4217 code of a currency in use, such as EUR.']);
    expect(Currency.safeParse('eur').error?.issues.map((i) => i.message)).toEqual(['Use a three-letter currency code such as EUR.']);
  });
});
