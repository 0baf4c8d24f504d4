import { useState, type FormEvent } from 'react';
import { PROCESS_PARTS, PROCESS_QUESTIONS, LESSON_MAX, type ProcessPart } from '../../../shared/coaching-words';
import type { RetroAnswerSet } from '../../../shared/retrospectives';
import { isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useSubmitRetrospective } from './api';
import { ANSWER_LABELS, RETRO_CHANGED_ELSEWHERE } from './words';
import { useUnsavedChanges } from '../../lib/unsaved';

type Answer = keyof typeof ANSWER_LABELS;

function Choice<T extends string>({ name, legend, value, options, onChange }: { name: string; legend: string; value: T | undefined; options: Record<T, string>; onChange: (v: T) => void }) {
  return (
    <fieldset className="retro-choice">
      <legend>{legend}</legend>
      <div className="retro-options">
        {(Object.keys(options) as T[]).map((v) => (
          <label key={v} className={value === v ? 'retro-option retro-option-on' : 'retro-option'}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{options[v]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The process questions, answered before the data's score is shown. Every question is about how the
 * deal was worked, none about how it ended.
 */
export function RetroForm({
  opportunityId,
  perspective,
  current,
  onSaving,
  onDone,
}: {
  opportunityId: string;
  perspective: 'rep' | 'manager';
  current: RetroAnswerSet | null;
  /** A save starts: the page keeps this form open until onDone, even if answers arrive meanwhile (a 409 brings them). */
  onSaving?: () => void;
  onDone?: () => void;
}) {
  const submit = useSubmitRetrospective(opportunityId);
  const [answers, setAnswers] = useState<Partial<Record<ProcessPart, Answer>>>(current?.answers ?? {});
  const [judgement, setJudgement] = useState<'sound' | 'weak' | undefined>(current?.processJudgement);
  const [lesson, setLesson] = useState(current?.lesson ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const missing = PROCESS_PARTS.filter((p) => !answers[p]);
  // Unsaved while the answers differ from those stored (none, the first time).
  const held = JSON.stringify([PROCESS_PARTS.map((p) => answers[p] ?? ''), judgement ?? '', lesson.trim()]);
  const [stored, setStored] = useState(held);
  const unsaved = useUnsavedChanges(held !== stored, held);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (missing.length || !judgement) {
      setMessage('Answer every question, then say whether the process was sound.');
      return;
    }
    const sent = held;
    onSaving?.();
    setMessage(null);
    submit.mutate(
      { answers: answers as Record<ProcessPart, Answer>, processJudgement: judgement, lesson: lesson.trim() || null, version: current?.version ?? 0 },
      {
        onSuccess: () => {
          setStored(sent);
          unsaved.markSaved(sent);
          onDone?.();
        },
        onError: (err) =>
          setMessage(
            // The answers as they are now replaced the cached ones (api.ts): the next save is made from them.
            isApiError(err, 'version_conflict')
              ? RETRO_CHANGED_ELSEWHERE
              : isApiError(err)
                ? err.message
                : 'That did not work. Try again.',
          ),
      },
    );
  };

  return (
    <form className="retro-form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        {perspective === 'rep' ? 'Your side, as the deal’s owner.' : 'Your side, as the rep’s manager.'} Answer about the process — how the deal was worked — before you see what
        the data shows. The other side’s answers stay hidden until both of you have answered.
      </p>
      <FormAlert message={message} tone="warning" />
      {PROCESS_PARTS.map((part) => (
        <Choice key={part} name={part} legend={PROCESS_QUESTIONS[part]} value={answers[part]} options={ANSWER_LABELS} onChange={(v) => setAnswers((a) => ({ ...a, [part]: v }))} />
      ))}
      <Choice name="processJudgement" legend="Looking at the process alone, was it sound?" value={judgement} options={{ sound: 'Sound', weak: 'Weak' }} onChange={setJudgement} />
      <TextAreaField label="What did you learn?" name="lesson" rows={3} value={lesson} onChange={setLesson} hint={`Optional, up to ${LESSON_MAX} characters.`} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={submit.isPending}>
          {current ? 'Save my answers' : 'Save my answers and see what the data shows'}
        </Button>
        {current && onDone ? <Button onClick={onDone}>Cancel</Button> : null}
      </div>
    </form>
  );
}
