import { OPPORTUNITY_STATUSES, OPPORTUNITY_STATUS_LABELS, statusNeedsReason, type OpportunityStatus } from '../../../shared/opportunities';
import { activeStages, useStages } from '../../app/directory';
import type { FormState } from '../../lib/forms';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { OwnerField } from '../records/OwnerField';
import { StageGateNote } from '../qualification/StageGateNote';
import { currencyOptions } from './currencies';
import type { OpportunityValues } from './opportunityForm';

const STATUS_OPTIONS = OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: OPPORTUNITY_STATUS_LABELS[s] }));

export function OpportunityFields({
  form,
  currentOwner,
  currentStage,
  withStatus = false,
  onDealPage = false,
}: {
  form: FormState<OpportunityValues>;
  currentOwner?: { id: string; name: string };
  currentStage?: { id: string; name: string };
  withStatus?: boolean;
  /** Editing on the deal's own page, where its qualification card is. */
  onDealPage?: boolean;
}) {
  const stages = useStages();
  const stageOptions = activeStages(stages.data).map((s) => ({ value: s.id, label: s.name }));
  if (currentStage && !stageOptions.some((o) => o.value === currentStage.id)) stageOptions.unshift({ value: currentStage.id, label: `${currentStage.name} (archived)` });
  const owner = form.field('ownerId');
  const status = form.values.status as OpportunityStatus;

  return (
    <div className="form-grid">
      <TextField className="span-2" label="Name" required autoComplete="off" placeholder="e.g. Rollout to the Lyon plant" {...form.field('name')} />
      <div className="money-row">
        <TextField label="Amount" required inputMode="decimal" autoComplete="off" placeholder="12,500" {...form.field('amount')} />
        <SelectField label="Currency" required options={currencyOptions(form.values.currency)} {...form.field('currency')} />
      </div>
      <TextField label="Close date" type="date" required hint="When you expect the customer to decide." {...form.field('closeDate')} />
      <div className="stage-field">
        <SelectField label="Stage" required options={stageOptions} placeholder={stages.isPending ? 'Loading stages…' : undefined} {...form.field('stageId')} />
        <StageGateNote stageId={form.values.stageId} moving={form.values.stageId !== currentStage?.id} refused={!!form.errors.stageId} onDealPage={onDealPage} />
      </div>
      <OwnerField value={owner.value} onChange={owner.onChange} error={owner.error} current={currentOwner} />
      {withStatus ? (
        <>
          <SelectField label="Status" required options={STATUS_OPTIONS} {...form.field('status')} />
          {statusNeedsReason(status) ? (
            <TextAreaField
              className="span-2"
              label="Reason"
              required
              rows={3}
              hint="What happened, in a sentence or two — this is what a retrospective learns from."
              {...form.field('closeReason')}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
