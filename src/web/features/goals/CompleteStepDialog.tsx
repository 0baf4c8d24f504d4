import { useQueryClient } from '@tanstack/react-query';
import { CompleteStepBody, LESSON_QUESTION, type Goal } from '../../../shared/goals';
import { isApiError } from '../../app/api';
import { check, FIX_FIELDS, fromServer, useForm } from '../../lib/forms';
import { CheckField } from '../../ui/CheckField';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { goalKeys, useCompleteStep } from './api';

type Values = { lesson: string; nextStep: string; goalDone: string };
const FIELDS = ['lesson', 'nextStep', 'goalDone'] as const;

/**
 * Completing the current step asks two things in one action: what was learned, and the next tiny
 * step (or that the goal is done with it). Both are saved together, or neither.
 */
export function CompleteStepDialog({ goal, open, onClose }: { goal: Goal; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Step done">
      <CompleteStepForm goal={goal} onDone={onClose} />
    </Dialog>
  );
}

function CompleteStepForm({ goal, onDone }: { goal: Goal; onDone: () => void }) {
  const form = useForm<Values>({ lesson: '', nextStep: '', goalDone: '' });
  const complete = useCompleteStep(goal.id);
  const client = useQueryClient();
  const done = form.values.goalDone === 'true';
  const submit = () => {
    const body = { lesson: form.values.lesson.trim(), ...(done ? { goalDone: true } : { nextStep: form.values.nextStep.trim() }), version: goal.version };
    const result = check(CompleteStepBody, body, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    complete.mutate(result.data, {
      onSuccess: () => {
        form.markSaved();
        onDone();
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          // Someone (you, in another tab) moved this goal on: show the latest, keep what was typed.
          client.setQueryData(goalKeys.goal(goal.id), err.current as Goal);
          form.setFormError('This goal changed since you opened it (perhaps in another tab). Check the step above, then save again — your words are kept.');
          return;
        }
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete.isPending) submit();
      }}
    >
      <p className="step-done-what">
        <span className="goal-step-label">Done:</span> {goal.currentStep?.text}
      </p>
      <TextAreaField label={LESSON_QUESTION} required rows={3} hint="A sentence is enough. It goes in the goal’s log with today’s date." {...form.field('lesson')} />
      <CheckField label="This was the last step: the goal is done" name="goalDone" checked={done} onChange={(on) => form.set('goalDone', on ? 'true' : '')} />
      {done ? null : <TextField label="Your next tiny step" required autoComplete="off" hint="Small enough to do today, with what you just learned." {...form.field('nextStep')} />}
      <FormAlert message={form.formError} />
      <DialogActions onCancel={onDone} busy={complete.isPending} label={done ? 'Save and close the goal' : 'Save and take the next step'} />
    </form>
  );
}
