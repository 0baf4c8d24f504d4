import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { useVersionedForm, type Save } from '../records/useVersionedForm';
import { planningKeys, useSetTarget } from './api';
import { TargetFormBody, targetSpec, type TargetRecord } from './targetForm';

/**
 * Sets or changes a rep's yearly target, from the version read (0 when there was none): a save that
 * lost the race shows what the other person set, keeping what was typed (the records' versioned form).
 */
export function TargetForm({ userId, repName, fiscalYearName, fiscalYear, currency, record, onDone }: {
  userId: string;
  repName: string;
  fiscalYearName: string;
  fiscalYear: number;
  currency: string;
  record: TargetRecord;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const setTarget = useSetTarget(userId);
  const spec = useMemo(() => targetSpec(currency), [currency]);
  const save: Save<TargetRecord> = (body, handlers) =>
    setTarget.mutate({ ...(body as { amount: { amountMinor: number; currency: string }; version: number }), fiscalYear }, { onSuccess: handlers.onSuccess, onError: handlers.onError });
  const { form, submit, conflict, discard } = useVersionedForm({
    spec,
    record,
    schema: TargetFormBody,
    save,
    // The page re-reads the planning: the form's record becomes the latest target.
    acceptCurrent: () => void client.invalidateQueries({ queryKey: planningKeys.all }),
    onSaved: onDone,
  });
  return (
    <form
      className="target-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!setTarget.isPending) submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="target" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <TextField
        label={`${repName}’s target for ${fiscalYearName} (${currency})`}
        required
        inputMode="decimal"
        autoComplete="off"
        hint={`Agreed with ${repName}. In ${currency}; objectives in other currencies are never converted.`}
        {...form.field('amount')}
      />
      <div className="form-actions form-actions-start">
        <Button type="submit" variant="primary" busy={setTarget.isPending}>
          Save target
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
