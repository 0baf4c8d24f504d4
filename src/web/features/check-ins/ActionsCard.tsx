import type { CheckIn } from '../../../shared/check-ins';
import { CreateCheckInActionBody } from '../../../shared/check-ins';
import type { TodayItem } from '../../../shared/today';
import { useMe } from '../../app/session';
import { check, clearedIfUnchanged, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { TodayRow } from '../today/TodayRow';
import { useAddAction } from './api';

const FIELDS = ['title', 'ownerUserId', 'dueDate'] as const;

export const checkInRef = (c: CheckIn) => ({ id: c.id, localDate: c.localDate, manager: c.manager, rep: c.rep });

/**
 * What the two agreed to do: each action a commitment with an owner (either of them) and a due date
 * in the owner's time zone — on the owner's Today, counted in their reliability, back next time.
 */
export function ActionsCard({ checkIn: c }: { checkIn: CheckIn }) {
  const ref = checkInRef(c);
  return (
    <Card title="Agreed actions" flush>
      <p className="card-intro">Each action is a commitment: it shows on its owner’s Today, counts in their reliability, and comes back at the next check-in.</p>
      {c.actions.length ? (
        <ul className="today-list">
          {c.actions.map((a) => {
            const item: TodayItem = { plan: null, objective: null, checkIn: ref, commitment: a };
            return <TodayRow key={a.id} item={item} />;
          })}
        </ul>
      ) : null}
      {c.permissions.canAddAction ? (
        <div className="card-pad">
          <ActionForm checkIn={c} />
        </div>
      ) : null}
    </Card>
  );
}

function ActionForm({ checkIn: c }: { checkIn: CheckIn }) {
  const me = useMe();
  const add = useAddAction(c.id);
  const form = useForm({ title: '', ownerUserId: c.rep.id, dueDate: '' });
  const v = form.values;
  const submit = () => {
    const body = { title: v.title, ownerUserId: v.ownerUserId, dueDate: v.dueDate };
    const checked = check(CreateCheckInActionBody, body, FIELDS);
    if (!checked.ok) return form.fail(checked.fieldErrors, checked.other.join(' ') || null);
    form.clear();
    add.mutate(body, {
      onSuccess: () => form.markSaved((prev) => ({ ...prev, title: clearedIfUnchanged(body.title)(prev.title) })),
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };
  const you = (u: { id: string; name: string }) => (u.id === me.user.id ? `${u.name} (you)` : u.name);
  return (
    <form
      className="check-in-action-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!add.isPending) submit();
      }}
    >
      <h3>Add an agreed action</h3>
      <FormAlert message={form.formError} />
      <TextField label="What will be done" required autoComplete="off" {...form.field('title')} />
      <div className="check-in-action-fields">
        <SelectField
          label="Owner"
          required
          options={[
            { value: c.rep.id, label: you(c.rep) },
            { value: c.manager.id, label: you(c.manager) },
          ]}
          {...form.field('ownerUserId')}
        />
        <TextField label="Due" type="date" required hint="A day in the owner’s time zone." {...form.field('dueDate')} />
      </div>
      <Button type="submit" variant="primary" busy={add.isPending}>
        Add action
      </Button>
    </form>
  );
}
