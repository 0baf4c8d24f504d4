import { useState } from 'react';
import { CreateTeamBody, UpdateTeamBody, type Team } from '../../../shared/people';
import { isApiError } from '../../app/api';
import { useTeams, useUsers } from '../../app/directory';
import { useMe } from '../../app/session';
import { plural } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useCreateTeam, useUpdateTeam } from './api';

const FIELDS = ['name', 'managerId'] as const;

/** Teams are led by an active manager or admin. */
function useManagerOptions() {
  const users = useUsers('active');
  return (users.data ?? []).filter((u) => u.role !== 'rep').map((u) => ({ value: u.id, label: u.name }));
}

export function TeamsCard() {
  const me = useMe();
  const teams = useTeams();
  const admin = me.capabilities.managePeople;
  const [adding, setAdding] = useState(false);
  const list = teams.data ?? [];

  return (
    <Card
      title="Teams"
      flush
      actions={
        admin && !adding ? (
          <Button size="sm" icon="plus" onClick={() => setAdding(true)}>
            New team
          </Button>
        ) : null
      }
    >
      {adding ? <TeamForm onDone={() => setAdding(false)} /> : null}
      {teams.isPending ? (
        <SkeletonLines lines={3} padded />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : list.length === 0 && !adding ? (
        <EmptyState icon="team" title="No teams yet">
          {admin ? 'A team groups reps around the manager who coaches them.' : 'An admin can group people into teams.'}
        </EmptyState>
      ) : (
        <div className="rows">
          {list.map((t) => (
            <TeamRow key={t.id} team={t} admin={admin} />
          ))}
        </div>
      )}
    </Card>
  );
}

function TeamRow({ team, admin }: { team: Team; admin: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <TeamForm team={team} onDone={() => setEditing(false)} />;
  return (
    <div className="row-item">
      <div className="row-main">
        <strong>{team.name}</strong>
        <div className="row-sub">
          {team.manager ? `Led by ${team.manager.name}` : 'No manager yet'} · {plural(team.memberCount, 'member')}
        </div>
      </div>
      {admin ? (
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit team ${team.name}`}>
          Edit
        </Button>
      ) : null}
    </div>
  );
}

function TeamForm({ team, onDone }: { team?: Team; onDone: () => void }) {
  const managers = useManagerOptions();
  const create = useCreateTeam();
  const update = useUpdateTeam(team?.id ?? '');
  const [version, setVersion] = useState(team?.version ?? 1);
  const form = useForm({ name: team?.name ?? '', managerId: team?.manager?.id ?? '' });
  const onError = (err: unknown) => {
    if (isApiError(err, 'version_conflict') && err.current) {
      const latest = err.current as Team;
      setVersion(latest.version);
      form.fail({}, `Someone else changed this team a moment ago — here is the latest: “${latest.name}”, ${latest.manager ? `led by ${latest.manager.name}` : 'no manager'}. Save again to apply your edits.`);
      return;
    }
    const { fieldErrors, formError } = fromServer(err, FIELDS);
    form.fail(fieldErrors, formError);
  };

  const saved = () => {
    form.markSaved();
    onDone();
  };

  const submit = () => {
    const body = { name: form.values.name.trim(), managerId: form.values.managerId || null };
    if (team) {
      const result = check(UpdateTeamBody, { ...body, version }, FIELDS);
      if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
      update.mutate(result.data, { onSuccess: saved, onError });
    } else {
      const result = check(CreateTeamBody, body, FIELDS);
      if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
      create.mutate(result.data, { onSuccess: saved, onError });
    }
  };

  return (
    <form
      className="row-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FormAlert message={form.formError} tone={form.formError?.startsWith('Someone else') ? 'warning' : 'danger'} />
      <div className="inline-form">
        <TextField label="Team name" required autoComplete="off" {...form.field('name')} />
        <SelectField label="Manager" options={managers} placeholder="No manager" {...form.field('managerId')} />
      </div>
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={create.isPending || update.isPending}>
          {team ? 'Save team' : 'Create team'}
        </Button>
      </div>
    </form>
  );
}
