import { useState } from 'react';
import type { CheckInTemplate } from '../../../shared/check-ins';
import { isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useTemplate, useUpdateTemplate } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/** The questions every new check-in asks (admins): one per line; check-ins already opened keep theirs. */
export function QuestionsCard() {
  const template = useTemplate();
  // Kept here: the form starts afresh from each version saved (its own or someone else's) — after a
  // save that lost the race, from what the admin typed, beside the questions saved meanwhile.
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [kept, setKept] = useState<Kept>(null);
  return (
    <Card title="Check-in questions">
      {template.isPending ? (
        <SkeletonLines lines={4} />
      ) : template.isError ? (
        <ErrorState error={template.error} />
      ) : (
        <QuestionsForm key={template.data.version} template={template.data} message={message} setMessage={setMessage} kept={kept} setKept={setKept} />
      )}
    </Card>
  );
}

type Message = { text: string; ok: boolean } | null;
/** What the admin typed when their save lost the race, and the version they had read. */
type Kept = { text: string; readAt: number } | null;

function QuestionsForm({ template, message, setMessage, kept, setKept }: { template: CheckInTemplate; message: Message; setMessage: (m: Message) => void; kept: Kept; setKept: (k: Kept) => void }) {
  const update = useUpdateTemplate();
  const stored = template.questions.map((q) => q.text).join('\n');
  const [text, setText] = useState(kept?.text ?? stored);
  // The questions someone else saved while this admin was typing theirs.
  const theirs = kept && kept.readAt !== template.version ? template.questions : null;
  // Saved, the card draws a new form from the new version (its key).
  const unsaved = useUnsavedChanges(text.trim() !== stored.trim(), text);
  const save = () => {
    const sent = text;
    setMessage(null);
    setKept(null);
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    // A question kept word for word keeps its id (and the answers that refer to it).
    const questions = lines.map((line) => ({ id: template.questions.find((q) => q.text === line)?.id, text: line }));
    update.mutate(
      { questions, version: template.version },
      {
        onSuccess: () => {
          unsaved.markSaved(sent);
          setMessage({ text: 'Saved. New check-ins ask these questions.', ok: true });
        },
        onError: (err) => {
          const stale = isApiError(err, 'version_conflict');
          if (stale) setKept({ text: sent, readAt: template.version });
          setMessage({
            text: stale ? 'Someone else changed the questions a moment ago: theirs are listed under the box, which still holds yours. Check them, then save again to keep yours.' : err.message,
            ok: false,
          });
        },
      },
    );
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!update.isPending) save();
      }}
    >
      <p className="small muted">{template.version === 0 ? 'Advance’s questions, about the process rather than only the numbers.' : `Last changed by ${template.updatedBy?.name ?? 'an admin'}.`}</p>
      <TextAreaField label="Questions, one per line" name="questions" required rows={6} value={text} onChange={setText} hint="At most 12. Check-ins already opened keep the questions they were opened with." />
      {theirs ? (
        <div className="small">
          <p className="muted">Saved meanwhile{template.updatedBy ? ` by ${template.updatedBy.name}` : ''}:</p>
          <ol aria-label="Questions saved meanwhile">
            {theirs.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <FormAlert message={message?.text} tone={message?.ok ? 'success' : 'danger'} />
      <Button type="submit" variant="primary" busy={update.isPending}>
        Save questions
      </Button>
    </form>
  );
}
