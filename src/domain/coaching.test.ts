import { describe, expect, it } from 'vitest';
import { compareWithRest, fiscalQuarterOf, mondayOf, previousQuarter, sumWeeks, totalOf, weekLabel, weeklyChart, weeksOf, type WeekCounts } from './coaching.js';

describe('fiscal quarters', () => {
  it('with a January start, are the calendar quarters', () => {
    expect(fiscalQuarterOf('2026-06-10', 1)).toEqual({ fiscalYear: 2026, quarter: 2, name: 'Q2 FY2026', start: '2026-04-01', end: '2026-06-30' });
    expect(fiscalQuarterOf('2026-01-01', 1)).toMatchObject({ quarter: 1, start: '2026-01-01', end: '2026-03-31' });
    expect(fiscalQuarterOf('2026-12-31', 1)).toMatchObject({ quarter: 4, start: '2026-10-01', end: '2026-12-31' });
  });

  it('count from the fiscal year’s first month, across the calendar year', () => {
    // April start: FY2026 runs 1 Apr 2026 – 31 Mar 2027.
    expect(fiscalQuarterOf('2026-06-10', 4)).toEqual({ fiscalYear: 2026, quarter: 1, name: 'Q1 FY2026', start: '2026-04-01', end: '2026-06-30' });
    expect(fiscalQuarterOf('2027-02-15', 4)).toEqual({ fiscalYear: 2026, quarter: 4, name: 'Q4 FY2026', start: '2027-01-01', end: '2027-03-31' });
    // November start: Q2 FY2025 is February–April 2026, February ending on the 28th.
    expect(fiscalQuarterOf('2026-03-31', 11)).toMatchObject({ name: 'Q2 FY2025', start: '2026-02-01', end: '2026-04-30' });
    expect(fiscalQuarterOf('2024-01-31', 12)).toMatchObject({ name: 'Q1 FY2023', start: '2023-12-01', end: '2024-02-29' });
  });

  it('steps back a quarter, into the previous fiscal year when it must', () => {
    expect(previousQuarter(fiscalQuarterOf('2026-05-01', 4), 4)).toMatchObject({ name: 'Q4 FY2025', start: '2026-01-01', end: '2026-03-31' });
    expect(previousQuarter(fiscalQuarterOf('2026-08-01', 4), 4)).toMatchObject({ name: 'Q1 FY2026', start: '2026-04-01', end: '2026-06-30' });
  });
});

describe('weeks', () => {
  it('start on Monday', () => {
    expect(mondayOf('2026-06-10')).toBe('2026-06-08'); // a Wednesday
    expect(mondayOf('2026-06-08')).toBe('2026-06-08');
    expect(mondayOf('2026-06-14')).toBe('2026-06-08'); // the Sunday of that week
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across a year
  });

  it('cover a period in whole weeks: Q2 2026 touches 14 weeks, from Mon 30 Mar to the week of Mon 29 Jun', () => {
    const weeks = weeksOf('2026-04-01', '2026-06-30');
    expect(weeks).toHaveLength(14);
    expect(weeks[0]).toBe('2026-03-30');
    expect(weeks[13]).toBe('2026-06-29');
    expect(weeksOf('2026-06-08', '2026-06-14')).toEqual(['2026-06-08']);
    expect(() => weeksOf('2026-06-14', '2026-06-08')).toThrow(RangeError);
    expect(() => weeksOf('2026-01-01', '2027-01-08')).toThrow(RangeError);
    // The last week of year 9999 ends in year 10000, which a date text cannot hold: an error, not a loop.
    expect(() => weeksOf('9999-12-01', '9999-12-31')).toThrow(RangeError);
  });

  it('are named by their Monday', () => {
    expect(weekLabel('2026-03-09')).toBe('week of Mar 9');
    expect(weekLabel('2026-12-28')).toBe('week of Dec 28');
  });
});

