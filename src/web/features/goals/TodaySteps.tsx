import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card } from '../../ui/Card';
import { goalListQuery } from './api';

/** Today: the one next step of each of your active goals (nothing when there is none). */
export function TodaySteps() {
  const query = useInfiniteQuery(goalListQuery(undefined, 'active'));
  const goals = query.data?.pages.flatMap((p) => p.data).filter((g) => g.currentStep) ?? [];
  if (goals.length === 0) return null;
  return (
    <Card title="Your next steps" flush>
      <p className="card-intro">One tiny step for each of your goals.</p>
      <ul className="goal-rows">
        {goals.map((g) => (
          <li key={g.id} className="goal-row">
            <p className="goal-row-step-main">{g.currentStep?.text}</p>
            <p className="goal-row-meta">
              for <Link to={`/goals/${g.id}`}>{g.title}</Link>
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
