import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RepCoaching } from '../../../shared/coaching';
import { PROCESS_MEASURES } from '../../../shared/coaching-words';
import { useReviewMode } from '../../app/reviewMode';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingCard } from '../../ui/States';
import { repCoachingQuery, type PeriodQuery } from './api';
import { GoalProgress } from './GoalProgress';
import { MeasureCard } from './MeasureCard';
import { PeriodBar } from './PeriodBar';
import { OutcomeCounts } from './OutcomeCounts';

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rep';

/** One person's figures: the process first (four measures), the outcomes last. */
export function RepCoachingView({ userId, mine, period, onPeriod, back, toolbar }: {
  userId: string;
  mine: boolean;
  period: PeriodQuery;
  onPeriod: (p: PeriodQuery) => void;
  back?: { to: string; label: string };
  toolbar?: ReactNode;
}) {
  const coaching = useQuery(repCoachingQuery(userId, period));
  const review = useReviewMode();
  if (coaching.isPending) return <LoadingCard title="Coaching" />;
  if (coaching.isError) return <ErrorState error={coaching.error} onRetry={() => void coaching.refetch()} />;
  const c: RepCoaching = coaching.data;
  const common = { weekStarts: c.period.weekStarts, currentWeekStart: c.period.currentWeekStart, whose: slug(c.rep.name) };
  return (
    <div className="page coaching">
      <PageHeader
        title={mine ? 'My coaching figures' : `Coaching · ${c.rep.name}`}
        back={back}
        meta={<span>Process first — how the work is done — then outcomes, which luck moves too. Every rate with its n and a 95 % interval; every week on a chart that tells a real change from routine variation.</span>}
      />
      {toolbar}
      <PeriodBar period={c.period} onPeriod={onPeriod} />
      <h2 className="coaching-section">Process</h2>
      <div className="measure-grid">
        {PROCESS_MEASURES.map((key) => (
          <MeasureCard key={key} measureKey={key} measure={c.measures[key]} {...common} />
        ))}
      </div>
      <h2 className="coaching-section">Goals</h2>
      <GoalProgress userId={c.rep.id} mine={mine} />
      <h2 className="coaching-section">Outcomes</h2>
      {review ? (
        <p className="muted review-hidden">Outcomes are hidden in review mode: won and lost deals and the win rate come back when you turn it off.</p>
      ) : (
        <>
          <OutcomeCounts outcomes={c.outcomes} />
          <div className="measure-grid">
            <MeasureCard measureKey="wins" measure={c.measures.wins} {...common} />
          </div>
        </>
      )}
    </div>
  );
}
