import { useState } from 'react';
import { DeactivateUserBody, type User } from '../../../shared/people';
import { useUsers } from '../../app/directory';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useDeactivateUser } from './api';

const FIELDS = ['transferToId'] as const;

/** People leave: their sessions end and their accounts and opportunities go to someone the admin picks. */
export function DeactivateDialog({ person, onClose }: { person: User; onClose: () => void }) {
  const users = useUsers('active');
  const deactivate = useDeactivateUser(person.id);
  const form = useForm({ transferToId: '' });
  const [done, setDone] = useState(false);
  const heirs = (users.data ?? []).filter((u) => u.id !== person.id).map((u) => ({ value: u.id, label: `${u.name}${u.team ? ` · ${u.team.name}` : ''}` }));

  const confirm = () => {
    const result = check(DeactivateUserBody, form.values, FIELDS);
    if (!result.ok || !form.values.transferToId) return form.fail({ transferToId: 'Choose who receives their accounts and opportunities.' }, FIX_FIELDS);
    deactivate.mutate(result.data, {
      onSuccess: () => {
        form.markSaved();
        setDone(true);
      },
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={done ? `${person.name} has been deactivated` : `Deactivate ${person.name}?`}
      footer={
        done ? (
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="danger" busy={deactivate.isPending} onClick={confirm}>
              Deactivate {person.name}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <p>Their sessions have ended and their accounts and opportunities have a new owner. History keeps {person.name}’s name on everything they did.</p>
      ) : (
        <>
          <p>
            {person.name} will be signed out everywhere and can no longer sign in. Everything they did stays in the history under their name.
          </p>
          <FormAlert message={form.formError} />
          <SelectField
            label="Who receives their accounts and opportunities?"
            required
            options={heirs}
            placeholder={users.isPending ? 'Loading people…' : 'Choose a person'}
            {...form.field('transferToId')}
          />
        </>
      )}
    </Dialog>
  );
}
