import { useState } from 'react';
import { CreateInviteBody, type CreatedInvite } from '../../../shared/people';
import { useTeams } from '../../app/directory';
import { useMe, useSetup } from '../../app/session';
import { ROLE_LABELS, formatDateTime, relativeTime } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { CopyOnceLink } from '../records/CopyOnceLink';
import { ROLE_OPTIONS } from './PersonDialog';
import { useCreateInvite, useInvites, useRevokeInvite } from './api';

const FIELDS = ['email', 'role', 'teamId'] as const;

export function InviteCard() {
  const teams = useTeams();
  const create = useCreateInvite();
  const form = useForm({ email: '', role: 'rep', teamId: '' });
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  // A server that sends mail gives the link only to the invited address (the response has none).
  const byEmail = useSetup().data?.signUpByEmail ?? false;

  const submit = () => {
    const result = check(CreateInviteBody, { email: form.values.email.trim(), role: form.values.role, teamId: form.values.teamId || null }, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    create.mutate(result.data, {
      onSuccess: (res) => {
        setCreated(res);
        form.markSaved({ email: '', role: form.values.role, teamId: form.values.teamId });
      },
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };

  return (
    <Card title="Invite people">
      {created?.url === null ? (
        <InvitationSent invite={created.invite} onDismiss={() => setCreated(null)} />
      ) : created?.url ? (
        // Without mail, the link exists in clear only in this response: shown once, with a copy button.
        <CopyOnceLink id="invite-link" label="Invite link" url={created.url} title={`Invite link for ${created.invite.email}`} onDismiss={() => setCreated(null)}>
          This server sends no email yet, so send the link to {created.invite.email} yourself. It is shown only now, works once, and expires{' '}
          {formatDateTime(created.invite.expiresAt)}.
        </CopyOnceLink>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormAlert message={form.formError} />
        <TextField label="Email" type="email" required autoComplete="off" placeholder="colleague@company.com" {...form.field('email')} />
        <div className="form-grid">
          <SelectField label="Role" required options={ROLE_OPTIONS} {...form.field('role')} />
          <SelectField label="Team" options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))} placeholder="No team" {...form.field('teamId')} />
        </div>
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" icon="mail" busy={create.isPending}>
            {byEmail ? 'Send invitation' : 'Create invite link'}
          </Button>
        </div>
      </form>
      <PendingInvites />
    </Card>
  );
}

/** On a server that sends mail: the link went only to the invited address, so there is nothing to copy. */
function InvitationSent({ invite, onDismiss }: { invite: CreatedInvite['invite']; onDismiss: () => void }) {
  return (
    <div className="alert alert-success" role="status">
      <Icon name="check" />
      <div className="alert-body">
        <strong>Invitation sent to {invite.email}</strong>
        <p className="small">
          The link is in that email only, so only they can join with it. It works once and expires {formatDateTime(invite.expiresAt)}.
        </p>
        <div className="alert-actions">
          <button type="button" className="link-button small" onClick={onDismiss}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

function PendingInvites() {
  const me = useMe();
  const invites = useInvites(true);
  const revoke = useRevokeInvite();
  const pending = (invites.data ?? []).filter((i) => i.status === 'pending');
  return (
    <div className="subsection">
      <h3>Pending invites</h3>
      {invites.isPending ? (
        <SkeletonLines lines={2} />
      ) : invites.isError ? (
        <ErrorState error={invites.error} onRetry={() => void invites.refetch()} />
      ) : pending.length === 0 ? (
        <p className="muted small">No invites waiting to be accepted.</p>
      ) : (
        <ul className="invite-list">
          {pending.map((i) => (
            <li key={i.id}>
              <div className="row-main">
                <strong>{i.email}</strong>
                <div className="row-sub">
                  {ROLE_LABELS[i.role]}
                  {i.team ? ` · ${i.team.name}` : ''} · invited by {i.invitedBy.name} {relativeTime(i.createdAt, me.user.timeZone)}
                </div>
              </div>
              <Button size="sm" variant="ghost" busy={revoke.isPending && revoke.variables === i.id} onClick={() => revoke.mutate(i.id)} aria-label={`Revoke the invite for ${i.email}`}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError ? <FormAlert message={revoke.error.message} /> : null}
    </div>
  );
}
