import type { Plan } from '../../../shared/plans';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { usePlanAction, useUpdatePlan } from './api';
import { HEALTH_LABELS } from './planWords';

const QUIET = {
  on_track: 'Nothing is past its date, the target date is ahead, and no must-do is due in the next two days.',
  at_risk: 'Worth a look this week:',
  stalled: 'This plan needs attention:',
} as const;

/** Internal health in plain words, and advice on length when the plan grows past what tends to work. */
export function PlanHealthPanel({ plan }: { plan: Plan }) {
  const { health, length } = plan;
  return (
    <div className="plan-health-panel">
      {health ? (
        <div className={`plan-health plan-health-${health.status}`}>
          <Icon name={health.status === 'on_track' ? 'check' : 'alert'} />
          <div>
            <p>
              <strong>{HEALTH_LABELS[health.status]}.</strong> {QUIET[health.status]}
            </p>
            {health.reasons.length > 0 ? (
              <ul>
                {health.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : plan.status === 'draft' ? (
        <DraftNote plan={plan} />
      ) : (
        <div className="plan-health plan-health-closed">
          <Icon name="check" />
          <p>This plan is {plan.status}: health is no longer tracked, and its history stays.</p>
        </div>
      )}
      {length.level !== 'ok' ? (
        <div className={`alert ${length.level === 'strong_warn' ? 'alert-danger' : 'alert-warning'} plan-length`} role="note">
          <Icon name="alert" />
          <span>{length.message}</span>
        </div>
      ) : null}
    </div>
  );
}

/** A draft is not judged yet; whoever may edit the plan activates it here once the customer has gone through it. */
function DraftNote({ plan }: { plan: Plan }) {
  const activate = usePlanAction(plan.id, useUpdatePlan(plan.id));
  return (
    <div className="plan-health plan-health-closed">
      <Icon name="clock" />
      <div>
        <p>
          <strong>Draft — not judged.</strong> Health is judged once the plan is active, after you have gone through it with the customer.
        </p>
        {plan.permissions.canEdit ? (
          <p>
            <Button size="sm" icon="check" busy={activate.busy} onClick={() => activate.send({ version: plan.version, status: 'active' })}>
              Activate plan
            </Button>
          </p>
        ) : null}
        <FormAlert message={activate.message} tone="warning" />
      </div>
    </div>
  );
}
