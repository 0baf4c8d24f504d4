import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { GOAL_KIND_LABELS, type GoalSummary } from '../../../shared/goals';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { goalListQuery } from './api';
import { useReviewMode } from '../../app/reviewMode';
import { figuresHidden, HIDDEN_IN_REVIEW, periodWords, readingWords, STATUS_WORDS } from './goalWords';

function GoalRow({ goal }: { goal: GoalSummary }) {
  const { measure, measurement } = goal;
  const hidden = figuresHidden(goal, useReviewMode());
  const reading = measure && measurement.reading && !hidden ? readingWords(measure, measurement.reading) : null;
  return (
    <li className="goal-row">
      <div className="goal-row-head">
        <Link to={`/goals/${goal.id}`} className="goal-row-title">
          {goal.title}
        </Link>
        <Badge tone="accent">{GOAL_KIND_LABELS[goal.kind]}</Badge>
        {goal.stretch ? <Badge tone="neutral">Stretch</Badge> : null}
        {goal.status !== 'active' ? <Badge tone={goal.status === 'done' ? 'success' : 'neutral'}>{STATUS_WORDS[goal.status]}</Badge> : null}
      </div>
      <p className="goal-row-meta">
        {periodWords(goal.periodStart, goal.periodEnd)}
        {hidden && measure ? ` · ${HIDDEN_IN_REVIEW}` : ''}
        {reading ? ` · ${reading.value} (n = ${reading.n})` : ''}
        {measurement.progress && !hidden ? ` · ${measurement.progress.words}` : ''}
      </p>
      {goal.currentStep ? (
        <p className="goal-row-step">
          <span className="goal-step-label">Next step:</span> {goal.currentStep.text}
        </p>
      ) : null}
    </li>
  );
}

/** A person's what goals: the active ones first, with their next step; then those done or set aside. */
export function GoalList({ ownerId, mine }: { ownerId: string | undefined; mine: boolean }) {
  const query = useInfiniteQuery(goalListQuery(ownerId, 'all'));
  if (query.isPending) {
    return (
      <Card title="Goals">
        <SkeletonLines lines={4} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card title="Goals">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  const goals = query.data.pages.flatMap((p) => p.data);
  const active = goals.filter((g) => g.status === 'active');
  const closed = goals.filter((g) => g.status !== 'active');
  return (
    <>
      <Card title="Goals" flush>
        {active.length === 0 ? (
          <EmptyState
            icon="goals"
            title={mine ? 'No goal yet' : 'No active goal'}
            action={
              mine ? (
                <Link to="/goals/new" className="btn btn-secondary">
                  Set a goal
                </Link>
              ) : null
            }
          >
            {mine ? 'An outcome, how you work, or a skill to build — with one tiny next step you can take today.' : 'Nothing active in this period.'}
          </EmptyState>
        ) : (
          <ul className="goal-rows">
            {active.map((g) => (
              <GoalRow key={g.id} goal={g} />
            ))}
          </ul>
        )}
      </Card>
      {closed.length > 0 ? (
        <Card title="Done and set aside" flush>
          <ul className="goal-rows">
            {closed.map((g) => (
              <GoalRow key={g.id} goal={g} />
            ))}
          </ul>
        </Card>
      ) : null}
      {query.hasNextPage ? (
        <button type="button" className="link-button" onClick={() => void query.fetchNextPage()}>
          Show more goals
        </button>
      ) : null}
    </>
  );
}
