import { useState } from 'react';
import { DROP_REASON_REQUIRED, type Commitment } from '../../../shared/commitments';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { DialogActions } from '../../ui/DialogActions';
import { useCommitmentStatus } from './useCommitmentStatus';
import { useUnsavedChanges } from '../../lib/unsaved';

/** Dropping is a decision both sides should understand, so it takes a reason. */
export function DropDialog({ commitment, open, onClose }: { commitment: Commitment; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={`Drop “${commitment.title}”?`}>
      <DropForm commitment={commitment} onDone={onClose} />
    </Dialog>
  );
}

function DropForm({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const status = useCommitmentStatus(commitment);
  const unsaved = useUnsavedChanges(reason.trim() !== '', reason);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setError(DROP_REASON_REQUIRED);
        status.set('dropped', reason.trim(), {
          onSuccess: () => {
            unsaved.markSaved(reason);
            onDone();
          },
          onFieldError: setError,
        });
      }}
    >
      <p>A dropped commitment leaves the plan’s counts and reliability, and keeps its history. You can reopen it later.</p>
      <FormAlert message={status.message} />
      <TextAreaField label="Reason" name="dropReason" required rows={3} value={reason} onChange={(v) => {
          setReason(v);
          setError(undefined);
        }} error={error} hint="e.g. No longer needed: the customer chose the cloud option." />
      <DialogActions onCancel={onDone} busy={status.pending} label="Drop commitment" variant="danger" />
    </form>
  );
}
