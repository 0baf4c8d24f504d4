import { useState } from 'react';
import { LADDER_QUESTION, LADDER_START_QUESTION, type WhyLadder } from '../../../shared/goals';
import { fromServer } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/Field';
import { useAddRung, useEndWhy } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/** The rungs so far (each the answer to the question asked of the one before), and the next question. */
export function LadderClimb({ ladder }: { ladder: WhyLadder }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const add = useAddRung(ladder.id);
  const end = useEndWhy(ladder.id);
  const climbing = ladder.state === 'climbing';
  useUnsavedChanges(answer.trim() !== '', answer);
  const fail = (err: unknown) => {
    const { fieldErrors, formError: other } = fromServer(err, ['answer']);
    setError(fieldErrors.answer);
    setFormError(fieldErrors.answer ? null : other);
  };

  return (
    <Card title="The ladder">
      <ol className="ladder">
        {ladder.rungs.map((r) => (
          <li key={r.id} className={r.repeatOf !== null ? 'ladder-rung ladder-rung-repeat' : 'ladder-rung'}>
            <span className="ladder-question">{r.position === 0 ? LADDER_START_QUESTION : LADDER_QUESTION}</span>
            <span className="ladder-answer">{r.answer}</span>
            {r.repeatOf !== null ? <span className="ladder-note">The same as answer {r.repeatOf + 1}: the answer has stopped changing.</span> : null}
          </li>
        ))}
      </ol>
      {ladder.permissions.canEdit ? (
        <form
          className="ladder-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!answer.trim()) return setError('Write your answer in words.');
            add.mutate(
              { answer: answer.trim(), version: ladder.version },
              {
                onSuccess: () => {
                  setAnswer('');
                  setError(undefined);
                  setFormError(null);
                },
                onError: fail,
              },
            );
          }}
        >
          <p className="ladder-ask" aria-live="polite">
            {climbing ? (
              <>
                <strong>{LADDER_QUESTION}</strong> — {ladder.askAbout}
              </>
            ) : (
              'The ladder has ended. If the answer changes after all, keep climbing: your why stays until you save another.'
            )}
          </p>
          <TextField label={climbing ? 'Your answer' : 'Keep climbing'} name="answer" required value={answer} error={error} onChange={(v) => (setAnswer(v), setError(undefined))} autoComplete="off" />
          <FormAlert message={formError} />
          <div className="form-actions form-actions-start">
            <Button type="submit" variant="primary" busy={add.isPending}>
              Add answer
            </Button>
            {climbing ? (
              <Button busy={end.isPending} onClick={() => end.mutate(ladder.version, { onError: fail })}>
                The answer has stopped changing
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </Card>
  );
}
