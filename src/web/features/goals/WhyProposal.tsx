import { useState } from 'react';
import type { WhyLadder } from '../../../shared/goals';
import { fromServer } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/Field';
import { useUpdateWhy } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/** Once the ladder has ended: the proposed why (the last distinct answer), to edit and save. */
export function WhyProposal({ ladder }: { ladder: WhyLadder }) {
  const proposal = ladder.why ?? ladder.proposedWhy ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const save = useUpdateWhy(ladder.id);
  const value = draft ?? proposal;
  // The proposal as it came is not the person's work: only their own words are.
  useUnsavedChanges(ladder.permissions.canEdit && draft !== null && draft.trim() !== proposal.trim(), value);
  const canSave = ladder.permissions.canEdit && (ladder.state === 'ended' || ladder.why !== null);

  if (!canSave) {
    return (
      <Card title="Your why">
        {ladder.why ? <p className="why-text">{ladder.why}</p> : <p className="muted">Keep asking “What will that get you?” until the answer stops changing. Your why is the last new answer.</p>}
      </Card>
    );
  }
  return (
    <Card title="Your why">
      {ladder.why ? <p className="why-text">{ladder.why}</p> : <p className="muted">The answer stopped changing. Here is your why — put it in your own words, then save it.</p>}
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { why: value.trim(), version: ladder.version },
            {
              onSuccess: () => {
                setDraft(null);
                setError(undefined);
                setFormError(null);
              },
              onError: (err) => {
                const { fieldErrors, formError: other } = fromServer(err, ['why']);
                setError(fieldErrors.why);
                setFormError(fieldErrors.why ? null : other);
              },
            },
          );
        }}
      >
        <TextField label="Your why, in your words" name="why" required value={value} error={error} onChange={(v) => (setDraft(v), setError(undefined))} autoComplete="off" />
        <FormAlert message={formError} />
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" busy={save.isPending}>
            {ladder.why ? 'Save changes' : 'Save my why'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
