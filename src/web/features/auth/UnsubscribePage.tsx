import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unsubscribeMail } from '../../../shared/routes/operations/mail';
import { call } from '../../app/api';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { AuthLayout } from './AuthLayout';

/**
 * Where an email's "Stop these emails" link leads (mail apps that support one-click POST to the same
 * address instead). Stopping takes a click: link scanners open pages without meaning to unsubscribe.
 */
export function UnsubscribePage() {
  useTitle('Stop these emails');
  const { token = '' } = useParams();
  const stop = useMutation({ mutationFn: () => call(unsubscribeMail, { body: { token } }) });
  return (
    <AuthLayout>
      <div className="auth-card">
        {stop.data ? (
          <div className="invite-invalid" role="status">
            <h1 tabIndex={-1}>You will not get these emails any more</h1>
            <p>
              Stopped: <strong>{stop.data.stopped}</strong>
              {stop.data.address ? ` for ${stop.data.address}` : ''}. If you have an account, you can choose your emails again under Settings → My profile.
            </p>
            <Link to="/">Go to Advance</Link>
          </div>
        ) : (
          <>
            <h1 tabIndex={-1}>Stop these emails?</h1>
            <p className="auth-lead">You will stop getting this kind of email from Advance. Nothing else changes.</p>
            <FormAlert message={stop.error ? stop.error.message : null} />
            <Button variant="primary" className="btn-block" busy={stop.isPending} onClick={() => stop.mutate()}>
              Stop these emails
            </Button>
          </>
        )}
      </div>
    </AuthLayout>
  );
}
