import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { UpdateUserBody, type User } from '../../../shared/people';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { ROLE_LABELS, timeZoneLabel } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { SkeletonLines } from '../../ui/States';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { useUpdateUser } from '../team/api';

const FIELDS = ['name', 'timeZone'] as const;

// Plan code (and its styles) loads only when the profile shows your reliability.
const UserReliabilitySummary = lazy(() => import('../commitments/UserReliabilitySummary').then((m) => ({ default: m.UserReliabilitySummary })));

export function ProfileSettings() {
  const me = useMe();
  const client = useQueryClient();
  const update = useUpdateUser(me.user.id);
  const form = useForm({ name: me.user.name, timeZone: me.user.ownTimeZone ?? '' });
  const [saved, setSaved] = useState(false);
  const [tone, setTone] = useState<'danger' | 'warning'>('danger');

  const submit = () => {
    setSaved(false);
    const body = { name: form.values.name.trim(), timeZone: form.values.timeZone || null, version: me.user.version };
    const result = check(UpdateUserBody, body, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    update.mutate(result.data, {
      onSuccess: () => {
        form.markSaved();
        setSaved(true);
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as User;
          void client.invalidateQueries({ queryKey: ['session'] });
          setTone('warning');
          form.fail({}, `Your profile was changed elsewhere a moment ago — here is the latest: “${latest.name}”, ${latest.ownTimeZone ?? 'workspace default time zone'}. Save again to apply your edits.`);
          return;
        }
        setTone('danger');
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };

  return (
    <>
      <Card title="My profile">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <FormAlert message={form.formError} tone={tone} />
          <FormAlert message={saved && !form.formError ? 'Your profile is saved.' : null} tone="success" />
          <dl className="details profile-facts">
            <div>
              <dt>Email</dt>
              <dd>{me.user.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>
                {ROLE_LABELS[me.user.role]}
                {me.user.team ? ` · ${me.user.team.name}` : ''}
              </dd>
            </div>
          </dl>
          <TextField label="Name" required autoComplete="name" {...form.field('name')} />
          <TimeZoneSelect
            label="Time zone"
            required={false}
            defaultLabel={`Workspace default (${timeZoneLabel(me.workspace.defaultTimeZone)})`}
            hint="Your due dates and “today” follow this time zone."
            {...form.field('timeZone')}
          />
          <div className="form-actions form-actions-start">
            <Button type="submit" variant="primary" busy={update.isPending}>
              Save profile
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Your reliability" flush>
        <Suspense fallback={<SkeletonLines lines={5} padded />}>
          <UserReliabilitySummary userId={me.user.id} name={me.user.name} you />
        </Suspense>
      </Card>
    </>
  );
}
