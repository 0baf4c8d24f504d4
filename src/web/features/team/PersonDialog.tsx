import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/common';
import { UpdateUserBody, type User } from '../../../shared/people';
import { isApiError } from '../../app/api';
import { useTeams } from '../../app/directory';
import { ROLE_LABELS } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useUpdateUser } from './api';

const FIELDS = ['role', 'teamId'] as const;
export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** An admin changes a person's role and team. */
export function PersonDialog({ person, onClose }: { person: User; onClose: () => void }) {
  const teams = useTeams();
  const update = useUpdateUser(person.id);
  const [base, setBase] = useState(person);
  const form = useForm({ role: person.role as string, teamId: person.team?.id ?? '' });

  const save = () => {
    const body = { role: form.values.role as Role, teamId: form.values.teamId || null, version: base.version };
    const result = check(UpdateUserBody, body, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    update.mutate(result.data, {
      onSuccess: () => {
        form.markSaved();
        onClose();
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as User;
          setBase(latest);
          form.fail({}, `Someone else changed ${latest.name} a moment ago — here is the latest: ${ROLE_LABELS[latest.role]}, ${latest.team?.name ?? 'no team'}. Save again to apply your choice.`);
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
      title={`Edit ${person.name}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={update.isPending} onClick={save}>
            Save
          </Button>
        </>
      }
    >
      <FormAlert message={form.formError} tone={update.error && isApiError(update.error, 'version_conflict') ? 'warning' : 'danger'} />
      <SelectField label="Role" required options={ROLE_OPTIONS} hint="Admins run the workspace; managers coach a team; reps own accounts and deals." {...form.field('role')} />
      <SelectField label="Team" options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))} placeholder="No team" {...form.field('teamId')} />
    </Dialog>
  );
}
