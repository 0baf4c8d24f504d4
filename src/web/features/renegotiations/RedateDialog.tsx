import { CreateRenegotiationBody, type Commitment } from '../../../shared/commitments';
import { isApiError } from '../../app/api';
import { formatDate } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useAcceptCurrentCommitment } from '../commitments/api';
import { useProposeDate } from './api';
import { DialogActions } from '../../ui/DialogActions';

const FIELDS = ['newDate', 'reason'] as const;

/** "Re-date before it slips": a new date with a reason, agreed before the old one ends. */
export function RedateDialog({ commitment, open, onClose }: { commitment: Commitment; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={`Re-date “${commitment.title}”`}>
      <RedateForm commitment={commitment} onDone={onClose} />
    </Dialog>
  );
}

function RedateForm({ commitment: c, onDone }: { commitment: Commitment; onDone: () => void }) {
  const propose = useProposeDate();
  const acceptCurrent = useAcceptCurrentCommitment();
  const form = useForm({ newDate: '', reason: '' });
  const theirs = c.side === 'customer';
  const late = c.daysUntilDue < 0;

  const submit = () => {
    const result = check(CreateRenegotiationBody, { newDate: form.values.newDate, reason: form.values.reason }, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    propose.mutate(
      { id: c.id, body: result.data },
      {
        onSuccess: () => {
          form.markSaved();
          onDone();
        },
        onError: (err) => {
          // The commitment moved on meanwhile (done, dropped, or a date already waiting): show the latest.
          if (isApiError(err, 'rule_violation')) acceptCurrent(null);
          const { fieldErrors, formError } = fromServer(err, FIELDS);
          form.fail(fieldErrors, formError);
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!propose.isPending) submit();
      }}
    >
      <p>
        Due {formatDate(c.dueDate)}.{' '}
        {late
          ? 'That date has passed, so this counts as late — agreeing a new date is still the right thing to do.'
          : 'Saying so now, before the date, is healthy: it counts as re-dated in advance.'}
      </p>
      {theirs ? <p>This is the customer’s commitment: they accept or decline the new date on their plan page. Until then, {formatDate(c.dueDate)} stands.</p> : null}
      <FormAlert message={form.formError} />
      <TextField label="New date" type="date" required {...form.field('newDate')} />
      <TextAreaField label="Reason" required rows={3} hint="Both sides see it in the date history." {...form.field('reason')} />
      <DialogActions onCancel={onDone} busy={propose.isPending} label={theirs ? 'Propose new date' : 'Re-date'} />
    </form>
  );
}
