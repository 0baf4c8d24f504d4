import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CompletePasswordResetBody } from '../../../shared/mail';
import { completePasswordReset, lookupPasswordReset } from '../../../shared/routes/operations/auth';
import { call, type BodyOf } from '../../app/api';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { NewPasswordField } from './NewPasswordField';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/States';
import { AuthLayout } from './AuthLayout';

const FIELDS = ['password'] as const;

/** The page a reset link opens: checks the link, then takes the new password (once). */
export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const { token = '' } = useParams();
  const preview = useQuery({ queryKey: ['password-reset', token], queryFn: () => call(lookupPasswordReset, { body: { token } }), retry: false, staleTime: Infinity });
  const form = useForm({ password: '' }, { guard: false });
  const reset = useMutation({
    mutationFn: (body: BodyOf<typeof completePasswordReset>) => call(completePasswordReset, { body }),
    onError: (err) => {
      const { fieldErrors, formError } = fromServer(err, FIELDS);
      form.fail(fieldErrors, formError);
    },
  });
  return (
    <AuthLayout>
      <div className="auth-card">
        {preview.isPending ? <Spinner label="Checking your link…" /> : null}
        {preview.isError ? (
          <div className="invite-invalid">
            <span className="error-state-icon">
              <Icon name="alert" size={22} />
            </span>
            <h1 tabIndex={-1}>This reset link can’t be used</h1>
            <p>It may have expired or already been used. Ask for a new one.</p>
            <Link to="/forgot-password" className={buttonClass('secondary')}>
              Get a new link
            </Link>
          </div>
        ) : null}
        {preview.data && reset.isSuccess ? (
          <div className="invite-invalid" role="status">
            <h1 tabIndex={-1}>Your password is changed</h1>
            <p>Every session of this account was signed out. Sign in with your new password.</p>
            <Link to="/" className={buttonClass('primary')}>
              Go to sign in
            </Link>
          </div>
        ) : null}
        {preview.data && !reset.isSuccess ? (
          <>
            <h1 tabIndex={-1}>Choose a new password</h1>
            <p className="auth-lead">
              For <strong>{preview.data.email}</strong>.
            </p>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const result = check(CompletePasswordResetBody, { token, password: form.values.password }, FIELDS);
                if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
                form.clear();
                reset.mutate(result.data);
              }}
            >
              <FormAlert message={form.formError} />
              <NewPasswordField label="New password" {...form.field('password')} />
              <Button type="submit" variant="primary" className="btn-block" busy={reset.isPending}>
                Set the new password
              </Button>
            </form>
          </>
        ) : null}
      </div>
    </AuthLayout>
  );
}
