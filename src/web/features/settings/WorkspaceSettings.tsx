import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { UpdateWorkspaceBody, type Workspace } from '../../../shared/people';
import { getWorkspace, updateWorkspace } from '../../../shared/routes/operations/people';
import { call, isApiError, type BodyOf } from '../../app/api';
import { useMe } from '../../app/session';
import { timeZoneLabel } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';

const FIELDS = ['name', 'defaultTimeZone'] as const;

export function WorkspaceSettings() {
  const me = useMe();
  const workspace = useQuery({ queryKey: ['workspace'], queryFn: () => call(getWorkspace) });
  if (workspace.isPending) return <Card title="Workspace"><SkeletonLines /></Card>;
  if (workspace.isError) return <Card title="Workspace"><ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} /></Card>;
  if (!me.capabilities.editWorkspace) {
    return (
      <Card title="Workspace">
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{workspace.data.name}</dd>
          </div>
          <div>
            <dt>Default time zone</dt>
            <dd>{timeZoneLabel(workspace.data.defaultTimeZone)}</dd>
          </div>
        </dl>
        <p className="muted small settings-note">Only an admin can change these.</p>
      </Card>
    );
  }
  return <WorkspaceForm workspace={workspace.data} />;
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const client = useQueryClient();
  const form = useForm({ name: workspace.name, defaultTimeZone: workspace.defaultTimeZone });
  const [note, setNote] = useState<{ text: string; tone: 'success' | 'warning' } | null>(null);
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof updateWorkspace>) => call(updateWorkspace, { body }),
    onSuccess: (ws) => {
      form.markSaved();
      client.setQueryData(['workspace'], ws);
      void client.invalidateQueries({ queryKey: ['session'] });
      setNote({ text: 'Workspace settings saved.', tone: 'success' });
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) {
        const latest = err.current as Workspace;
        client.setQueryData(['workspace'], latest);
        setNote({ text: `Someone else changed the workspace a moment ago — here is the latest: “${latest.name}”, ${timeZoneLabel(latest.defaultTimeZone)}. Save again to apply your edits.`, tone: 'warning' });
        return;
      }
      const { fieldErrors, formError } = fromServer(err, FIELDS);
      form.fail(fieldErrors, formError);
    },
  });

  return (
    <Card title="Workspace">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setNote(null);
          const result = check(UpdateWorkspaceBody, { name: form.values.name.trim(), defaultTimeZone: form.values.defaultTimeZone, version: workspace.version }, FIELDS);
          if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
          form.clear();
          save.mutate(result.data);
        }}
      >
        <FormAlert message={form.formError} />
        <FormAlert message={note?.text} tone={note?.tone} />
        <TextField label="Workspace name" required autoComplete="organization" {...form.field('name')} />
        <TimeZoneSelect label="Default time zone" hint="For people who have not chosen their own." {...form.field('defaultTimeZone')} />
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save workspace
          </Button>
        </div>
      </form>
    </Card>
  );
}
