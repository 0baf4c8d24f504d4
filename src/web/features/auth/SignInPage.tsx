import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SignInBody } from '../../../shared/auth';
import { createSession } from '../../../shared/routes/operations/auth';
import { call, type BodyOf } from '../../app/api';
import { useSetup, useStartSession } from '../../app/session';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { AuthLayout } from './AuthLayout';
import { DemoButton } from './DemoButton';

const FIELDS = ['email', 'password'] as const;

/** Shown once the install has a workspace (Root's Landing has read /setup, so this reads its cache). */
export function SignInPage() {
  useTitle('Sign in');
  const demoEnabled = useSetup().data?.demoEnabled ?? false;
  const startSession = useStartSession();
  const form = useForm({ email: '', password: '' }, { guard: false });
  const signIn = useMutation({
    mutationFn: (body: BodyOf<typeof createSession>) => call(createSession, { body }),
    // The page re-renders as the signed-in app at the same address, so deep links survive sign-in.
    onSuccess: startSession,
    onError: (err) => {
      const { fieldErrors, formError } = fromServer(err, FIELDS);
      form.fail(fieldErrors, formError);
    },
  });

  return (
    <AuthLayout>
      <div className="auth-card">
        <h1 tabIndex={-1}>Sign in to Advance</h1>
        <p className="auth-lead">Welcome back. Pick up where your customers left off.</p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const result = check(SignInBody, form.values, FIELDS);
            if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
            form.clear();
            signIn.mutate(result.data);
          }}
        >
          <FormAlert message={form.formError} />
          <TextField label="Email" type="email" autoComplete="username" required {...form.field('email')} />
          <TextField label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
          <p className="auth-forgot">
            <Link to="/forgot-password">Forgot password?</Link>
          </p>
          <Button type="submit" variant="primary" className="btn-block" busy={signIn.isPending}>
            Sign in
          </Button>
        </form>
        <div className="auth-alt">
          <p>
            New to Advance? <Link to="/signup">Create a workspace</Link>
          </p>
          {demoEnabled ? (
            <>
              <p className="auth-divider">
                <span>or</span>
              </p>
              <DemoButton />
            </>
          ) : null}
        </div>
      </div>
    </AuthLayout>
  );
}
