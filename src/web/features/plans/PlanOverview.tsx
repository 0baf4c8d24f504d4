import type { Plan } from '../../../shared/plans';
import { PLAN_STATUS_LABELS } from '../../../shared/plans';
import { formatDate, timeZoneLabel } from '../../lib/format';
import { Card } from '../../ui/Card';
import { Detail } from '../records/RecordStates';
import { PlanEditForm } from './PlanEditForm';

/** The agreement itself: the outcome the customer wants, why, and what waiting costs them. */
export function PlanOverview({ plan, editing, onDoneEditing }: { plan: Plan; editing: boolean; onDoneEditing: () => void }) {
  if (editing) {
    return (
      <Card title="Edit plan">
        <PlanEditForm plan={plan} onDone={onDoneEditing} />
      </Card>
    );
  }
  return (
    <Card title="The agreed outcome">
      {plan.agreedOutcome ? (
        <p className="plan-outcome pre-wrap">{plan.agreedOutcome}</p>
      ) : (
        <p className="plan-outcome plan-outcome-empty">Not written down yet. What does success look like for the customer, in their words?</p>
      )}
      <dl className="details plan-details">
        <Detail label="Why it matters to them" wide>
          {plan.whyItMatters ? <span className="pre-wrap">{plan.whyItMatters}</span> : null}
        </Detail>
        <Detail label="What not acting costs them" wide>
          {plan.costOfInaction ? <span className="pre-wrap">{plan.costOfInaction}</span> : null}
        </Detail>
        <Detail label="Start date">{plan.startDate ? formatDate(plan.startDate) : null}</Detail>
        <Detail label="Target date">{formatDate(plan.targetDate)}</Detail>
        <Detail label="Status">{PLAN_STATUS_LABELS[plan.status]}</Detail>
        <Detail label="Customer’s time zone">{timeZoneLabel(plan.customerTimeZone)}</Detail>
      </dl>
    </Card>
  );
}
