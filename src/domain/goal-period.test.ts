import { describe, expect, it } from 'vitest';
import { elapsedWeeks, fiscalQuarterOf, hasEnded, periodInstants, presetPeriod, startOfDayIn } from './goal-period.js';

describe('goal period presets, in the workspace’s fiscal calendar', () => {
  it('this month is the calendar month, leap days included', () => {
    expect(presetPeriod('this_month', '2026-06-10', 1)).toEqual({ start: '2026-06-01', end: '2026-06-30' });
    expect(presetPeriod('this_month', '2028-02-03', 4)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(presetPeriod('this_month', '2026-12-31', 1)).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('this quarter is the fiscal quarter: with a January start, the calendar quarters', () => {
    expect(presetPeriod('this_quarter', '2026-06-10', 1)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(presetPeriod('this_quarter', '2026-01-01', 1)).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(presetPeriod('this_quarter', '2026-12-31', 1)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('with an April start, Q1 is April–June and Q4 runs into the next calendar year', () => {
    expect(fiscalQuarterOf('2026-04-01', 4)).toEqual({ quarter: 1, fiscalYear: 2026, start: '2026-04-01', end: '2026-06-30' });
    expect(fiscalQuarterOf('2026-11-15', 4)).toEqual({ quarter: 3, fiscalYear: 2026, start: '2026-10-01', end: '2026-12-31' });
    expect(fiscalQuarterOf('2027-02-28', 4)).toEqual({ quarter: 4, fiscalYear: 2026, start: '2027-01-01', end: '2027-03-31' });
  });

  it('with a November start, a quarter spans the turn of the year (Nov–Jan), February ending on the 28th or 29th', () => {
    expect(fiscalQuarterOf('2026-12-24', 11)).toEqual({ quarter: 1, fiscalYear: 2026, start: '2026-11-01', end: '2027-01-31' });
    expect(fiscalQuarterOf('2027-01-31', 11)).toMatchObject({ quarter: 1, fiscalYear: 2026 });
    expect(fiscalQuarterOf('2028-03-10', 11)).toEqual({ quarter: 2, fiscalYear: 2027, start: '2028-02-01', end: '2028-04-30' });
  });

  it('this year is the fiscal year today falls in', () => {
    expect(presetPeriod('this_year', '2026-06-10', 1)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(presetPeriod('this_year', '2026-03-31', 4)).toEqual({ start: '2025-04-01', end: '2026-03-31' });
  });

  it('says a period has ended only once its last day is over', () => {
    const q = { start: '2026-04-01', end: '2026-06-30' };
    expect(hasEnded(q, '2026-06-30')).toBe(false);
    expect(hasEnded(q, '2026-07-01')).toBe(true);
  });
});

describe('a period as instants in the owner’s zone', () => {
  it('starts a day at midnight there, across summer time', () => {
    expect(startOfDayIn('2026-01-15', 'Europe/Paris').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Europe/Paris').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Pacific/Kiritimati').toISOString()).toBe('2026-07-14T10:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('spans from the first day’s midnight to the midnight after the last day', () => {
    expect(periodInstants({ start: '2026-03-01', end: '2026-03-31' }, 'Europe/Paris')).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
  });
});

describe('weeks elapsed in a period', () => {
  const quarter = { start: '2026-04-01', end: '2026-06-30' };
  it('counts the days so far, today included, as weeks', () => {
    expect(elapsedWeeks(quarter, '2026-04-21')).toBe(3);
    expect(elapsedWeeks(quarter, '2026-05-12')).toBe(6);
  });
  it('counts at least one week once the period has started, none before it, all of it after', () => {
    expect(elapsedWeeks(quarter, '2026-04-03')).toBe(1);
    expect(elapsedWeeks(quarter, '2026-03-31')).toBe(0);
    expect(elapsedWeeks(quarter, '2026-09-01')).toBe(13);
  });
});
