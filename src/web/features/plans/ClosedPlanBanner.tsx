import type { Plan } from '../../../shared/plans';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { usePlanAction, useReopenPlan } from './api';

/**
 * A completed or abandoned plan is closed: nothing on it changes, for either side, until someone who
 * may change the plan reopens it — an explicit act, kept in the plan's history.
 */
export function ClosedPlanBanner({ plan }: { plan: Plan }) {
  const reopen = usePlanAction(plan.id, useReopenPlan(plan.id));
  if (plan.status !== 'completed' && plan.status !== 'abandoned') return null;
  return (
    <div className="alert alert-info plan-closed" role="status">
      <Icon name="check" />
      <div className="alert-body">
        <p>
          <strong>This plan is {plan.status}.</strong> It is closed: commitments, dates, milestones and comments stay as they are, for your team and the customer alike.
        </p>
        {plan.permissions.canReopen ? (
          <div className="alert-actions">
            <Button size="sm" icon="restore" busy={reopen.busy} onClick={() => reopen.send(plan.version)}>
              Reopen plan
            </Button>
          </div>
        ) : null}
        <FormAlert message={reopen.message} tone="warning" />
      </div>
    </div>
  );
}
