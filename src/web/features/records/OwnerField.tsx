import { assignableOwners, useTeams, useUsers } from '../../app/directory';
import { useMe } from '../../app/session';
import { SelectField } from '../../ui/Field';

/**
 * The owner picker offers only the people the signed-in person may give records to; the current
 * owner stays listed so an edit never silently changes it.
 */
export function OwnerField({ value, onChange, error, current }: { value: string; onChange: (v: string) => void; error?: string; current?: { id: string; name: string } }) {
  const me = useMe();
  const users = useUsers();
  const teams = useTeams();
  const options = assignableOwners(me.user, users.data, teams.data).map((u) => ({ value: u.id, label: u.id === me.user.id ? `${u.name} (me)` : u.name }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  if (!options.some((o) => o.value === me.user.id) && !current) options.unshift({ value: me.user.id, label: `${me.user.name} (me)` });
  const only = options.length <= 1;
  return (
    <SelectField
      label="Owner"
      name="ownerId"
      required
      value={value}
      onChange={onChange}
      error={error}
      options={options}
      disabled={only}
      hint={only ? 'Reps own the records they create; a manager or admin can hand them over.' : undefined}
    />
  );
}
