import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useCreateGoal } from '../goals/api';
import { useUnsavedChanges } from '../../lib/unsaved';

const TITLE_MAX = 200;

/** A lesson becomes a learning goal in one step: its title, this quarter, and the one tiny next step. */
export function LessonToGoal({ lesson }: { lesson: string }) {
  const create = useCreateGoal();
  const [title, setTitle] = useState(lesson.slice(0, TITLE_MAX));
  const [step, setStep] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // The lesson as the title is offered, not typed: only the person's own changes count.
  useUnsavedChanges(!create.data && (step.trim() !== '' || title.trim() !== lesson.slice(0, TITLE_MAX).trim()), `${title}\n${step}`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!step.trim()) {
      setMessage('What is the first tiny step? Something you can do today.');
      return;
    }
    create.mutate(
      { kind: 'learning', title: title.trim(), periodPreset: 'this_quarter', measure: 'learning_notes', firstStep: step.trim() },
      { onError: (err) => setMessage(isApiError(err) ? (err.details[0]?.message ?? err.message) : 'That did not work. Try again.') },
    );
  };
  if (create.data) {
    return (
      <Card title="Learning goal">
        <p>
          Your lesson is now a learning goal: <Link to={`/goals/${create.data.id}`}>{create.data.title}</Link>.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Make the lesson a learning goal">
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={message} tone="warning" />
        <TextField label="Goal" name="goalTitle" value={title} onChange={setTitle} required maxLength={TITLE_MAX} />
        <TextField label="First tiny step, for today" name="firstStep" value={step} onChange={setStep} required />
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create the learning goal
        </Button>
      </form>
    </Card>
  );
}
