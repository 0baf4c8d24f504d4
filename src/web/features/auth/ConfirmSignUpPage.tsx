import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { confirmSignUp } from '../../../shared/routes/operations/auth';
import { call } from '../../app/api';
import { useStartSession } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { AuthLayout } from './AuthLayout';

/**
 * The page a sign-up confirmation link opens. Confirming takes a click, not the page load: mail
 * scanners that open links must not create workspaces.
 */
export function ConfirmSignUpPage() {
  useTitle('Confirm your email');
  const { token = '' } = useParams();
  const startSession = useStartSession();
  const navigate = useNavigate();
  const confirm = useMutation({
    mutationFn: () => call(confirmSignUp, { body: { token } }),
    onSuccess: (me) => {
      startSession(me);
      navigate('/today', { replace: true });
    },
  });
  return (
    <AuthLayout>
      <div className="auth-card">
        <h1 tabIndex={-1}>Confirm your email</h1>
        <p className="auth-lead">One click and your workspace is ready, with you as its admin.</p>
        <FormAlert message={confirm.error ? confirm.error.message : null} />
        <Button variant="primary" className="btn-block" busy={confirm.isPending} onClick={() => confirm.mutate()}>
          Confirm and create the workspace
        </Button>
        <div className="auth-alt">
          <p>
            <Link to="/">Back to sign in</Link>
          </p>
        </div>
      </div>
    </AuthLayout>
  );
}
