import { useState } from 'react';
import { DeactivateUserBody, type User } from '../../../shared/people';
import { useUsers } from '../../app/directory';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { isApiError } from '../../app/api';
import { useDeactivateUser } from './api';

const FIELDS = ['transferToId'] as const;

/** People leave: their sessions end and their accounts and opportunities go to someone the admin picks. */
export function DeactivateDialog({ person, onClose }: { person: User; onClose: () => void }) {
  const users = useUsers('active');
  const deactivate = useDeactivateUser(person.id);
  // The person as last seen: the version a deactivation is made from.
  const [base, setBase] = useState(person);
  const form = useForm({ transferToId: '' });
  const [done, setDone] = useState(false);
  const heirs = (users.data ?? []).filter((u) => u.id !== person.id).map((u) => ({ value: u.id, label: `${u.name}${u.team ? ` · ${u.team.name}` : ''}` }));

  const confirm = () => {
    const result = check(DeactivateUserBody, form.values, FIELDS);
    if (!result.ok || !form.values.transferToId) return form.fail({ transferToId: 'Choose who receives their accounts and opportunities.' }, FIX_FIELDS);
    // From the person as shown: another admin's change since answers 409 and deactivates no one.
    deactivate.mutate({ ...result.data, version: base.version }, {
      onSuccess: () => {
        form.markSaved();
        setDone(true);
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as User;
          setBase(latest);
          form.fail(
            {},
            latest.status === 'active'
              ? `Someone else changed ${latest.name} a moment ago. Check who receives their accounts and opportunities, then deactivate again.`
              : `Someone else already deactivated ${latest.name}.`,
          );
          return;
        }
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
          <FormAlert message={form.formError} tone={deactivate.error && isApiError(deactivate.error, 'version_conflict') ? 'warning' : 'danger'} />
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
