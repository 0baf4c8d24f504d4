import { useState } from 'react';
import type { Goal } from '../../../shared/goals';
import { formatDateTime } from '../../lib/format';
import { clearedIfUnchanged, fromServer } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextAreaField } from '../../ui/Field';
import { useAddNote } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/** The rep's notes on the goal: what they practised and learned (a learning goal counts them). */
export function NotesCard({ goal }: { goal: Goal }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useAddNote(goal.id);
  // Emptied once saved (unless more was typed meanwhile): a note in the box is not saved yet.
  useUnsavedChanges(body.trim() !== '', body);
  const canWrite = goal.permissions.canTakeSteps;
  if (!canWrite && goal.notes.length === 0) return null;
  return (
    <Card title="Notes" flush>
      {goal.notes.length ? (
        <ul className="step-log">
          {goal.notes.map((n) => (
            <li key={n.id} className="step-log-item">
              <p className="pre-wrap">{n.body}</p>
              <p className="muted small">{formatDateTime(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <form
          className="card-pad"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!body.trim()) return setError('Write a note first.');
            add.mutate(body.trim(), { onSuccess: () => setBody(clearedIfUnchanged(body)), onError: (err) => setError(fromServer(err, ['body']).fieldErrors.body ?? fromServer(err, ['body']).formError) });
          }}
        >
          <TextAreaField label="Add a note" name="body" rows={2} value={body} error={error} onChange={(v) => (setBody(v), setError(undefined))} hint={goal.kind === 'learning' ? 'What you practised or learned. Each note counts toward this goal.' : 'What you tried, noticed or learned.'} />
          <Button type="submit" busy={add.isPending}>
            Add note
          </Button>
        </form>
      ) : null}
    </Card>
  );
}
