import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { AcceptInviteBody, type InvitePreview } from '../../../shared/people';
import { acceptInvite, lookupInvite } from '../../../shared/routes/operations/people';
import { call, isApiError, type BodyOf } from '../../app/api';
import { useStartSession } from '../../app/session';
import { ROLE_LABELS, formatDateTime } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { NewPasswordField } from './NewPasswordField';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/States';
import { TimeZoneSelect, browserTimeZone } from '../../ui/TimeZoneSelect';
import { AuthLayout } from './AuthLayout';

const FIELDS = ['name', 'password', 'timeZone'] as const;

export function InvitePage() {
  useTitle('Join your team');
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['invite', token],
    queryFn: () => call(lookupInvite, { body: { token } }),
    retry: false,
    staleTime: Infinity,
  });

  return (
    <AuthLayout>
      <div className="auth-card">
        {preview.isPending ? <Spinner label="Checking your invite…" /> : null}
        {preview.isError && isApiError(preview.error) && preview.error.status === 429 ? (
          <div className="invite-invalid" role="alert">
            <h1 tabIndex={-1}>Please wait a few minutes</h1>
            <p>{preview.error.message}</p>
          </div>
        ) : preview.isError ? (
          <div className="invite-invalid">
            <span className="error-state-icon">
              <Icon name="alert" size={22} />
            </span>
            <h1 tabIndex={-1}>This invite link can’t be used</h1>
            <p>
              It may have expired, been revoked, or already been used. Ask the person who invited you to send a new link.
            </p>
            <Link to="/" className={buttonClass('secondary')}>
              Go to sign in
            </Link>
          </div>
        ) : null}
        {preview.data ? <AcceptForm token={token} preview={preview.data} /> : null}
      </div>
    </AuthLayout>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: InvitePreview }) {
  const startSession = useStartSession();
  const navigate = useNavigate();
  const form = useForm({ name: '', password: '', timeZone: browserTimeZone() }, { guard: false });
  const accept = useMutation({
    mutationFn: (body: BodyOf<typeof acceptInvite>) => call(acceptInvite, { body }),
    onSuccess: (me) => {
      startSession(me);
      navigate('/today', { replace: true });
    },
    onError: (err) => {
      const { fieldErrors, formError } = fromServer(err, FIELDS);
      form.fail(fieldErrors, formError);
    },
  });

  return (
    <>
      <h1 tabIndex={-1}>Join {preview.workspaceName}</h1>
      <p className="auth-lead">
        {preview.invitedByName} invited you to join as {ROLE_LABELS[preview.role].toLowerCase()}
        {preview.teamName ? ` in ${preview.teamName}` : ''}. You will sign in as <strong>{preview.email}</strong>.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const result = check(AcceptInviteBody, { token, ...form.values }, FIELDS);
          if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
          form.clear();
          accept.mutate(result.data);
        }}
      >
        <FormAlert message={form.formError} />
        <TextField label="Your name" autoComplete="name" required {...form.field('name')} />
        <NewPasswordField {...form.field('password')} />
        <TimeZoneSelect label="Time zone" hint="Used for due dates and for what “today” means." {...form.field('timeZone')} />
        <Button type="submit" variant="primary" className="btn-block" busy={accept.isPending}>
          Join workspace
        </Button>
      </form>
      <p className="muted small auth-note">This link works until {formatDateTime(preview.expiresAt)}.</p>
    </>
  );
}
