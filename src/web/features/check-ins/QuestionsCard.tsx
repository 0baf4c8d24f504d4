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
  // Kept here: the form starts afresh from each version saved (its own or someone else's).
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  return (
    <Card title="Check-in questions">
      {template.isPending ? <SkeletonLines lines={4} /> : template.isError ? <ErrorState error={template.error} /> : <QuestionsForm key={template.data.version} template={template.data} message={message} setMessage={setMessage} />}
    </Card>
  );
}

type Message = { text: string; ok: boolean } | null;

function QuestionsForm({ template, message, setMessage }: { template: CheckInTemplate; message: Message; setMessage: (m: Message) => void }) {
  const update = useUpdateTemplate();
  const stored = template.questions.map((q) => q.text).join('\n');
  const [text, setText] = useState(stored);
  // Saved, the card draws a new form from the new version (its key).
  const unsaved = useUnsavedChanges(text.trim() !== stored.trim(), text);
  const save = () => {
    const sent = text;
    setMessage(null);
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
        onError: (err) =>
          setMessage({ text: isApiError(err, 'version_conflict') ? 'Someone else changed the questions a moment ago — here they are. Check them, then save again.' : err.message, ok: false }),
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
      <FormAlert message={message?.text} tone={message?.ok ? 'success' : 'danger'} />
      <Button type="submit" variant="primary" busy={update.isPending}>
        Save questions
      </Button>
    </form>
  );
}
