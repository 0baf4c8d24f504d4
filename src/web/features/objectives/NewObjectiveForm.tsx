import { useNavigate } from 'react-router';
import { defaultCurrency } from '../opportunities/currencies';
import type { CreateObjectiveBody, Objective } from '../../../shared/objectives';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { useCreateForm } from '../records/useVersionedForm';
import { ObjectiveFields } from './ObjectiveFields';
import { useCreateObjective } from './api';
import { emptyObjective, objectiveSpec } from './objectiveForm';

/** Sets a new objective on the account (checked with the server's own contract), then opens it. */
export function NewObjectiveForm({ accountId, ownerId, onDone }: { accountId: string; ownerId: string; onDone: () => void }) {
  const create = useCreateObjective(accountId);
  const navigate = useNavigate();
  const { form, submit } = useCreateForm<Objective, ReturnType<typeof emptyObjective>>({
    spec: objectiveSpec,
    // The currency deals default to (the one last used, else the browser's region's): one default across forms.
    initial: emptyObjective({ ownerId, currency: defaultCurrency() }),
    schema: objectiveSpec.schemas.create,
    save: (body, handlers) => create.mutate(body as CreateObjectiveBody, handlers),
    onCreated: (o) => {
      onDone();
      void navigate(`/objectives/${o.id}`);
    },
  });
  return (
    <form
      className="stack"
      noValidate
      aria-label="New objective"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ObjectiveFields form={form} accountId={accountId} />
      <FormAlert message={form.formError} />
      <div className="actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Set objective
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
