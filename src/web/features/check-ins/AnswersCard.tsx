import { useState } from 'react';
import type { CheckIn } from '../../../shared/check-ins';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useSaveAnswers } from './api';
import { sameFormValues, useUnsavedChanges, valuesSignature } from '../../lib/unsaved';

/** The questions: the rep answers them before the meeting; the manager reads the answers once handed in. */
export function AnswersCard({ checkIn: c }: { checkIn: CheckIn }) {
  return <Card title="Questions">{c.permissions.canAnswer ? <AnswerForm checkIn={c} /> : <Answers checkIn={c} />}</Card>;
}

function Answers({ checkIn: c }: { checkIn: CheckIn }) {
  const me = useMe();
  const answerTo = (id: string) => c.answers?.answers.find((a) => a.questionId === id)?.text;
  return (
    <>
      {c.answers?.submittedAt ? (
        <p className="small muted">
          {c.rep.name} handed these in on {formatDateTime(c.answers.submittedAt, me.user.timeZone)}.
        </p>
      ) : (
        <p className="small muted">{c.rep.name} has not handed in answers yet: talk them through together.</p>
      )}
      <dl className="check-in-answers">
        {c.questions.map((q) => (
          <div key={q.id}>
            <dt>{q.text}</dt>
            <dd className="pre-wrap">{answerTo(q.id) ?? <span className="muted">No answer</span>}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function AnswerForm({ checkIn: c }: { checkIn: CheckIn }) {
  const me = useMe();
  const save = useSaveAnswers(c.id);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(c.questions.map((q) => [q.id, c.answers?.answers.find((a) => a.questionId === q.id)?.text ?? ''])));
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  // The answers as last saved (a draft, or handed in): unsaved while the boxes hold something else.
  const [saved, setSaved] = useState(values);
  const unsaved = useUnsavedChanges(!sameFormValues(values, saved), valuesSignature(values));
  const submitted = c.answers?.submittedAt ?? null;
  const send = (submit: boolean) => {
    const sent = values;
    setMessage(null);
    save.mutate(
      { answers: c.questions.map((q) => ({ questionId: q.id, text: values[q.id] ?? '' })), submit, version: c.answers?.version },
      {
        onSuccess: () => {
          setSaved(sent);
          unsaved.markSaved(valuesSignature(sent));
          setMessage({ text: submit ? `Handed in: ${c.manager.name} can read your answers.` : 'Saved. Only you can read them until you hand them in.', ok: true });
        },
        onError: (err) =>
          setMessage({
            // The check-in as it is now is in (api.ts): saving again replaces those answers with these.
            text: isApiError(err, 'version_conflict')
              ? 'Your answers were changed elsewhere a moment ago (another tab?). The boxes still hold what you typed here: save again to keep it.'
              : err.message,
            ok: false,
          }),
      },
    );
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) send(true);
      }}
    >
      <p className="small muted">
        {submitted
          ? `Handed in on ${formatDateTime(submitted, me.user.timeZone)}; changes you save now show to ${c.manager.name} too.`
          : `Answer before you meet. Your answers stay a draft only you read until you hand them in to ${c.manager.name}.`}
      </p>
      {c.questions.map((q) => (
        <TextAreaField key={q.id} label={q.text} name={`answer-${q.id}`} rows={3} value={values[q.id] ?? ''} onChange={(v) => setValues((prev) => ({ ...prev, [q.id]: v }))} />
      ))}
      <FormAlert message={message?.text} tone={message?.ok ? 'success' : 'danger'} />
      <div className="form-actions form-actions-start">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {submitted ? 'Save answers' : `Hand in to ${c.manager.name}`}
        </Button>
        {submitted ? null : (
          <Button busy={save.isPending} onClick={() => send(false)}>
            Save draft
          </Button>
        )}
      </div>
    </form>
  );
}
