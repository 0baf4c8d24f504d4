/**
 * Process-behaviour charts (XmR: individual values and moving ranges), after D. J. Wheeler,
 * "Understanding Variation": they tell a real change from routine week-to-week noise.
 *
 *   centre line              the mean of the values
 *   moving range mRᵢ         |xᵢ − xᵢ₋₁| for each point after the first
 *   natural process limits   centre ± 2.66 × mR̄ (mR̄ = the average moving range; 2.66 = 3 / d₂,
 *                            d₂ = 1.128 for ranges of two). When the caller says the values cannot be
 *                            negative (counts, rates), a lower limit below 0 is clamped to 0.
 *
 * Detection rules — a point is a signal when
 *   1. it is beyond a limit (strictly above the upper or strictly below the lower), or
 *   2. it belongs to a run of RUN_LENGTH (8) or more successive points on the same side of the
 *      centre line; the whole run is marked. A point exactly on the centre line ends a run.
 * Everything else is routine variation: nothing to explain, nobody to praise or blame.
 *
 * The limits are computed from all the points given: pass the baseline period you want judged.
 */

export const LIMIT_FACTOR = 2.66;
export const RUN_LENGTH = 8;
/** With fewer points there is no moving range and so no limits. */
export const MIN_XMR_POINTS = 2;

export type XmrInput = { label: string; value: number };

export type XmrPoint = XmrInput & {
  /** |this value − the previous one|; null for the first point. */
  movingRange: number | null;
  /** Rule 1: which limit the point is beyond, if any. */
  beyond: 'upper' | 'lower' | null;
  /** Rule 2: the side of the centre line of the run of 8+ the point belongs to, if any. */
  run: 'above' | 'below' | null;
  signal: boolean;
};

export type XmrSignal =
  | { kind: 'beyond_limit'; side: 'upper' | 'lower'; index: number; label: string; value: number }
  | { kind: 'run'; side: 'above' | 'below'; from: number; to: number; length: number; firstLabel: string; lastLabel: string };

export type XmrChart =
  | { kind: 'too_few_points'; n: number }
  | {
      kind: 'chart';
      n: number;
      centre: number;
      averageMovingRange: number;
      upperLimit: number;
      lowerLimit: number;
      /** True when the computed lower limit was below 0 and the values cannot be negative. */
      lowerLimitClamped: boolean;
      /** True when the computed upper limit passed the highest value possible (100 for a percentage). */
      upperLimitClamped: boolean;
      points: XmrPoint[];
      /** In the order they start. */
      signals: XmrSignal[];
    };

export type XmrOptions = {
  /** The measure cannot be negative (a count, a rate): clamp the lower limit at 0. */
  nonNegative?: boolean;
  /** The highest value the measure can take (100 for a percentage): the upper limit stops there. */
  maximum?: number;
};

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

export function xmrChart(input: readonly XmrInput[], options: XmrOptions = {}): XmrChart {
  for (const p of input) {
    if (!Number.isFinite(p.value)) throw new RangeError(`${p.label}: value must be a finite number, got ${p.value}`);
  }
  const n = input.length;
  if (n < MIN_XMR_POINTS) return { kind: 'too_few_points', n };

  const values = input.map((p) => p.value);
  const centre = mean(values);
  const movingRanges = values.slice(1).map((v, i) => Math.abs(v - values[i]));
  const averageMovingRange = mean(movingRanges);
  const computedUpper = centre + LIMIT_FACTOR * averageMovingRange;
  // A week cannot pass the maximum, so a limit above it would never be crossed and only stretch the chart.
  const upperLimitClamped = options.maximum !== undefined && computedUpper > options.maximum;
  const upperLimit = upperLimitClamped ? (options.maximum as number) : computedUpper;
  const computedLower = centre - LIMIT_FACTOR * averageMovingRange;
  const lowerLimitClamped = options.nonNegative === true && computedLower < 0;
  const lowerLimit = lowerLimitClamped ? 0 : computedLower;

  const points: XmrPoint[] = input.map((p, i) => {
    const beyond = p.value > upperLimit ? 'upper' : p.value < lowerLimit ? 'lower' : null;
    return { label: p.label, value: p.value, movingRange: i === 0 ? null : movingRanges[i - 1], beyond, run: null, signal: beyond !== null };
  });

  const signals: XmrSignal[] = [];
  points.forEach((p, index) => {
    if (p.beyond) signals.push({ kind: 'beyond_limit', side: p.beyond, index, label: p.label, value: p.value });
  });

  // Rule 2: runs of one side of the centre line.
  const sideOf = (v: number) => (v > centre ? 'above' : v < centre ? 'below' : null);
  let start = 0;
  for (let i = 1; i <= n; i += 1) {
    const side = sideOf(values[start]);
    if (i < n && side !== null && sideOf(values[i]) === side) continue;
    const length = i - start;
    if (side !== null && length >= RUN_LENGTH) {
      for (let j = start; j < i; j += 1) {
        points[j].run = side;
        points[j].signal = true;
      }
      signals.push({ kind: 'run', side, from: start, to: i - 1, length, firstLabel: points[start].label, lastLabel: points[i - 1].label });
    }
    start = i;
  }
  signals.sort((a, b) => startOf(a) - startOf(b));

  return { kind: 'chart', n, centre, averageMovingRange, upperLimit, lowerLimit, lowerLimitClamped, upperLimitClamped, points, signals };
}

const startOf = (s: XmrSignal) => (s.kind === 'run' ? s.from : s.index);

export type DescribeOptions = {
  /** What one point stands for, e.g. "week" (the default) or "month". */
  unit?: string;
  /** Its plural; the unit with an "s" by default. */
  units?: string;
};

/**
 * The chart in plain words, one line per signal in time order, or one line saying it is routine:
 *   "week of Mar 9 is beyond the upper limit: a real change, worth asking about"
 *   "8 weeks in a row above the average, week of Mar 9 to week of Apr 27: a sustained shift, worth asking about"
 *   "routine variation — no week stands out"
 */
export function describeSignals(chart: XmrChart, options: DescribeOptions = {}): string[] {
  const unit = options.unit ?? 'week';
  const units = options.units ?? `${unit}s`;
  if (chart.kind === 'too_few_points') {
    return [`too few ${units} to tell a change from routine variation yet (n = ${chart.n})`];
  }
  if (chart.signals.length === 0) return [`routine variation — no ${unit} stands out`];
  return chart.signals.map((s) =>
    s.kind === 'beyond_limit'
      ? `${s.label} is beyond the ${s.side} limit: a real change, worth asking about`
      : `${s.length} ${units} in a row ${s.side} the average, ${s.firstLabel} to ${s.lastLabel}: a sustained shift, worth asking about`,
  );
}
