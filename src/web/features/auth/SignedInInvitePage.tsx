import { Link } from 'react-router';
import { useMe, useSignOut } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { AuthLayout } from './AuthLayout';

/** An invite opened while signed in: accepting needs a fresh browser session, so offer to sign out. */
export function SignedInInvitePage() {
  useTitle('Invite');
  const me = useMe();
  const signOut = useSignOut();
  return (
    <AuthLayout>
      <div className="auth-card">
        <h1 tabIndex={-1}>You are already signed in</h1>
        <p className="auth-lead">
          You are signed in as <strong>{me.user.name}</strong> ({me.user.email}) in {me.workspace.name}. To accept this invite, sign out first —
          this link will open again.
        </p>
        <div className="button-row">
          <Button variant="primary" onClick={() => void signOut()}>
            Sign out and accept the invite
          </Button>
          <Link to="/today" className={buttonClass('secondary')}>
            Stay signed in
          </Link>
        </div>
      </div>
    </AuthLayout>
  );
}
