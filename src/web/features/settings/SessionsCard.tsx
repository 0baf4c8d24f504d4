import { useState } from 'react';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { useEndOtherSessions } from './api';

const endedWords = (n: number) =>
  n === 0 ? 'There were no other sessions to sign out.' : `Signed out of ${n} other ${n === 1 ? 'session' : 'sessions'}. This one stays signed in.`;

/** Sign out everywhere else: every other browser and phone signed in as you. API tokens are not sessions. */
export function SessionsCard() {
  const me = useMe();
  const end = useEndOtherSessions();
  const [ended, setEnded] = useState<number | null>(null);

  return (
    <Card title="Sessions">
      <p className="field-hint">
        Signed in on a computer or phone you no longer use, or not sure you signed out somewhere? Sign out everywhere but here. Your API tokens and your calendar feed URL keep working:
        revoke those in their own cards.
      </p>
      {me.workspace.isDemo ? (
        <p className="field-hint">Not in the demo: everyone exploring it shares its people, so this would sign out other visitors.</p>
      ) : (
        <>
          <FormAlert message={end.error ? end.error.message : null} />
          <FormAlert message={ended !== null && !end.error ? endedWords(ended) : null} tone="success" />
          <div className="form-actions form-actions-start">
            <Button
              icon="logout"
              busy={end.isPending}
              onClick={() => {
                setEnded(null);
                end.mutate(undefined, { onSuccess: (res) => setEnded(res.ended) });
              }}
            >
              Sign out of all other sessions
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
