import { useState } from 'react';
import { CLOSE_REASON_REQUIRED, type Opportunity } from '../../../shared/opportunities';
import { isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useWalkAway } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/**
 * Walking away closes the deal as walked away, with a reason (what the retrospective learns from),
 * at the version the page showed: if someone changed the deal meanwhile, nothing is closed and the
 * page refreshes so the rep can look again.
 */
export function WalkAwayDialog({ opportunity, open, onClose, onDone }: { opportunity: Opportunity; open: boolean; onClose: () => void; onDone: (name: string) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={`Walk away from “${opportunity.name}”?`}>
      <WalkAwayForm opportunity={opportunity} onCancel={onClose} onDone={onDone} />
    </Dialog>
  );
}

function WalkAwayForm({ opportunity, onCancel, onDone }: { opportunity: Opportunity; onCancel: () => void; onDone: (name: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const walk = useWalkAway(opportunity.id);
  const unsaved = useUnsavedChanges(reason.trim() !== '', reason);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(null);
        if (!reason.trim()) return setError(CLOSE_REASON_REQUIRED);
        walk.mutate(
          { reason: reason.trim(), version: opportunity.version },
          {
            onSuccess: () => {
              unsaved.markSaved(reason);
              onDone(opportunity.name);
            },
            onError: (err) => {
              if (isApiError(err, 'version_conflict')) {
                setMessage('Someone else changed this deal a moment ago, so nothing was closed. The list now shows the latest: check it, then decide again.');
                return;
              }
              const detail = isApiError(err) ? err.details.find((d) => d.path === 'closeReason') : undefined;
              if (detail) setError(detail.message);
              else setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
            },
          },
        );
      }}
    >
      <p>
        {opportunity.name} ({opportunity.account.name}) closes as walked away and leaves your Focus list. Your time can go to a customer who has decided to change; you can
        reopen the deal later.
      </p>
      <FormAlert message={message} tone="warning" />
      <TextAreaField
        label="Reason"
        name="closeReason"
        required
        rows={4}
        value={reason}
        onChange={(v) => {
          setReason(v);
          setError(undefined);
        }}
        error={error}
        hint="Why, in a sentence or two — e.g. four calls and no one who can decide; they see no cost in waiting."
      />
      <div className="form-actions dialog-form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" busy={walk.isPending}>
          Walk away
        </Button>
      </div>
    </form>
  );
}
