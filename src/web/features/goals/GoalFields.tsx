import { MEASURE_INFO, measuresOf, type GoalKind, type Measure } from '../../../domain/goal-measures';
import { GOAL_KINDS_OPTIONS, PERIOD_PRESET_LABELS, PeriodPreset } from './goalOptions';
import type { FormState } from '../../lib/forms';
import { CheckField } from '../../ui/CheckField';
import { SelectField, TextField } from '../../ui/Field';
import { currencyOptions } from '../opportunities/currencies';
import { OwnerField } from '../records/OwnerField';
import { CUSTOM_PERIOD, targetLabel, type GoalValues } from './goalForm';
import { KIND_HINTS } from './goalWords';

/**
 * The fields of a new goal. For someone else (a manager setting a quota) only an outcome goal, and no
 * why: a why is its owner's alone.
 */
export function GoalFields({ form, me, whys }: { form: FormState<GoalValues>; me: string; whys: { id: string; why: string }[] }) {
  const v = form.values;
  const forSomeoneElse = v.ownerId !== me;
  const kinds = forSomeoneElse ? GOAL_KINDS_OPTIONS.filter((k) => k.value === 'outcome') : GOAL_KINDS_OPTIONS;
  const measures = measuresOf(v.kind as GoalKind).map((m) => ({ value: m, label: MEASURE_INFO[m].label }));
  const info = v.measure ? MEASURE_INFO[v.measure as Measure] : undefined;
  const setKind = (kind: string) => {
    form.set('kind', kind);
    // A measure belongs to one kind: a new kind starts without one.
    if (v.measure && MEASURE_INFO[v.measure as Measure]?.kind !== kind) form.set('measure', '');
  };
  const setOwner = (id: string) => {
    form.set('ownerId', id);
    if (id !== me) {
      setKind('outcome');
      form.set('whyId', '');
    }
  };
  const owner = form.field('ownerId');
  return (
    <div className="form-grid">
      <OwnerField value={owner.value} onChange={setOwner} error={owner.error} />
      <SelectField label="Kind" required options={kinds} hint={KIND_HINTS[v.kind as GoalKind]} {...form.field('kind')} onChange={setKind} />
      <TextField className="span-2" label="Goal" required autoComplete="off" placeholder="e.g. Plan the outcome of every customer call" {...form.field('title')} />
      <SelectField label="Period" required options={[...PeriodPreset.options.map((p) => ({ value: p, label: PERIOD_PRESET_LABELS[p] })), { value: CUSTOM_PERIOD, label: 'Choose dates' }]} hint="Quarters and years follow your workspace’s fiscal year." {...form.field('period')} />
      {v.period === CUSTOM_PERIOD ? (
        <div className="money-row">
          <TextField label="From" type="date" required {...form.field('periodStart')} />
          <TextField label="To" type="date" required {...form.field('periodEnd')} />
        </div>
      ) : (
        <div />
      )}
      <SelectField className="span-2" label="Measured by" options={[{ value: '', label: 'Not measured' }, ...measures]} hint="Advance computes it from your data; nothing to type in." {...form.field('measure')} />
      {info?.needsAmount ? (
        <div className="money-row span-2">
          <TextField label="Deals from this amount" inputMode="decimal" autoComplete="off" required placeholder="50,000" {...form.field('measureAmount')} />
          <SelectField label="Currency of those deals" required options={currencyOptions(v.measureCurrency)} {...form.field('measureCurrency')} />
        </div>
      ) : null}
      {info ? (
        <div className="money-row span-2">
          <TextField label={targetLabel(v.measure)} inputMode="decimal" autoComplete="off" hint="Optional." {...form.field('target')} />
          {info.unit === 'money' ? <SelectField label="Currency" required options={currencyOptions(v.targetCurrency)} hint="Won deals in other currencies are shown apart, never added." {...form.field('targetCurrency')} /> : <div />}
        </div>
      ) : null}
      <div className="span-2">
        <CheckField
          label="Stretch goal"
          name="stretch"
          checked={v.stretch === 'true'}
          onChange={(on) => form.set('stretch', on ? 'true' : '')}
          hint="Aim high. If it ends short it shows how far you got — never “failed”."
        />
      </div>
      {!forSomeoneElse && whys.length ? (
        <SelectField className="span-2" label="The why it serves" options={[{ value: '', label: 'None' }, ...whys.map((w) => ({ value: w.id, label: w.why }))]} hint="Only you see this link, unless you shared that why." {...form.field('whyId')} />
      ) : null}
      <TextField className="span-2" label="Your first tiny step" required autoComplete="off" placeholder="e.g. Write the outcome for tomorrow’s call" hint="Small enough to do today. Only this one: the next comes after it." {...form.field('firstStep')} />
    </div>
  );
}
