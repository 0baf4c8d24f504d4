import { UpdatePlanBody, type Plan } from '../../../shared/plans';
import { VersionedEditForm } from '../records/VersionedEditForm';
import { usePlanRefresh, useUpdatePlan } from './api';
import { PlanFields } from './PlanFields';
import { planSpec } from './planForm';

export function PlanEditForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const update = useUpdatePlan(plan.id);
  const refresh = usePlanRefresh();
  return (
    <VersionedEditForm
      spec={planSpec}
      record={plan}
      schema={UpdatePlanBody}
      noun="plan"
      save={(body, handlers) => update.mutate(body, handlers)}
      saving={update.isPending}
      acceptCurrent={refresh.plan}
      onDone={onDone}
    >
      {(form) => <PlanFields form={form} />}
    </VersionedEditForm>
  );
}
