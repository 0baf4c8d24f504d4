import { useState } from 'react';
import { addDays, todayIn } from '../../../domain/dates';
import { CreateCommitmentBody, UpdateCommitmentBody, type Commitment, type CommitmentSide } from '../../../shared/commitments';
import type { Plan } from '../../../shared/plans';
import { useUsers } from '../../app/directory';
import { useMe } from '../../app/session';
import { formatDate } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm, type FormState } from '../../lib/forms';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { CheckField } from '../../ui/CheckField';
import { useAcceptCurrentCommitment, useAccountContacts, useCreateCommitment, useUpdateCommitment } from './api';
import { COMMITMENT_FIELDS, NAMED_PERSON, commitmentSpec, createBody, emptyCommitment, flag, precheck, type CommitmentValues } from './commitmentForm';
import { DialogActions } from '../../ui/DialogActions';
import { SideChoice } from './SideChoice';
import { useVersionedForm } from '../records/useVersionedForm';

type Props = { plan: Plan; open: boolean; onClose: () => void } & ({ commitment: Commitment } | { commitment?: undefined; side?: CommitmentSide; milestoneId?: string | null });

/** Adding a commitment (either side) or editing one; the form starts afresh each time it opens. */
export function CommitmentDialog(props: Props) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.commitment ? 'Edit commitment' : 'Add a commitment'}>
      {props.commitment ? (
        <EditCommitmentForm plan={props.plan} commitment={props.commitment} onDone={props.onClose} />
      ) : (
        <NewCommitmentForm plan={props.plan} side={props.side ?? 'seller'} milestoneId={props.milestoneId ?? null} onDone={props.onClose} />
      )}
    </Dialog>
  );
}

function NewCommitmentForm({ plan, side, milestoneId, onDone }: { plan: Plan; side: CommitmentSide; milestoneId: string | null; onDone: () => void }) {
  const me = useMe();
  const create = useCreateCommitment(plan.id);
  const today = todayIn(me.user.timeZone, new Date());
  const form = useForm<CommitmentValues>(emptyCommitment({ side, ownerUserId: me.user.id, milestoneId: milestoneId ?? '', dueDate: addDays(today, 7) }));
  // Recording something already kept: the one case where the due date may be before today.
  const [alreadyDone, setAlreadyDone] = useState(false);
  const submit = () => {
    // Every field to fix at once: the schema's messages, and the owner/date checks it cannot make.
    const result = check(CreateCommitmentBody, createBody(form.values, alreadyDone), COMMITMENT_FIELDS, undefined, precheck(form.values));
    if (!result.ok) return form.fail(result.fieldErrors, FIX_FIELDS);
    form.clear();
    create.mutate(result.data, {
      onSuccess: () => {
        form.markSaved();
        onDone();
      },
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, COMMITMENT_FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!create.isPending) submit();
      }}
    >
      <FormAlert message={form.formError} />
      <SideChoice value={form.values.side as CommitmentSide} onChange={(s) => form.set('side', s)} />
      <CommitmentFields form={form} plan={plan} canChangeOwner />
      <div className="form-grid">
        <TextField
          label="Due date"
          type="date"
          required
          hint={alreadyDone ? 'The day it was due, in the owner’s time zone — a past day is fine for something already done.' : 'Today or later, in the owner’s time zone.'}
          {...form.field('dueDate')}
        />
        <SelectField
          label="Milestone"
          options={plan.milestones.map((m) => ({ value: m.id, label: m.title }))}
          placeholder="No milestone"
          {...form.field('milestoneId')}
        />
      </div>
      <div className="check-group">
        <CheckField
          label="Already done"
          name="alreadyDone"
          checked={alreadyDone}
          onChange={setAlreadyDone}
          hint="Record something already kept: it counts as kept on its due date, which may then be a past day."
        />
      </div>
      <DialogActions onCancel={onDone} busy={create.isPending} label="Add commitment" />
    </form>
  );
}

