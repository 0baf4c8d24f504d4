/**
 * A stretch goal that ends short is shown as how far it got — "stretch — 70 % of the way" — never as
 * failed. The percentage is rounded DOWN, so the app never claims ground that was not covered
 * (69.9 % reads 69 %, and 99.99 % is not 100 % until the target is reached). Past the target the
 * figure goes on counting (130 %).
 */

export type StretchProgress = {
  target: number;
  actual: number;
  /** Whole percent of the target reached, rounded down; 0 when nothing (or less) was reached. */
  percent: number;
  reached: boolean;
};

// Division leaves 0.29 × 100 as 28.999999999999996: forgive that much before rounding down.
const ROUNDING_SLACK = 1e-9;

export function stretchProgress(target: number, actual: number): StretchProgress {
  if (!Number.isFinite(target) || target <= 0) throw new RangeError(`a stretch target must be a positive number, got ${target}`);
  if (!Number.isFinite(actual)) throw new RangeError(`the value reached must be a finite number, got ${actual}`);
  const reached = actual >= target;
  const exact = Math.floor((actual / target) * 100 + ROUNDING_SLACK);
  const percent = reached ? Math.max(100, exact) : Math.min(99, Math.max(0, exact));
  return { target, actual, percent, reached };
}

/** The words the app shows: "stretch — 70 % of the way", or "stretch — reached (130 %)". */
export function describeStretch(progress: StretchProgress): string {
  return progress.reached ? `stretch — reached (${progress.percent} %)` : `stretch — ${progress.percent} % of the way`;
}
