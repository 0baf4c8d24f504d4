import { describe, expect, it } from 'vitest';
import { checkSchedule, isOccurrence, isoWeekday, nextOccurrence, occurrencesBetween, occurrencesFrom, previousOccurrence, type Schedule } from './check-in-schedule.js';

const iso = (xs: { at: Date }[]) => xs.map((x) => x.at.toISOString());

// Every Monday at 09:00 in Berlin from Monday 16 March 2026. Berlin leaves CET (UTC+1) for CEST
// (UTC+2) on Sunday 29 March and goes back on Sunday 25 October.
const berlinMondays: Schedule = { cadence: 'weekly', weekday: 1, dayOfMonth: null, time: '09:00', timeZone: 'Europe/Berlin', startsOn: '2026-03-16' };

describe('check-in occurrences', () => {
  it('keeps a weekly 09:00 in Berlin at 09:00 Berlin time across the March change (its UTC instant moves an hour earlier)', () => {
    const list = occurrencesFrom(berlinMondays, new Date('2026-03-01T00:00:00Z'), 4);
    expect(list.map((o) => `${o.date} ${o.time}`)).toEqual(['2026-03-16 09:00', '2026-03-23 09:00', '2026-03-30 09:00', '2026-04-06 09:00']);
    expect(iso(list)).toEqual(['2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
  });

  it('and across the October change back (an hour later in UTC)', () => {
    expect(iso(occurrencesFrom(berlinMondays, new Date('2026-10-19T00:00:00Z'), 2))).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('starts on the first matching weekday on or after the first date, and every two weeks keeps New York’s clock across its own change (8 March)', () => {
    // Thursdays at 14:30 from Sunday 1 March: the first is Thursday 5 March (EST, UTC−5), then 19 March (EDT, UTC−4).
    const s: Schedule = { cadence: 'biweekly', weekday: 4, dayOfMonth: null, time: '14:30', timeZone: 'America/New_York', startsOn: '2026-03-01' };
    expect(iso(occurrencesFrom(s, new Date('2026-01-01T00:00:00Z'), 3))).toEqual(['2026-03-05T19:30:00.000Z', '2026-03-19T18:30:00.000Z', '2026-04-02T18:30:00.000Z']);
  });

  it('meets monthly on the day asked, or the month’s last day when it is shorter, and never before the first date', () => {
    const s: Schedule = { cadence: 'monthly', weekday: null, dayOfMonth: 31, time: '10:00', timeZone: 'Europe/Paris', startsOn: '2026-01-15' };
    const list = occurrencesFrom(s, new Date('2026-01-01T00:00:00Z'), 4);
    expect(list.map((o) => o.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    // 10:00 in Paris: UTC+1 in winter, UTC+2 from 29 March.
    expect(iso(list)).toEqual(['2026-01-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z', '2026-03-31T08:00:00.000Z', '2026-04-30T08:00:00.000Z']);
    // The 10th of January is before the 15th: the first is 10 February.
    expect(nextOccurrence({ ...s, dayOfMonth: 10 }, new Date('2026-01-01T00:00:00Z')).date).toBe('2026-02-10');
    // A leap February has its 29th.
    expect(occurrencesFrom({ ...s, dayOfMonth: 29, startsOn: '2028-02-01' }, new Date('2028-01-01T00:00:00Z'), 2).map((o) => o.date)).toEqual(['2028-02-29', '2028-03-29']);
  });

  it('puts a time the spring change skips just after the jump (02:30 on 29 March in Paris is 03:30 summer time)', () => {
    const s: Schedule = { cadence: 'weekly', weekday: 7, dayOfMonth: null, time: '02:30', timeZone: 'Europe/Paris', startsOn: '2026-03-22' };
    // 22 March 02:30 CET = 01:30 UTC; 29 March 02:30 does not exist: 03:30 CEST = 01:30 UTC; 5 April 02:30 CEST = 00:30 UTC.
    expect(iso(occurrencesFrom(s, new Date('2026-03-20T00:00:00Z'), 3))).toEqual(['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z']);
  });

  it('finds the next, the previous and those in a window, and recognises an occurrence’s exact instant', () => {
    expect(nextOccurrence(berlinMondays, new Date('2026-03-30T07:00:00Z')).at.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextOccurrence(berlinMondays, new Date('2026-03-30T07:00:01Z')).at.toISOString()).toBe('2026-04-06T07:00:00.000Z');
    expect(previousOccurrence(berlinMondays, new Date('2026-03-30T07:00:00Z'))?.at.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(previousOccurrence(berlinMondays, new Date('2026-03-16T08:00:00Z'))).toBeNull();
    // A year later the walk still lands on the right Monday (a fast jump, then steps).
    expect(previousOccurrence(berlinMondays, new Date('2027-03-17T00:00:00Z'))?.date).toBe('2027-03-15');
    expect(iso(occurrencesBetween(berlinMondays, new Date('2026-03-16T08:00:00Z'), new Date('2026-03-30T07:00:00Z')))).toEqual(['2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z']);
    expect(isOccurrence(berlinMondays, new Date('2026-03-30T07:00:00Z'))).toBe(true);
    // 09:00 winter time on 30 March would be 10:00 in Berlin that day: not the meeting.
    expect(isOccurrence(berlinMondays, new Date('2026-03-30T08:00:00Z'))).toBe(false);
    expect(isOccurrence(berlinMondays, new Date('2026-03-09T08:00:00Z'))).toBe(false);
  });

  it('has no daylight saving to mind in Kolkata (UTC+5:30 all year)', () => {
    const s: Schedule = { cadence: 'weekly', weekday: 5, dayOfMonth: null, time: '18:00', timeZone: 'Asia/Kolkata', startsOn: '2026-03-01' };
    expect(iso(occurrencesFrom(s, new Date('2026-03-01T00:00:00Z'), 2))).toEqual(['2026-03-06T12:30:00.000Z', '2026-03-13T12:30:00.000Z']);
  });

  it('names weekdays the ISO way and refuses a schedule of the wrong shape', () => {
    expect(isoWeekday('2026-03-16')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(() => checkSchedule({ ...berlinMondays, weekday: null })).toThrow(RangeError);
    expect(() => checkSchedule({ ...berlinMondays, weekday: 8 })).toThrow(RangeError);
    expect(() => checkSchedule({ ...berlinMondays, cadence: 'monthly' })).toThrow(/dayOfMonth/);
    expect(() => checkSchedule({ ...berlinMondays, time: '9:00' })).toThrow(RangeError);
  });
});
