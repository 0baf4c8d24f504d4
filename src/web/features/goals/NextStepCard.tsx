import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Goal } from '../../../shared/goals';
import { isApiError } from '../../app/api';
import { fromServer } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { goalKeys, useUpdateGoal } from './api';
import { CompleteStepDialog } from './CompleteStepDialog';
import { REOPEN_CHANGED_ELSEWHERE, STATUS_WORDS } from './goalWords';
import { useUnsavedChanges } from '../../lib/unsaved';

/** The one tiny next step — and, once the goal is closed, reopening it with a new one. */
export function NextStepCard({ goal }: { goal: Goal }) {
  const [completing, setCompleting] = useState(false);
  const mine = goal.permissions.canTakeSteps;
  if (goal.status !== 'active') return <Reopen goal={goal} />;
  return (
    <Card title="Next step">
      <p className="next-step">{goal.currentStep?.text}</p>
      {mine ? (
        <>
          <Button variant="primary" icon="check" onClick={() => setCompleting(true)}>
            Done — what did you learn?
          </Button>
          <CompleteStepDialog goal={goal} open={completing} onClose={() => setCompleting(false)} />
        </>
      ) : (
        <p className="muted small">{goal.owner.name} chose this step. Ask what they learn from it.</p>
      )}
    </Card>
  );
}

function Reopen({ goal }: { goal: Goal }) {
  const [step, setStep] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const client = useQueryClient();
  const update = useUpdateGoal(goal.id);
  const unsaved = useUnsavedChanges(step.trim() !== '', step);
  return (
    <Card title={STATUS_WORDS[goal.status]}>
      <p className="muted">{goal.status === 'done' ? 'This goal is done. Its steps and lessons stay in the log.' : 'This goal is set aside. Its steps and lessons stay in the log.'}</p>
      {goal.permissions.canTakeSteps ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!step.trim()) return setError('What is the next tiny step? Something you can do today.');
            update.mutate(
              { status: 'active', currentStep: step.trim(), version: goal.version },
              {
                onSuccess: () => unsaved.markSaved(step),
                onError: (err) => {
                  if (isApiError(err, 'version_conflict')) {
                    // The 409 carries the goal as it is now: show it, so the next try is made from that
                    // version, and keep the step typed here (still closed, this card stays with it).
                    if (err.current) client.setQueryData(goalKeys.goal(goal.id), err.current as Goal);
                    return setFormError(REOPEN_CHANGED_ELSEWHERE);
                  }
                  const r = fromServer(err, ['currentStep']);
                  setError(r.fieldErrors.currentStep);
                  setFormError(r.fieldErrors.currentStep ? null : r.formError);
                },
              },
            );
          }}
        >
          <TextField label="Pick it up again with this step" name="currentStep" value={step} error={error} onChange={(v) => (setStep(v), setError(undefined))} autoComplete="off" />
          <FormAlert message={formError} />
          <Button type="submit" busy={update.isPending}>
            Reopen the goal
          </Button>
        </form>
      ) : null}
    </Card>
  );
}
