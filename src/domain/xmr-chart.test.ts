import { describe, expect, it } from 'vitest';
import { describeSignals, xmrChart, type XmrChart, type XmrInput } from './xmr-chart.js';

const WEEKS = ['Jan 5', 'Jan 12', 'Jan 19', 'Jan 26', 'Feb 2', 'Feb 9', 'Feb 16', 'Feb 23', 'Mar 2', 'Mar 9', 'Mar 16', 'Mar 23', 'Mar 30', 'Apr 6', 'Apr 13', 'Apr 20', 'Apr 27', 'May 4', 'May 11', 'May 18'];

/** Weekly points ending on the last week given (so a series can end on "week of Mar 9"). */
function weekly(values: number[], lastWeek = WEEKS[values.length - 1]): XmrInput[] {
  const end = WEEKS.indexOf(lastWeek);
  return values.map((value, i) => ({ label: `week of ${WEEKS[end - values.length + 1 + i]}`, value }));
}

function chartOf(values: number[], options = {}): Extract<XmrChart, { kind: 'chart' }> {
  const chart = xmrChart(weekly(values), options);
  if (chart.kind !== 'chart') throw new Error('expected a chart');
  return chart;
}

const flagged = (chart: Extract<XmrChart, { kind: 'chart' }>) => chart.points.flatMap((p, i) => (p.signal ? [i] : []));

describe('XmR chart on published examples', () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.2.2 "Individuals control charts"
  // (https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc322.htm): flow rate of 10 batches;
  // x̄ = 50.81, MR̄ = 1.8778, UCL = 55.8041, LCL = 45.8159 — NIST uses 3/d₂ = 3/1.128 = 2.6596, Wheeler's
  // rounded 2.66 moves each limit by 0.0009. No batch is out of control.
  it('reproduces the NIST individuals chart (flow rate)', () => {
    const chart = chartOf([49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]);
    expect(chart.centre).toBeCloseTo(50.81, 10);
    expect(chart.averageMovingRange).toBeCloseTo(1.8778, 4);
    expect(Math.abs(chart.upperLimit - 55.8041)).toBeLessThan(0.001);
    expect(Math.abs(chart.lowerLimit - 45.8159)).toBeLessThan(0.001);
    expect(chart.points.map((p) => p.movingRange)).toEqual([null, 2, 2.3, 1.4, 3.5, 3.4, 1.4, 0.2, 1.2, 1.5].map((r) => (r === null ? null : expect.closeTo(r, 10))));
    expect(chart.signals).toEqual([]);
    expect(describeSignals(chart, { unit: 'batch', units: 'batches' })).toEqual(['routine variation — no batch stands out']);
  });

  // D. C. Montgomery, Introduction to Statistical Quality Control (Wiley, 6th ed. 2009), chapter 6,
  // control chart for individual measurements, loan-processing-cost example: weekly average cost of
  // processing a mortgage loan over 20 weeks; x̄ = 300.5, MR̄ = 7.79, UCL = 321.22, LCL = 279.78, and the
  // process is in control.
  it('reproduces the Montgomery individuals chart (loan processing costs)', () => {
    const chart = chartOf([310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304]);
    expect(chart.centre).toBe(300.5);
    expect(chart.averageMovingRange).toBeCloseTo(7.79, 2);
    expect(chart.upperLimit).toBeCloseTo(321.22, 2);
    expect(chart.lowerLimit).toBeCloseTo(279.78, 2);
    expect(flagged(chart)).toEqual([]);
    expect(describeSignals(chart)).toEqual(['routine variation — no week stands out']);
  });
});

