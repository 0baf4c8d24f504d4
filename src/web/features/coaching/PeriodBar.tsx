import type { CoachingPeriod } from '../../../shared/coaching';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import type { PeriodQuery } from './api';

/** The period read, in words, and the quarters either side of it. */
export function PeriodBar({ period, onPeriod }: { period: CoachingPeriod; onPeriod: (p: PeriodQuery) => void }) {
  const name = period.name ?? `${formatDate(period.from)} – ${formatDate(period.to)}`;
  return (
    <div className="period-bar">
      <p className="period-words">
        <strong>{name}</strong>
        <span className="muted small">{` · weeks of ${formatDate(period.firstDay)} to ${formatDate(period.lastDay)}, Monday to Sunday (${period.timeZone.replace(/_/g, ' ')})`}</span>
      </p>
      <div className="period-actions">
        <Button size="sm" variant="ghost" onClick={() => onPeriod({ from: period.previous.from, to: period.previous.to })}>
          {`← ${period.previous.name}`}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onPeriod({ from: period.next.from, to: period.next.to })}>
          {`${period.next.name} →`}
        </Button>
        {period.name === null || period.currentWeekStart === null ? (
          <Button size="sm" variant="ghost" onClick={() => onPeriod({})}>
            This quarter
          </Button>
        ) : null}
      </div>
    </div>
  );
}
