import { useState } from 'react';
import type { WhyLadder } from '../../../shared/goals';
import { errorMessage } from '../../ui/States';
import { Card } from '../../ui/Card';
import { CheckField } from '../../ui/CheckField';
import { FormAlert } from '../../ui/FormAlert';
import { useUpdateWhy } from './api';

/** Private by default; the rep may share it with their manager (whoever leads their team), and stop again. */
export function ShareWhy({ ladder }: { ladder: WhyLadder }) {
  const update = useUpdateWhy(ladder.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title="Who sees it">
      <CheckField
        label="Share with my manager"
        name="sharedWithManager"
        checked={ladder.sharedWithManager}
        disabled={update.isPending}
        onChange={(on) => update.mutate({ sharedWithManager: on, version: ladder.version }, { onSuccess: () => setError(null), onError: (err) => setError(errorMessage(err)) })}
        hint={
          ladder.sharedWithManager
            ? 'Your manager can read this ladder and your why, to coach you. Untick to make it private again at once.'
            : 'Only you see it. No one else — not your manager, not an admin — can find or read it.'
        }
      />
      <FormAlert message={error} />
    </Card>
  );
}
