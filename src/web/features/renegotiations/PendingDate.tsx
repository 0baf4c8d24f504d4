import { useState } from 'react';
import type { Commitment, Renegotiation } from '../../../shared/commitments';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { formatDate, formatDateTime, relativeTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { useAcceptCurrentCommitment } from '../commitments/api';
import { useAnswerDate } from './api';
import { DialogActions } from '../../ui/DialogActions';
import { useUnsavedChanges } from '../../lib/unsaved';

/** A proposed new date that waits for an answer: who asked, why, and (for the answering side) accept or decline. */
export function PendingDate({ commitment, renegotiation: r }: { commitment: Commitment; renegotiation: Renegotiation }) {
  const me = useMe();
  const answer = useAnswerDate();
  const acceptCurrent = useAcceptCurrentCommitment();
  const [declining, setDeclining] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const byCustomer = r.requestedBy.side === 'customer';

  const send = (accept: boolean, note?: string) => {
    setMessage(null);
    answer.mutate(
      { id: r.id, accept, note },
      {
        onSuccess: () => setDeclining(false),
        onError: (err) => {
          setDeclining(false);
          // Already answered (by someone else, or the customer withdrew it): show what stands now.
          if (isApiError(err, 'rule_violation')) acceptCurrent(null);
          setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
        },
      },
    );
  };

  return (
    <div className="pending-date" role="group" aria-label={`New date proposed for “${commitment.title}”`}>
      <Icon name="calendar" size={16} />
      <div className="pending-date-body">
        <p>
          <strong>
            {byCustomer ? `${r.requestedBy.name} (customer)` : r.requestedBy.name} proposed {formatDate(r.toDate)}
          </strong>{' '}
          instead of {formatDate(r.fromDate)}
          <span className="muted">
            {' '}
            · <time dateTime={r.requestedAt} title={formatDateTime(r.requestedAt, me.user.timeZone)}>{relativeTime(r.requestedAt, me.user.timeZone)}</time>
            {r.inAdvance ? ' · in advance' : ' · after the date'}
          </span>
        </p>
        <p className="pending-date-reason">“{r.reason}”</p>
        {r.permissions.canAnswer ? (
          <div className="button-row">
            <Button size="sm" variant="primary" icon="check" busy={answer.isPending && answer.variables?.accept === true} onClick={() => send(true)} aria-label={`Accept new date for “${commitment.title}”`}>
              Accept new date
            </Button>
            <Button size="sm" onClick={() => setDeclining(true)} aria-label={`Decline new date for “${commitment.title}”`}>
              Decline
            </Button>
          </div>
        ) : (
          <p className="small muted">
            {byCustomer ? 'Waiting for an answer from the deal’s owner.' : `Waiting for the customer’s answer. Until then, ${formatDate(r.fromDate)} stands.`}
          </p>
        )}
        <FormAlert message={message} tone="warning" />
      </div>
      <Dialog open={declining} onClose={() => setDeclining(false)} title="Decline the new date?">
        <DeclineForm original={r.fromDate} busy={answer.isPending} onCancel={() => setDeclining(false)} onDecline={(note) => send(false, note)} />
      </Dialog>
    </div>
  );
}

function DeclineForm({ original, busy, onCancel, onDecline }: { original: string; busy: boolean; onCancel: () => void; onDecline: (note?: string) => void }) {
  const [note, setNote] = useState('');
  useUnsavedChanges(note.trim() !== '', note);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onDecline(note.trim() || undefined);
      }}
    >
      <p>{formatDate(original)} stays the due date. A short note helps the other side plan.</p>
      <TextAreaField label="Note" name="note" rows={3} value={note} onChange={setNote} hint="e.g. We need it before the board meeting on the 20th." />
      <DialogActions onCancel={onCancel} busy={busy} label="Decline new date" />
    </form>
  );
}
