import { useState } from 'react';
import type { Plan } from '../../../shared/plans';
import { isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { usePlan, useReopenPlan } from './api';

/**
 * A completed or abandoned plan is closed: nothing on it changes, for either side, until someone who
 * may change the plan reopens it — an explicit act, kept in the plan's history.
 */
export function ClosedPlanBanner({ plan }: { plan: Plan }) {
  const reopen = useReopenPlan(plan.id);
  const current = usePlan(plan.id);
  const [message, setMessage] = useState<string | null>(null);
  if (plan.status !== 'completed' && plan.status !== 'abandoned') return null;
  const send = () => {
    setMessage(null);
    reopen.mutate(plan.version, {
      onError: (err) => {
        if (isApiError(err, 'version_conflict')) void current.refetch();
        setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
      },
    });
  };
  return (
    <div className="alert alert-info plan-closed" role="status">
      <Icon name="check" />
      <div className="alert-body">
        <p>
          <strong>This plan is {plan.status}.</strong> It is closed: commitments, dates, milestones and comments stay as they are, for your team and the customer alike.
        </p>
        {plan.permissions.canReopen ? (
          <div className="alert-actions">
            <Button size="sm" icon="restore" busy={reopen.isPending} onClick={send}>
              Reopen plan
            </Button>
          </div>
        ) : null}
        <FormAlert message={message} tone="warning" />
      </div>
    </div>
  );
}
