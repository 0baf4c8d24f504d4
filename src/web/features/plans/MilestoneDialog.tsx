import { CreateMilestoneBody, UpdateMilestoneBody, type Milestone } from '../../../shared/plans';
import { formatDate } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm, type FormState } from '../../lib/forms';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { useCreateMilestone, usePlanRefresh, useUpdateMilestone } from './api';
import { DialogActions } from '../../ui/DialogActions';
import { useVersionedForm } from '../records/useVersionedForm';
import type { FormSpec } from '../records/versionedForm';

type Values = { title: string; dueDate: string };
const FIELDS = ['title', 'dueDate'] as const;

const spec: FormSpec<Milestone, Values> = {
  toValues: (m) => ({ title: m.title, dueDate: m.dueDate ?? '' }),
  toBody: (v) => ({ title: v.title.trim(), dueDate: v.dueDate || null }),
  fields: FIELDS,
  labels: { title: 'Title', dueDate: 'Date' },
  display: (m) => ({ title: m.title, dueDate: m.dueDate ? formatDate(m.dueDate) : '' }),
};

export function MilestoneDialog({ planId, milestone, open, onClose }: { planId: string; milestone?: Milestone; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={milestone ? 'Edit milestone' : 'Add a milestone'}>
      {milestone ? <EditForm milestone={milestone} onDone={onClose} /> : <NewForm planId={planId} onDone={onClose} />}
    </Dialog>
  );
}

function Fields({ form }: { form: FormState<Values> }) {
  return (
    <>
      <TextField label="Title" required autoComplete="off" placeholder="e.g. Technical validation complete" {...form.field('title')} />
      <TextField label="Date" type="date" hint="When the customer expects to reach it." {...form.field('dueDate')} />
    </>
  );
}

function NewForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const create = useCreateMilestone(planId);
  const form = useForm<Values>({ title: '', dueDate: '' });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (create.isPending) return;
        const result = check(CreateMilestoneBody, spec.toBody(form.values), FIELDS);
        if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
        form.clear();
        create.mutate(result.data, {
          onSuccess: () => {
            form.markSaved();
            onDone();
          },
          onError: (err) => {
            const { fieldErrors, formError } = fromServer(err, FIELDS);
            form.fail(fieldErrors, formError);
          },
        });
      }}
    >
      <p>A milestone is a step the customer recognises on the way to the outcome; commitments sit under it.</p>
      <FormAlert message={form.formError} />
      <Fields form={form} />
      <DialogActions onCancel={onDone} busy={create.isPending} label="Add milestone" />
    </form>
  );
}

function EditForm({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const update = useUpdateMilestone();
  const refresh = usePlanRefresh();
  const { form, submit, conflict, discard } = useVersionedForm({
    spec,
    record: milestone,
    schema: UpdateMilestoneBody,
    save: (body, handlers) => update.mutate({ id: milestone.id, body }, handlers),
    acceptCurrent: refresh.milestone,
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
      {conflict ? <ConflictBanner conflict={conflict} noun="milestone" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <Fields form={form} />
      <DialogActions onCancel={onDone} busy={update.isPending} label="Save changes" />
    </form>
  );
}
