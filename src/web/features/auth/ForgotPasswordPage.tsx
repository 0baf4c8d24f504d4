import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PasswordResetRequestBody, type EmailSent } from '../../../shared/mail';
import { requestPasswordReset } from '../../../shared/routes/operations/auth';
import { call, type BodyOf } from '../../app/api';
import { useSetup } from '../../app/session';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { AuthLayout } from './AuthLayout';
import { CheckYourEmail } from './CheckYourEmail';

const FIELDS = ['email'] as const;

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  useTitle('Forgot your password?');
  const setup = useSetup();
  const form = useForm({ email: '' }, { guard: false });
  const send = useMutation({
    mutationFn: (body: BodyOf<typeof requestPasswordReset>): Promise<EmailSent> => call(requestPasswordReset, { body }),
    onError: (err) => {
      const { fieldErrors, formError } = fromServer(err, FIELDS);
      form.fail(fieldErrors, formError);
    },
  });
  return (
    <AuthLayout>
      <div className="auth-card">
        <h1 tabIndex={-1}>Forgot your password?</h1>
        {send.data ? (
          <CheckYourEmail email={send.data.email}>
            If it belongs to an Advance account, the email has a link to choose a new password. The link works once, for an hour.
            {setup.data && !setup.data.signUpByEmail ? ' (This server does not send mail yet: an admin of your workspace can find the email under Settings → Email.)' : ''}
          </CheckYourEmail>
        ) : (
          <>
            <p className="auth-lead">Enter the email you sign in with, and we will send you a link to choose a new password.</p>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const result = check(PasswordResetRequestBody, { email: form.values.email.trim() }, FIELDS);
                if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
                form.clear();
                send.mutate(result.data);
              }}
            >
              <FormAlert message={form.formError} />
              <TextField label="Email" type="email" autoComplete="username" required {...form.field('email')} />
              <Button type="submit" variant="primary" className="btn-block" busy={send.isPending}>
                Send the reset link
              </Button>
            </form>
          </>
        )}
        <div className="auth-alt">
          <p>
            <Link to="/">Back to sign in</Link>
          </p>
        </div>
      </div>
    </AuthLayout>
  );
}
