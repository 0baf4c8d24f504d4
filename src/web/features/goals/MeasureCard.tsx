import type { Goal } from '../../../shared/goals';
import { Card } from '../../ui/Card';
import { useReviewMode } from '../../app/reviewMode';
import { figuresHidden, HIDDEN_IN_REVIEW, measureLabel, readingWords, targetWords } from './goalWords';

const PERIOD_WORDS = { upcoming: 'Not started yet', current: 'So far this period', ended: 'At the end of the period' } as const;

/** The goal's measure as Advance reads it from the data, with its n (and interval for a rate), and progress in growth words. */
export function MeasureCard({ goal }: { goal: Goal }) {
  const { measure, measurement } = goal;
  const target = targetWords(goal);
  const hidden = figuresHidden(goal, useReviewMode());
  if (!measure || !measurement.reading) {
    return (
      <Card title="How it is measured">
        <p className="muted">{goal.kind === 'learning' ? 'Not measured: your notes and steps show the way.' : 'Not measured. Your steps and what you learn show the way.'}</p>
      </Card>
    );
  }
  if (hidden) {
    return (
      <Card title="How it is measured">
        <p className="measure-label">{measureLabel(measure)}</p>
        <p className="muted">{HIDDEN_IN_REVIEW}</p>
      </Card>
    );
  }
  const words = readingWords(measure, measurement.reading);
  return (
    <Card title="How it is measured">
      <p className="measure-label">{measureLabel(measure)}</p>
      <p className="measure-value">{words.value}</p>
      <p className="muted small">
        {PERIOD_WORDS[measurement.period]} · {words.detail}
      </p>
      {target ? (
        <p className="measure-target">
          Target {target}
          {measurement.progress ? <strong className="measure-progress"> · {measurement.progress.words}</strong> : null}
        </p>
      ) : null}
    </Card>
  );
}
