import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useReviewMode } from '../../app/reviewMode';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { goalListQuery } from '../goals/api';
import { figuresHidden, HIDDEN_IN_REVIEW, readingWords } from '../goals/goalWords';

const KIND = { outcome: 'Outcome', process: 'Process', learning: 'Learning' } as const;

/**
 * The person's active goals and how far each has come, measured from the data (with n; a rate with
 * its interval) — process and learning goals as much as outcome ones. In review mode an outcome
 * goal's figure is hidden with the other outcomes.
 */
export function GoalProgress({ userId, mine }: { userId: string; mine: boolean }) {
  const query = useInfiniteQuery(goalListQuery(mine ? undefined : userId, 'active'));
  const review = useReviewMode();
  if (query.isPending) return <SkeletonLines lines={3} padded />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const goals = query.data.pages.flatMap((p) => p.data);
  return (
    <Card title="Goal progress">
      {goals.length === 0 ? (
        <>
          <p className="muted">No active goal yet.</p>
          {mine ? (
            <Link to="/goals/new" className={buttonClass('ghost', 'sm')}>
              Set a goal
            </Link>
          ) : null}
        </>
      ) : (
        <ul className="goal-progress">
          {goals.map((g) => {
            const hidden = figuresHidden(g, review);
            const reading = g.measure && g.measurement.reading && !hidden ? readingWords(g.measure, g.measurement.reading) : null;
            return (
              <li key={g.id}>
                <Link to={`/goals/${g.id}`}>{g.title}</Link> <span className="muted small">{`${KIND[g.kind]}${g.stretch ? ' · stretch' : ''}`}</span>
                <div className="small">
                  {hidden
                    ? HIDDEN_IN_REVIEW
                    : [reading ? `${reading.value} — ${reading.detail}` : g.measure ? 'Not measured yet.' : 'Not measured by Advance.', g.measurement.progress?.words].filter(Boolean).join(' · ')}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
