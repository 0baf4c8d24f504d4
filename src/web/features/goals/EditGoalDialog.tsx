import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { UpdateGoalBody, type Goal, type UpdateGoalBody as Body } from '../../../shared/goals';
import { CheckField } from '../../ui/CheckField';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { useVersionedForm } from '../records/useVersionedForm';
import { goalKeys, useUpdateGoal } from './api';
import { editGoalSpec } from './editGoalForm';
import { targetLabel } from './goalForm';

export function EditGoalDialog({ goal, open, onClose }: { goal: Goal; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Edit goal">
      <EditGoalForm goal={goal} onDone={onClose} />
    </Dialog>
  );
}

function EditGoalForm({ goal, onDone }: { goal: Goal; onDone: () => void }) {
  const client = useQueryClient();
  const update = useUpdateGoal(goal.id);
  const spec = useMemo(() => editGoalSpec(goal), [goal]);
  const { form, submit, conflict, discard } = useVersionedForm({
    spec,
    record: goal,
    schema: UpdateGoalBody,
    save: (body, handlers) => update.mutate(body as Body, handlers),
    acceptCurrent: (latest) => client.setQueryData(goalKeys.goal(goal.id), latest),
    onSaved: onDone,
  });
  const terms = goal.permissions.canEditTerms;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!update.isPending) submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="goal" onDiscard={discard} /> : null}
      {terms ? (
        <>
          <TextField label="Goal" required autoComplete="off" {...form.field('title')} />
          <div className="money-row">
            <TextField label="From" type="date" required {...form.field('periodStart')} />
            <TextField label="To" type="date" required {...form.field('periodEnd')} />
          </div>
          {goal.measure ? <TextField label={targetLabel(goal.measure)} inputMode="decimal" autoComplete="off" hint={goal.targetAmount ? `In ${goal.targetAmount.currency}.` : 'Optional.'} {...form.field('target')} /> : null}
          <CheckField label="Stretch goal" name="stretch" checked={form.values.stretch === 'true'} onChange={(on) => form.set('stretch', on ? 'true' : '')} hint="If it ends short it shows how far it got — never “failed”." />
        </>
      ) : null}
      {goal.permissions.canTakeSteps && goal.currentStep ? (
        <TextField label="Next step" required autoComplete="off" hint="Too big for today? Make it smaller." {...form.field('currentStep')} />
      ) : null}
      <FormAlert message={form.formError} />
      <DialogActions onCancel={onDone} busy={update.isPending} label="Save changes" />
    </form>
  );
}