describe('XmR detection rules on constructed series', () => {
  it('flags a point beyond the upper limit and says so in words', () => {
    // x̄ = 106/8 = 13.25, mR̄ = 32/7, UCL = 13.25 + 2.66·32/7 = 25.41: only the last week is beyond.
    // The seven weeks before it sit below the centre line: seven in a row is not a run.
    const chart = xmrChart(weekly([10, 12, 10, 12, 10, 12, 10, 30], 'Mar 9'));
    if (chart.kind !== 'chart') throw new Error('expected a chart');
    expect(chart.upperLimit).toBeCloseTo(25.41, 10);
    expect(chart.signals).toEqual([{ kind: 'beyond_limit', side: 'upper', index: 7, label: 'week of Mar 9', value: 30 }]);
    expect(chart.points[7]).toMatchObject({ beyond: 'upper', run: null, signal: true });
    expect(chart.points.slice(0, 7).every((p) => !p.signal && p.run === null)).toBe(true);
    expect(describeSignals(chart)).toEqual(['week of Mar 9 is beyond the upper limit: a real change, worth asking about']);
  });

  it('flags a point beyond the lower limit', () => {
    // x̄ = 145/8 = 18.125, mR̄ = 4, LCL = 18.125 − 10.64 = 7.485.
    const chart = chartOf([20, 21, 19, 20, 22, 20, 21, 2]);
    expect(chart.lowerLimit).toBeCloseTo(7.485, 10);
    expect(flagged(chart)).toEqual([7]);
    expect(chart.points[7].beyond).toBe('lower');
    expect(describeSignals(chart)[0]).toBe('week of Feb 23 is beyond the lower limit: a real change, worth asking about');
  });

  it('clamps the lower limit at 0 only when told the values cannot be negative', () => {
    // x̄ = 1, mR̄ = 12/7, computed LCL = 1 − 2.66·12/7 = −3.56.
    const values = [1, 0, 2, 0, 1, 3, 0, 1];
    const free = chartOf(values);
    expect(free.lowerLimit).toBeCloseTo(-3.56, 10);
    expect(free.lowerLimitClamped).toBe(false);
    const counts = chartOf(values, { nonNegative: true });
    expect(counts.lowerLimit).toBe(0);
    expect(counts.lowerLimitClamped).toBe(true);
    expect(counts.upperLimit).toBeCloseTo(5.56, 10);
    // A week at 0 is on the clamped limit, not beyond it.
    expect(counts.signals).toEqual([]);
  });

  it('stops the upper limit at the maximum a week can reach (100 %), and a week at 100 % is not beyond it', () => {
    // Weekly rates in %: x̄ = 80, mR̄ = (20+20+40+40+20+20+0)/7 = 160/7, computed UCL = 80 + 2.66·160/7 = 140.8.
    const values = [80, 100, 80, 40, 80, 100, 80, 80];
    const free = chartOf(values, { nonNegative: true });
    expect(free.upperLimit).toBeCloseTo(140.8, 10);
    expect(free.upperLimitClamped).toBe(false);
    const rates = chartOf(values, { nonNegative: true, maximum: 100 });
    expect(rates.upperLimit).toBe(100);
    expect(rates.upperLimitClamped).toBe(true);
    expect(rates.points.filter((p) => p.beyond === 'upper')).toEqual([]);
  });

  it('marks the whole run when eight successive points sit on one side of the centre line', () => {
    // x̄ = 160/14 = 11.43; the last eight (12–13) are all above it and inside the limits (8.97–13.88);
    // the first six are below it: six in a row is not a run.
    const chart = chartOf([10, 11, 10, 9, 10, 11, 12, 13, 12, 12, 13, 12, 13, 12]);
    expect(chart.signals).toEqual([
      { kind: 'run', side: 'above', from: 6, to: 13, length: 8, firstLabel: 'week of Feb 16', lastLabel: 'week of Apr 6' },
    ]);
    expect(flagged(chart)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(chart.points.every((p) => p.beyond === null)).toBe(true);
    expect(chart.points.slice(6).every((p) => p.run === 'above')).toBe(true);
    expect(describeSignals(chart)).toEqual([
      '8 weeks in a row above the average, week of Feb 16 to week of Apr 6: a sustained shift, worth asking about',
    ]);
  });

  it('ends a run at a point exactly on the centre line', () => {
    // x̄ = 75/15 = 5 exactly: four weeks above, one on the line, four above — no run of eight.
    const broken = chartOf([6, 7, 6, 7, 5, 7, 6, 7, 6, 3, 3, 3, 3, 3, 3]);
    expect(broken.centre).toBe(5);
    expect(broken.signals).toEqual([]);
    // The same weeks with that point off the line make nine in a row above it.
    const unbroken = chartOf([6, 7, 6, 7, 6, 7, 6, 7, 6, 3, 3, 3, 3, 3, 3]);
    expect(unbroken.signals).toEqual([expect.objectContaining({ kind: 'run', side: 'above', from: 0, to: 8, length: 9 })]);
  });

  it('lists signals of both rules in time order, below the centre line too', () => {
    // x̄ = 201/19 = 10.58, LCL = 5.55: week 3 (value 1) is beyond the lower limit; the last nine
    // (11, then 12–13) are above the centre line.
    const chart = chartOf([10, 11, 1, 10, 9, 10, 11, 10, 9, 10, 11, 12, 13, 12, 12, 13, 12, 13, 12]);
    expect(chart.signals.map((s) => (s.kind === 'run' ? `run ${s.side} ${s.from}-${s.to}` : `beyond ${s.side} ${s.index}`))).toEqual([
      'beyond lower 2',
      'run above 10-18',
    ]);
    expect(describeSignals(chart)).toHaveLength(2);
    // Mirror image: a drop that lasts is a run below.
    const drop = chartOf([13, 12, 13, 12, 13, 12, 11, 10, 11, 10, 10, 11, 10, 11]);
    expect(drop.signals).toEqual([expect.objectContaining({ kind: 'run', side: 'below', from: 6, to: 13, length: 8 })]);
    expect(describeSignals(drop, { unit: 'month' })[0]).toMatch(/^8 months in a row below the average, /);
  });

  it('calls a flat series routine variation', () => {
    const chart = chartOf([5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(chart).toMatchObject({ centre: 5, averageMovingRange: 0, upperLimit: 5, lowerLimit: 5, signals: [] });
    expect(describeSignals(chart)).toEqual(['routine variation — no week stands out']);
  });

  it('draws no chart with fewer than two points', () => {
    expect(xmrChart([])).toEqual({ kind: 'too_few_points', n: 0 });
    const one = xmrChart(weekly([4]));
    expect(one).toEqual({ kind: 'too_few_points', n: 1 });
    expect(describeSignals(one)).toEqual(['too few weeks to tell a change from routine variation yet (n = 1)']);
    // Two points are enough for limits; they can never be beyond them.
    const two = chartOf([3, 9]);
    expect(two).toMatchObject({ centre: 6, averageMovingRange: 6, signals: [] });
  });

  it('refuses a value that is not a number', () => {
    expect(() => xmrChart([{ label: 'week of Mar 9', value: Number.NaN }, { label: 'week of Mar 16', value: 1 }])).toThrow(RangeError);
  });
});
