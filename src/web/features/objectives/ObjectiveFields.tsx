import { OBJECTIVE_KINDS, OBJECTIVE_KIND_LABELS, OBJECTIVE_STATUSES, OBJECTIVE_STATUS_LABELS } from '../../../shared/objectives';
import { accountOpportunitiesParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import type { FormState } from '../../lib/forms';
import { formatMoney } from '../../lib/format';
import { CheckField } from '../../ui/CheckField';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { currencyOptions } from '../opportunities/currencies';
import { OwnerField } from '../records/OwnerField';
import type { ObjectiveValues } from './objectiveForm';

const KIND_OPTIONS = OBJECTIVE_KINDS.map((k) => ({ value: k, label: OBJECTIVE_KIND_LABELS[k] }));
const STATUS_OPTIONS = OBJECTIVE_STATUSES.map((s) => ({ value: s, label: OBJECTIVE_STATUS_LABELS[s] }));

export function ObjectiveFields({ form, accountId, currentOwner }: { form: FormState<ObjectiveValues>; accountId: string; currentOwner?: { id: string; name: string } }) {
  const owner = form.field('ownerId');
  const deals = useRecordList('opportunities', accountOpportunitiesParams(accountId), { limit: 50 });
  const linked = new Set(form.values.opportunityIds ? form.values.opportunityIds.split(',') : []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(linked);
    if (on) next.add(id);
    else next.delete(id);
    form.set('opportunityIds', [...next].sort().join(','));
  };
  const options = deals.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="form-grid">
      <TextField className="span-2" label="Objective" required autoComplete="off" placeholder="e.g. Become their analytics platform in Germany" hint="The next major milestone of the relationship." {...form.field('title')} />
      <SelectField label="Kind" required options={KIND_OPTIONS} {...form.field('kind')} />
      <SelectField label="Status" required options={STATUS_OPTIONS} {...form.field('status')} />
      <TextAreaField className="span-2" label="Client goal" hint="The goal it serves, in the client’s own words." rows={3} {...form.field('clientGoal')} />
      <div className="money-row">
        <TextField label="Financial target" inputMode="decimal" autoComplete="off" placeholder="250,000" hint="Optional." {...form.field('amount')} />
        <SelectField label="Currency" required options={currencyOptions(form.values.currency)} {...form.field('currency')} />
      </div>
      <TextField label="Target date" type="date" required {...form.field('targetDate')} />
      <OwnerField value={owner.value} onChange={owner.onChange} error={owner.error} current={currentOwner} />
      {options.length > 0 ? (
        <fieldset className="span-2">
          <legend>Opportunities it counts on</legend>
          {options.map((d) => (
            <CheckField key={d.id} name="opportunityIds" label={`${d.name} (${formatMoney(d.amount)})`} checked={linked.has(d.id)} onChange={(on) => toggle(d.id, on)} />
          ))}
          {form.errors.opportunityIds ? <p className="field-error">{form.errors.opportunityIds}</p> : null}
        </fieldset>
      ) : null}
    </div>
  );
}
