import { useId } from 'react';
import type { CoachingMeasure, CoachingMeasureKey } from '../../../shared/coaching';
import { ChartNumbers } from './ChartNumbers';
import { ProcessChart } from './ProcessChart';
import { MEASURE_WORDS, rateWords } from './words';

/**
 * One measure: its rate over the period (with n and its interval, or "too few to judge"), then its
 * weekly process-behaviour chart with what the chart says in words, and the numbers behind it.
 */
export function MeasureCard({ measureKey, measure, weekStarts, currentWeekStart, whose }: {
  measureKey: CoachingMeasureKey;
  measure: CoachingMeasure;
  weekStarts: readonly string[];
  currentWeekStart: string | null;
  /** Whose figures, for the CSV's file name ("ana-alvarez"). */
  whose: string;
}) {
  const words = MEASURE_WORDS[measureKey];
  const figure = rateWords(measure.judgement, measure.successes, words);
  const summaryId = useId();
  const headingId = useId();
  const chart = measure.chart;
  return (
    <section className="card measure-card" aria-labelledby={headingId}>
      <header className="card-header">
        <h3 id={headingId}>{words.title}</h3>
      </header>
      <div className="card-pad">
        <p className="measure-figure">
          <strong>{figure.headline}</strong>
        </p>
        <p className="small muted measure-detail">{figure.detail}</p>
        <p className="small muted">{words.counts}</p>
        <figure className="measure-chart">
          <p className="measure-chart-title">{words.chartOf}</p>
          {chart.kind === 'chart' ? <ProcessChart chart={chart} weekStarts={weekStarts} title={`${words.chartOf}: process-behaviour chart`} describedBy={summaryId} /> : null}
          <figcaption id={summaryId} className="chart-summary">
            <ul>
              {chart.summary.map((line) => (
                <li key={line} className={chart.kind === 'chart' && chart.points.some((p) => p.signal) ? 'signal-line' : undefined}>
                  {line[0].toUpperCase() + line.slice(1)}.
                </li>
              ))}
            </ul>
            {chart.kind === 'chart' ? (
              <p className="small muted">
                {`Limits from ${chart.n} complete weeks: average ± 2.66 × the average week-to-week change.${chart.lowerLimitClamped ? ' The lower limit stops at 0.' : ''}${chart.upperLimitClamped ? ' The upper limit stops at 100 %.' : ''}`}
                {chart.measure === 'rate' ? ' The average line weighs every week alike; the figure above counts every result once, so the two can differ.' : ''}
              </p>
            ) : null}
          </figcaption>
        </figure>
        <ChartNumbers measureKey={measureKey} measure={measure} currentWeekStart={currentWeekStart} fileName={`${whose}-${measureKey}.csv`} />
      </div>
    </section>
  );
}
