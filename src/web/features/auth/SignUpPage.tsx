import { Link } from 'react-router';
import { useSetup } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { AuthLayout } from './AuthLayout';
import { DemoButton } from './DemoButton';
import { SignUpForm } from './SignUpForm';

export function SignUpPage() {
  useTitle('Create your workspace');
  const setup = useSetup();
  return (
    <AuthLayout>
      <div className="auth-card">
        <h1 tabIndex={-1}>Create your workspace</h1>
        <p className="auth-lead">You will be its admin, and can invite your team once you are in.</p>
        <SignUpForm />
        <div className="auth-alt">
          {setup.data?.hasWorkspaces ? (
            <p>
              Already have an account? <Link to="/">Sign in</Link>
            </p>
          ) : (
            <p>
              <Link to="/">Back to the start</Link>
            </p>
          )}
          {setup.data?.demoEnabled ? <DemoButton label="Or explore the demo workspace" /> : null}
        </div>
      </div>
    </AuthLayout>
  );
}
