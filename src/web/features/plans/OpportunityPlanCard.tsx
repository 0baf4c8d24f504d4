import { useState } from 'react';
import { Link } from 'react-router';
import type { Opportunity } from '../../../shared/opportunities';
import { formatDate } from '../../lib/format';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useOpportunityPlan } from './api';
import { CreatePlanDialog } from './CreatePlanDialog';
import { HealthBadge, PlanStatusBadge } from './HealthBadge';
import '../../styles/plans.css';

/** The opportunity's mutual plan at a glance, or the invitation to agree one with the customer. */
export function OpportunityPlanCard({ opportunity: o }: { opportunity: Opportunity }) {
  const query = useOpportunityPlan(o);
  const [creating, setCreating] = useState(false);
  const canCreate = o.permissions.canEdit && o.archivedAt === null;

  return (
    <Card title="Mutual plan">
      {query.isPending ? (
        <SkeletonLines lines={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data ? (
        <div className="opp-plan">
          <p className="opp-plan-title">
            <Link to={`/plans/${query.data.id}`}>{query.data.title}</Link>
          </p>
          <p className="badge-stack">
            <PlanStatusBadge status={query.data.status} />
            <HealthBadge health={query.data.health} status={query.data.status} />
          </p>
          {query.data.agreedOutcome ? <p className="opp-plan-outcome">{query.data.agreedOutcome}</p> : null}
          <p className="small muted">
            Target {formatDate(query.data.targetDate)} · {query.data.counts.done} done · {query.data.counts.open} open
            {query.data.counts.missed > 0 ? ` · ${query.data.counts.missed} missed` : ''}
          </p>
          {query.data.health && query.data.health.reasons.length > 0 ? <p className="small warning-text">{query.data.health.reasons[0]}</p> : null}
          <Link to={`/plans/${query.data.id}`} className={buttonClass('secondary', 'sm')}>
            Open the plan
            <Icon name="chevronRight" size={15} />
          </Link>
        </div>
      ) : (
        <div className="opp-plan">
          <p className="muted">
            No mutual plan yet. Agree the outcome with the customer, then who does what by when — both sides see the same plan.
          </p>
          {canCreate ? (
            <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
              Create a mutual plan
            </Button>
          ) : null}
        </div>
      )}
      {creating ? <CreatePlanDialog opportunity={o} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
