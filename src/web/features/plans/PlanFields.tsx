import { PLAN_STATUSES, PLAN_STATUS_LABELS } from '../../../shared/plans';
import type { FormState } from '../../lib/forms';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import type { PlanValues } from './planForm';

const STATUS_OPTIONS = PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }));

/** The plan's own fields, in the method's words: the outcome first, then why it matters to the customer. */
export function PlanFields({ form }: { form: FormState<PlanValues> }) {
  return (
    <div className="form-grid">
      <TextField className="span-2" label="Title" required autoComplete="off" {...form.field('title')} />
      <TextAreaField className="span-2" label="Agreed outcome" rows={3} hint="What success looks like for the customer, in their words." {...form.field('agreedOutcome')} />
      <TextAreaField className="span-2" label="Why it matters to the customer" rows={3} hint="Their goal: what this gets them." {...form.field('whyItMatters')} />
      <TextAreaField className="span-2" label="What not acting costs them" rows={3} hint="The cost of inaction, as they see it." {...form.field('costOfInaction')} />
      <TextField label="Start date" type="date" {...form.field('startDate')} />
      <TextField label="Target date" type="date" required hint="When the customer wants the outcome." {...form.field('targetDate')} />
      <SelectField label="Status" required options={STATUS_OPTIONS} {...form.field('status')} />
      <TimeZoneSelect label="Customer’s time zone" hint="Customer-side due dates end at midnight there." {...form.field('customerTimeZone')} />
    </div>
  );
}