const weekly = (pairs: [number, number][], first = '2026-01-05'): WeekCounts[] =>
  pairs.map(([successes, n], i) => {
    const d = new Date(`${first}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7 * i);
    return { weekStart: d.toISOString().slice(0, 10), successes, n };
  });

describe('weekly charts', () => {
  it('plot each complete week’s rate in percent, leaving out weeks with nothing to measure and the week under way', () => {
    const weeks = weekly([
      [1, 2],
      [0, 0],
      [3, 4],
      [2, 2],
      [1, 1],
    ]);
    const { chart, weekStarts, summary, measure } = weeklyChart(weeks, 'rate', '2026-01-26');
    expect(measure).toBe('rate');
    expect(weekStarts).toEqual(['2026-01-05', '2026-01-19', '2026-01-26']);
    if (chart.kind !== 'chart') throw new Error('expected a chart');
    expect(chart.points.map((p) => p.value)).toEqual([50, 75, 100]);
    expect(chart.points.map((p) => p.label)).toEqual(['week of Jan 5', 'week of Jan 19', 'week of Jan 26']);
    // x̄ = 75, mR̄ = 25, limits 75 ± 66.5; the lower one is clamped at 0 only if it would go below, and
    // the upper one (141.5) stops at 100 %: no week can pass it.
    expect(chart.centre).toBe(75);
    expect(chart.upperLimit).toBe(100);
    expect(chart.upperLimitClamped).toBe(true);
    expect(chart.lowerLimit).toBeCloseTo(8.5, 10);
    expect(summary).toEqual(['routine variation — no week stands out']);
  });

  it('plot counts with their zeros, and tell a signal in words', () => {
    // Seven weeks of 2–3 won deals, then 12: x̄ = 29/8 = 3.625, mR̄ = 16/7, UCL = 3.625 + 2.66·16/7 = 9.71, so
    // the week of Feb 23 is beyond it; the seven weeks before sit below the centre line (seven is not a run).
    const weeks = weekly([2, 3, 2, 3, 2, 3, 2, 12].map((won) => [won, won] as [number, number]));
    const { chart, summary } = weeklyChart(weeks, 'count', '2026-02-23');
    if (chart.kind !== 'chart') throw new Error('expected a chart');
    expect(chart.points[7]).toMatchObject({ beyond: 'upper', signal: true });
    expect(summary).toEqual(['week of Feb 23 is beyond the upper limit: a real change, worth asking about']);
    const withZero = weeklyChart(weekly([[0, 0], [2, 2], [1, 1]]), 'count', '2026-01-19');
    expect(withZero.weekStarts).toHaveLength(3);
  });

  it('do not chart a count too rare to read week by week (fewer than 1 a week on average)', () => {
    // 0 0 1 0 0 0 2 0 0 0: x̄ = 0.3. Charted, ten weeks of "0 below the average" would read as a shift.
    const rare = weeklyChart(weekly([0, 0, 1, 0, 0, 0, 2, 0, 0, 0].map((won) => [won, won] as [number, number])), 'count', '2026-03-09');
    expect(rare).toMatchObject({ rare: true, chart: { kind: 'too_few_points', n: 10 } });
    expect(rare.summary).toEqual(['too rare to chart week by week: 0.3 a week on average over 10 weeks — read the period’s figure instead']);
    // Rates are not counts: a low rate is still charted.
    expect(weeklyChart(weekly([[0, 5], [1, 5], [0, 5]]), 'rate', '2026-01-19').rare).toBe(false);
  });

  it('say there are too few weeks rather than draw limits from one point', () => {
    const { chart, summary } = weeklyChart(weekly([[3, 5], [4, 5]]), 'rate', '2026-01-05');
    expect(chart).toEqual({ kind: 'too_few_points', n: 1 });
    expect(summary).toEqual(['too few weeks to tell a change from routine variation yet (n = 1)']);
    expect(weeklyChart(weekly([[3, 5]]), 'rate', null).chart).toEqual({ kind: 'too_few_points', n: 0 });
  });

  it('add a team’s weeks from its reps’', () => {
    const starts = ['2026-01-05', '2026-01-12'];
    const team = sumWeeks(starts, [weekly([[1, 2], [0, 3]]), weekly([[4, 4], [1, 1]])]);
    expect(team).toEqual([
      { weekStart: '2026-01-05', successes: 5, n: 6 },
      { weekStart: '2026-01-12', successes: 1, n: 4 },
    ]);
    expect(totalOf(team)).toEqual({ successes: 6, n: 10 });
  });
});

describe('a rep against the rest of the team', () => {
  it('runs the pooled two-proportion test on the rep and the team less the rep (Stat Trek example 1: z = −2.13)', () => {
    // The rep: 38 of 100; the team: 140 of 300, so the rest is 102 of 200 (the worked example's two groups).
    const result = compareWithRest({ successes: 38, n: 100 }, { successes: 140, n: 300 });
    expect(result.verdict).toBe('different');
    if (result.verdict === 'too_few_to_tell') return;
    expect(result.b).toEqual({ successes: 102, n: 200 });
    expect(result.z).toBeCloseTo(-2.13, 2);
    expect(result.higher).toBe('b');
  });

  it('says too few to tell for a small team, and refuses counts that are not part of the team’s', () => {
    expect(compareWithRest({ successes: 3, n: 6 }, { successes: 7, n: 14 }).verdict).toBe('too_few_to_tell');
    expect(() => compareWithRest({ successes: 3, n: 20 }, { successes: 7, n: 14 })).toThrow(RangeError);
  });
});
