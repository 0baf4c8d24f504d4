import { describe, expect, it, vi } from 'vitest';
import { addDays, dayStartsAt, daysBetween, daysOverdue, formatCalendarDate, instantMs, instantOn, isOverdue, todayIn } from './dates.js';

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

  it('refuses to step past year 9999 or before year 1, where the date text would no longer be a date', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
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

describe('reading a stored instant', () => {
  it('reads every instant the app writes exactly as Date.parse does', () => {
    // A deterministic spread over 1900–2200: leap days, month ends, midnight and the last millisecond.
    const samples = ['1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2000-02-29T12:00:00.000Z', '2024-02-29T23:59:59.999Z', '2100-03-01T00:00:00.000Z', '1900-02-28T01:02:03.004Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      samples.push(new Date(Date.UTC(1900, 0, 1) + (x / 2 ** 31) * 300 * 365.25 * 86_400_000).toISOString());
    }
    for (const s of samples) expect(instantMs(s), s).toBe(Date.parse(s));
  });

  it('reads them from their digits, without Date.parse (the point of it: a list reads one per row)', () => {
    const parse = vi.spyOn(Date, 'parse');
    try {
      expect(instantMs('2026-11-27T09:25:30.123Z')).toBe(1_795_771_530_123);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('leaves any other form, and dates that do not exist, to Date.parse', () => {
    for (const s of ['2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T10:60:00.000Z', '2026-01-01T10:00:60.000Z', '2026-01-0xT00:00:00.000Z', '2026-01-01T00:00:00.00aZ', '2026-01-01 00:00:00.000Z', '2026-01-01T00:00:00Z', '+010000-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000+01:00', '', 'not a date at all, 24 ch']) {
      expect(instantMs(s), s).toBe(Date.parse(s));
    }
    expect(instantMs('2023-02-29T00:00:00.000Z')).toBe(Date.parse('2023-02-29T00:00:00.000Z'));
  });
});

describe('todayIn, asked again and again', () => {
  it('answers instants that alternate between zones and minutes exactly as the calendar does, the second time from its cache', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    // Either side of midnight in each zone, and across the night Paris changes its clocks.
    const instants = ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-12-31T22:59:00Z', '2026-12-31T23:00:00Z', '2027-01-01T04:59:00Z', '2027-01-01T05:00:00Z', '2026-06-01T18:14:00Z', '2026-06-01T18:15:00Z'].map((s) => new Date(s));
    const calendar = (zone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    for (let round = 0; round < 2; round++) {
      for (const at of instants) for (const zone of zones) expect(todayIn(zone, at), `${zone} ${at.toISOString()}`).toBe(calendar(zone, at));
    }
  });
});
