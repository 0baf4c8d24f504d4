import { describe, expect, it } from 'vitest';
import { addDays, dayStartsAt, daysBetween, daysOverdue, formatCalendarDate, instantOn, isOverdue, todayIn } from './dates.js';

describe('calendar dates in the owner’s time zone', () => {
  // 23:30 UTC on 31 Dec: already 1 Jan in Paris, still 31 Dec in New York.
  const lateNightUtc = new Date('2026-12-31T23:30:00Z');

  it('tells the date where the person is, not in UTC', () => {
    expect(todayIn('UTC', lateNightUtc)).toBe('2026-12-31');
    expect(todayIn('Europe/Paris', lateNightUtc)).toBe('2027-01-01');
    expect(todayIn('America/New_York', lateNightUtc)).toBe('2026-12-31');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-06-01T10:00:00Z'))).toBe('2026-06-02');
  });

  it('makes a date overdue only after that day has ended there', () => {
    expect(isOverdue('2026-12-31', 'Europe/Paris', lateNightUtc)).toBe(true);
    expect(isOverdue('2026-12-31', 'America/New_York', lateNightUtc)).toBe(false);
    expect(isOverdue('2026-12-31', 'UTC', lateNightUtc)).toBe(false);
    expect(isOverdue('2026-12-31', 'UTC', new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('counts days across month, year and DST changes', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // Europe's clocks change on the 29th
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysOverdue('2026-12-25', 'Europe/Paris', lateNightUtc)).toBe(7);
    expect(daysOverdue('2027-01-05', 'Europe/Paris', lateNightUtc)).toBe(0);
  });
});

describe('an instant on a calendar day', () => {
  it('falls on that day in the zone, from the furthest west to the furthest east', () => {
    for (const zone of ['Pacific/Pago_Pago', 'America/New_York', 'UTC', 'Europe/Paris', 'Asia/Tokyo', 'Pacific/Auckland', 'Pacific/Tongatapu', 'Pacific/Kiritimati', 'Etc/GMT+12']) {
      for (const date of ['2026-01-01', '2026-03-29', '2026-06-30', '2026-10-25', '2026-12-31']) {
        expect(todayIn(zone, instantOn(date, zone)), `${date} in ${zone}`).toBe(date);
      }
    }
  });
});

describe('the start of a calendar day in a zone', () => {
  it('is that day’s midnight there, in UTC', () => {
    // Paris is UTC+1 in winter and UTC+2 in summer.
    expect(dayStartsAt('2027-01-16', 'Europe/Paris').toISOString()).toBe('2027-01-15T23:00:00.000Z');
    expect(dayStartsAt('2027-07-01', 'Europe/Paris').toISOString()).toBe('2027-06-30T22:00:00.000Z');
    // Half-hour and extreme offsets: Kolkata UTC+5:30, Kiritimati UTC+14, Pago Pago UTC−11.
    expect(dayStartsAt('2026-12-15', 'Asia/Kolkata').toISOString()).toBe('2026-12-14T18:30:00.000Z');
    expect(dayStartsAt('2026-12-15', 'Pacific/Kiritimati').toISOString()).toBe('2026-12-14T10:00:00.000Z');
    expect(dayStartsAt('2026-12-15', 'Pacific/Pago_Pago').toISOString()).toBe('2026-12-15T11:00:00.000Z');
    // New York moves its clocks at 2 am: the day of the change still starts at midnight EST (UTC−5).
    expect(dayStartsAt('2027-03-14', 'America/New_York').toISOString()).toBe('2027-03-14T05:00:00.000Z');
  });

  it('is where the date there changes, also where a clock change skips midnight (Havana jumps from 0:00 to 1:00)', () => {
    for (const [date, zone] of [['2026-03-08', 'America/Havana'], ['2026-11-01', 'America/Havana'], ['2026-10-25', 'Europe/London']] as const) {
      const start = dayStartsAt(date, zone);
      expect(todayIn(zone, start), `${zone} ${date}`).toBe(date);
      expect(todayIn(zone, new Date(start.getTime() - 60_000)), `${zone} ${date}`).toBe(addDays(date, -1));
    }
  });
});

describe('dates in words', () => {
  it('names the calendar date itself, whatever the server’s zone', () => {
    expect(formatCalendarDate('2026-11-27')).toBe('Fri 27 Nov 2026');
    expect(formatCalendarDate('2027-01-01')).toBe('Fri 1 Jan 2027');
  });
});