function EditCommitmentForm({ plan, commitment, onDone }: { plan: Plan; commitment: Commitment; onDone: () => void }) {
  const update = useUpdateCommitment();
  const acceptCurrent = useAcceptCurrentCommitment();
  const { form, submit, conflict, discard } = useVersionedForm({
    spec: commitmentSpec,
    record: commitment,
    schema: UpdateCommitmentBody,
    save: (body, handlers) => update.mutate({ id: commitment.id, body }, handlers),
    acceptCurrent,
    onSaved: onDone,
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!update.isPending) submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="commitment" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <p className="muted small commitment-form-side">
        {commitment.side === 'seller' ? 'Seller side' : 'Customer side'} · due {formatDate(commitment.dueDate)}. To change the date, re-date it with a reason so both sides see why.
      </p>
      <CommitmentFields form={form} plan={plan} canChangeOwner={plan.permissions.canEdit} currentOwnerName={commitment.owner.name} />
      <DialogActions onCancel={onDone} busy={update.isPending} label="Save changes" />
    </form>
  );
}

/** What, who, and how much it matters; the same for adding and editing. */
function CommitmentFields({ form, plan, canChangeOwner, currentOwnerName }: { form: FormState<CommitmentValues>; plan: Plan; canChangeOwner: boolean; currentOwnerName?: string }) {
  const me = useMe();
  const users = useUsers();
  const contacts = useAccountContacts(plan.opportunity.account.id);
  const seller = form.values.side === 'seller';
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.id === me.user.id ? `${u.name} (me)` : u.name }));
  // The chosen owner stays listed (while people load, or once they left the workspace).
  const chosen = form.values.ownerUserId;
  if (chosen && !userOptions.some((o) => o.value === chosen)) userOptions.unshift({ value: chosen, label: chosen === me.user.id ? `${me.user.name} (me)` : (currentOwnerName ?? 'Current owner') });
  const contactOptions = [
    ...(contacts.data ?? []).filter((c) => c.archivedAt === null || c.id === form.values.ownerContactId).map((c) => ({ value: c.id, label: c.title ? `${c.name} — ${c.title}` : c.name })),
    { value: NAMED_PERSON, label: 'Someone without a contact record…' },
  ];
  const ownerHint = canChangeOwner ? undefined : 'The opportunity’s owner, their manager or an admin can hand this to someone else.';

  return (
    <div className="form-grid">
      <TextField className="span-2" label="Deliverable" required autoComplete="off" placeholder="e.g. Security questionnaire answered" {...form.field('title')} />
      <TextAreaField className="span-2" label="Detail" rows={2} {...form.field('detail')} />
      {seller ? (
        <SelectField label="Owner" required options={userOptions} disabled={!canChangeOwner} hint={ownerHint} {...form.field('ownerUserId')} />
      ) : (
        <SelectField
          label="Owner"
          required
          options={contactOptions}
          placeholder={contacts.isPending ? 'Loading contacts…' : 'Choose who'}
          disabled={!canChangeOwner}
          hint={ownerHint ?? 'A contact at the customer, or anyone else by name.'}
          {...form.field('ownerContactId')}
        />
      )}
      <TextField label="Role" autoComplete="off" placeholder={seller ? 'e.g. Solutions engineer' : 'e.g. Security lead'} {...form.field('role')} />
      {!seller && form.values.ownerContactId === NAMED_PERSON ? (
        <>
          <TextField label="Owner’s name" required autoComplete="off" disabled={!canChangeOwner} {...form.field('ownerName')} />
          <TextField label="Owner’s email" type="email" autoComplete="off" disabled={!canChangeOwner} {...form.field('ownerEmail')} />
        </>
      ) : null}
      <div className="span-2 check-group">
        <CheckField
          label="Must do"
          name="mustDo"
          checked={flag(form.values.mustDo)}
          onChange={(on) => form.set('mustDo', on ? 'true' : '')}
          hint="The outcome depends on it. Must-do commitments count double in reliability."
        />
        {seller ? (
          <CheckField
            label="Internal only"
            name="internalOnly"
            checked={flag(form.values.internalOnly)}
            onChange={(on) => form.set('internalOnly', on ? 'true' : '')}
            hint="Never shown to the customer."
          />
        ) : null}
      </div>
    </div>
  );
}
