import { UpdatePlanBody, type Plan } from '../../../shared/plans';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { usePlanRefresh, useUpdatePlan } from './api';
import { PlanFields } from './PlanFields';
import { planSpec } from './planForm';
import { useVersionedForm } from './useVersionedForm';

export function PlanEditForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const update = useUpdatePlan(plan.id);
  const refresh = usePlanRefresh();
  const { form, submit, conflict, discard } = useVersionedForm({
    spec: planSpec,
    record: plan,
    schema: UpdatePlanBody,
    save: (body, handlers) => update.mutate(body, handlers),
    acceptCurrent: refresh.plan,
    onSaved: onDone,
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="plan" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <PlanFields form={form} />
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
