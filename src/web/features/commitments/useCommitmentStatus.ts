import { useState } from 'react';
import type { Commitment, CommitmentStatus } from '../../../shared/commitments';
import { isApiError } from '../../app/api';
import { useAcceptCurrentCommitment, useUpdateCommitment } from './api';

/** Shown while the write waits for the network (TanStack Query pauses it offline and sends it on reconnect). */
export const OFFLINE_MESSAGE = 'You are offline — this will be saved when you are back online.';

export const CONFLICT_MESSAGE = 'Someone else changed this commitment a moment ago — here is the latest. Check it, then try again.';

/** Done, reopened or dropped, sent with the version it was read at; a stale one shows the latest. */
export function useCommitmentStatus(c: Commitment) {
  const update = useUpdateCommitment();
  const acceptCurrent = useAcceptCurrentCommitment();
  const [message, setMessage] = useState<string | null>(null);

  const set = (status: CommitmentStatus, dropReason?: string, opts: { onSuccess?: () => void; onFieldError?: (m: string) => void; onConflict?: () => void } = {}) => {
    setMessage(null);
    update.mutate(
      { id: c.id, body: { status, dropReason: status === 'dropped' ? dropReason : undefined, version: c.version } },
      {
        onSuccess: () => opts.onSuccess?.(),
        onError: (err) => {
          if (isApiError(err, 'version_conflict')) {
            acceptCurrent(err.current);
            setMessage(CONFLICT_MESSAGE);
            opts.onConflict?.();
            return;
          }
          const detail = isApiError(err) ? err.details.find((d) => d.path === 'dropReason') : undefined;
          if (detail && opts.onFieldError) opts.onFieldError(detail.message);
          else setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
        },
      },
    );
  };

  return {
    set,
    message: update.isPaused ? OFFLINE_MESSAGE : message,
    clear: () => setMessage(null),
    pending: update.isPending,
    pendingStatus: update.isPending ? update.variables?.body.status : undefined,
  };
}
