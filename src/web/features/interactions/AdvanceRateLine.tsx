import type { AdvanceRate } from '../../../shared/interactions';
import { plural } from '../../lib/format';

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** An advance rate in words: always with n and, from 5 results, the 95 % interval; below that, "too few to judge". */
export function advanceRateWords(rate: AdvanceRate): { headline: string; detail: string } {
  const j = rate.judgement;
  const results = `${plural(rate.n, 'interaction')} with a result`;
  if (j.kind === 'too_few_to_judge') {
    return {
      headline: 'Too few to judge',
      detail: rate.n === 0 ? 'No interaction has a recorded result yet.' : `${rate.advances} ${rate.advances === 1 ? 'advance' : 'advances'} of ${results} — a rate needs at least 5.`,
    };
  }
  return {
    headline: percent(j.rate),
    detail: `${j.successes} ${j.successes === 1 ? 'advance' : 'advances'} of ${results}; 95 % interval ${percent(j.low)}–${percent(j.high)}.`,
  };
}

/** The advance rate as a figure that judges people may be shown: with n and its interval, or not at all. */
export function AdvanceRateLine({ rate, label = 'Advance rate' }: { rate: AdvanceRate | undefined; label?: string }) {
  if (!rate) return <p className="muted small">Loading the advance rate…</p>;
  const words = advanceRateWords(rate);
  return (
    <div className="advance-rate">
      <p className="advance-rate-figure">
        <span className="advance-rate-label">{label}:</span> <strong>{words.headline}</strong>
      </p>
      <p className="small muted">{words.detail}</p>
    </div>
  );
}
