import { useRef, useState } from 'react';
import { addDays, todayIn } from '../../../domain/dates';
import { COMMITMENT_SIDES, type CommitmentSide } from '../../../shared/commitments';
import {
  INTERACTION_RESULTS,
  INTERACTION_RESULT_HINTS,
  INTERACTION_RESULT_LABELS,
  RecordResultBody,
  type AgreedAction,
  type Interaction,
  type InteractionResult,
  type RecordResultInput,
} from '../../../shared/interactions';
import { isApiError } from '../../app/api';
import { useUsers } from '../../app/directory';
import { accountContactsParams } from '../../app/lists';
import { useAcceptCurrent, useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { FIX_FIELDS, orNull, useFocusFirstError } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { CheckField } from '../../ui/CheckField';
import { useRecordResult } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

type Row = { key: number; title: string; side: CommitmentSide; owner: string; ownerName: string; dueDate: string; mustDo: boolean };
type Errors = Record<string, string>;

const SIDE_WORDS: Record<CommitmentSide, string> = { seller: 'Our side', customer: 'Customer side' };
const SOMEONE_ELSE = 'name';

let nextKey = 1;

/** The action as the contract takes it: a seller-side owner is a person of the workspace; a customer-side one a contact or a name. */
function toAction(r: Row): AgreedAction {
  const owner =
    r.side === 'seller'
      ? { ownerUserId: r.owner.replace(/^user:/, '') || undefined }
      : r.owner.startsWith('contact:')
        ? { ownerContactId: r.owner.slice('contact:'.length) }
        : { ownerName: r.ownerName.trim() || undefined };
  return { title: r.title.trim(), side: r.side, dueDate: r.dueDate, ...(r.mustDo ? { mustDo: true } : {}), ...owner } as AgreedAction;
}

/**
 * Records how it went — advanced (what the customer agreed to, and the actions agreed, each becoming
 * a commitment), continuation or no advance — or corrects a recorded result. Where agreed actions go
 * is the rep's choice when the deal has no mutual plan yet.
 */
export function RecordResultForm({ interaction: i, onDone }: { interaction: Interaction; onDone: () => void }) {
  const me = useMe();
  const save = useRecordResult(i.id);
  const acceptCurrent = useAcceptCurrent('interactions', i.id);
  const users = useUsers('active');
  const contacts = useRecordList('contacts', accountContactsParams(i.account.id), { limit: 100 });
  const correcting = i.result !== null;
  const [result, setResult] = useState<InteractionResult | ''>(i.result?.result ?? '');
  const [agreed, setAgreed] = useState(i.result?.agreed ?? '');
  const [notes, setNotes] = useState(i.result?.notes ?? '');
  const [rows, setRows] = useState<Row[]>([]);
  const [goTo, setGoTo] = useState<'new_plan' | 'interaction' | ''>('');
  const today = todayIn(me.user.timeZone, new Date());
  const [planTitle, setPlanTitle] = useState(i.opportunity ? `Mutual plan: ${i.opportunity.name}` : '');
  const [planTarget, setPlanTarget] = useState(addDays(today, 60));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // What the person entered, against what the form opened with (an action row counts once it has words in it).
  const held = JSON.stringify([result, agreed.trim(), notes.trim(), rows.filter((r) => r.title.trim() || r.ownerName.trim()).map(({ key: _, ...r }) => r), goTo, planTitle.trim(), planTarget]);
  const [opened] = useState(held);
  const unsaved = useUnsavedChanges(held !== opened, held);
  const focusFirstError = useFocusFirstError(formRef);
  /** A field's errors go once its value changes (`agreedActions.0.title` for the first action's title). */
  const clearErrors = (...paths: string[]) =>
    setErrors((prev) => (paths.some((p) => prev[p]) ? Object.fromEntries(Object.entries(prev).filter(([p]) => !paths.includes(p))) : prev));

  const advanced = result === 'advanced';
  const actions = advanced ? rows : [];
  const plan = i.opportunityPlan;
  const mustChoose = actions.length > 0 && i.opportunity !== null && plan === null;
  const people = (users.data ?? []).map((u) => ({ value: `user:${u.id}`, label: u.id === me.user.id ? `${u.name} (me)` : u.name }));
  const theirPeople = [
    ...(contacts.data?.pages.flatMap((p) => p.data) ?? []).filter((c) => !c.archivedAt).map((c) => ({ value: `contact:${c.id}`, label: c.name })),
    { value: SOMEONE_ELSE, label: 'Someone else (type a name)' },
  ];

  const change = (key: number, patch: Partial<Row>) => {
    const n = rows.findIndex((r) => r.key === key);
    // The row's fields as the contract names them: the owner is one of three, whichever the side and choice.
    const paths = Object.keys(patch).flatMap((f) => (f === 'owner' || f === 'ownerName' || f === 'side' ? ['ownerUserId', 'ownerContactId', 'ownerName', ...(f === 'side' ? ['side'] : [])] : [f]));
    clearErrors(...paths.map((f) => `agreedActions.${n}.${f}`), `agreedActions.${n}`);
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  /** Errors of the actions are by position: once one goes, those below would stand beside the wrong row. */
  const clearActionErrors = () => setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([p]) => !p.startsWith('agreedActions'))));
  const addRow = () => {
    clearErrors('agreedActions');
    setRows((list) => [...list, { key: nextKey++, title: '', side: 'seller', owner: `user:${i.owner.id}`, ownerName: '', dueDate: addDays(today, 7), mustDo: false }]);
  };
  const removeRow = (key: number) => {
    clearActionErrors();
    setRows((list) => list.filter((x) => x.key !== key));
  };
  const chooseResult = (r: InteractionResult) => {
    clearErrors('result');
    setResult(r);
  };
  const changeAgreed = (v: string) => {
    clearErrors('agreed');
    setAgreed(v);
  };
  const changeNotes = (v: string) => {
    clearErrors('notes');
    setNotes(v);
  };
  const chooseGoTo = (v: 'new_plan' | 'interaction') => {
    clearErrors('actionsGoTo');
    setGoTo(v);
  };
  const changePlanTitle = (v: string) => {
    clearErrors('newPlan.title', 'newPlan');
    setPlanTitle(v);
  };
  const changePlanTarget = (v: string) => {
    clearErrors('newPlan.targetDate', 'newPlan');
    setPlanTarget(v);
  };

  const body = (): RecordResultInput => ({
    result: (result || undefined) as InteractionResult,
    agreed: advanced ? orNull(agreed) : null,
    ...(actions.length
      ? {
          agreedActions: actions.map(toAction),
          actionsGoTo: mustChoose ? goTo || undefined : plan?.closed || !i.opportunity ? 'interaction' : 'plan',
          ...(mustChoose && goTo === 'new_plan' ? { newPlan: { title: planTitle, targetDate: planTarget } } : {}),
        }
      : {}),
    notes: orNull(notes),
    version: i.version,
  });

  const show = (issues: { path: string; message: string }[], message: string) => {
    const next: Errors = {};
    for (const issue of issues) if (!next[issue.path]) next[issue.path] = issue.message;
    setErrors(next);
    setFormError(message);
    focusFirstError();
  };

  const submit = () => {
    const input = body();
    const checked = RecordResultBody.safeParse(input);
    const issues = checked.success ? [] : checked.error.issues.map((x) => ({ path: x.path.map(String).join('.'), message: x.message }));
    if (mustChoose && !goTo) issues.push({ path: 'actionsGoTo', message: 'This deal has no mutual plan yet: start one with these actions, or keep them on this interaction.' });
    if (issues.length) return show(issues, FIX_FIELDS);
    setErrors({});
    setFormError(null);
    const sent = held;
    save.mutate(checked.data!, {
      onSuccess: () => {
        unsaved.markSaved(sent);
        onDone();
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          // Someone else recorded or changed it first: show theirs; the person's entries stay in the form.
          acceptCurrent(err.current as Interaction);
          setFormError('Someone else changed this interaction since you opened it. Its latest version is shown; check it, then save again.');
          return;
        }
        if (isApiError(err) && err.details.length) show(err.details, err.details.every((d) => d.path in errorsPaths(input)) ? FIX_FIELDS : err.message);
        else setFormError(isApiError(err) ? err.message : 'Something unexpected went wrong. Try again.');
      },
    });
  };

  const rowError = (n: number, field: string) => errors[`agreedActions.${n}.${field}`];

  return (
    <form
      ref={formRef}
      className="record-result stack"
      noValidate
      aria-label={correcting ? 'Correct the result' : 'Record the result'}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) submit();
      }}
    >
      <FormAlert message={formError} />
      <fieldset className={errors.result ? 'result-choice choice-invalid' : 'result-choice'}>
        <legend>How did it go?</legend>
        {INTERACTION_RESULTS.map((r) => (
          <label key={r} className={result === r ? 'result-option result-option-on' : 'result-option'}>
            <input type="radio" name="result" value={r} checked={result === r} onChange={() => chooseResult(r)} />
            <span>
              <strong>{INTERACTION_RESULT_LABELS[r]}</strong>
              <span className="result-option-hint">{INTERACTION_RESULT_HINTS[r]}</span>
            </span>
          </label>
        ))}
        {errors.result ? <p className="field-error">{errors.result}</p> : null}
      </fieldset>

      {advanced ? (
        <>
          <TextAreaField
            label="What did the customer agree to?"
            name="agreed"
            required
            rows={2}
            hint={`You aimed for: ${i.plannedOutcome.statement}`}
            value={agreed}
            onChange={changeAgreed}
            error={errors.agreed}
          />
          <div className="agreed-actions">
            <h3 className="interaction-group">Agreed actions</h3>
            <p className="small muted">
              {correcting ? 'Actions already agreed stay as they are (change them where they are kept); add any new ones here. ' : ''}
              Each becomes a commitment: an owner, a deliverable and a date, on either side.
            </p>
            {errors.agreedActions ? <p className="field-error">{errors.agreedActions}</p> : null}
            {actions.map((r, n) => (
              <fieldset key={r.key} className="agreed-action">
                <legend>Action {n + 1}</legend>
                <div className="form-grid">
                  <TextField className="span-2" label="Agreed action" name={`action-${r.key}-title`} required value={r.title} onChange={(v) => change(r.key, { title: v })} error={rowError(n, 'title')} placeholder="e.g. Send the pilot agreement" />
                  <SelectField
                    label="Whose"
                    name={`action-${r.key}-side`}
                    required
                    options={COMMITMENT_SIDES.map((s) => ({ value: s, label: SIDE_WORDS[s] }))}
                    value={r.side}
                    onChange={(v) => change(r.key, { side: v as CommitmentSide, owner: v === 'seller' ? `user:${i.owner.id}` : (theirPeople[0]?.value ?? SOMEONE_ELSE) })}
                    error={rowError(n, 'side')}
                  />
                  <SelectField
                    label="Owner"
                    name={`action-${r.key}-owner`}
                    required
                    options={r.side === 'seller' ? people : theirPeople}
                    value={r.owner}
                    onChange={(v) => change(r.key, { owner: v })}
                    error={rowError(n, 'ownerUserId') ?? rowError(n, 'ownerContactId') ?? (r.owner === SOMEONE_ELSE ? undefined : rowError(n, 'ownerName'))}
                  />
                  {r.side === 'customer' && r.owner === SOMEONE_ELSE ? (
                    <TextField label="Their name" name={`action-${r.key}-name`} required value={r.ownerName} onChange={(v) => change(r.key, { ownerName: v })} error={rowError(n, 'ownerName')} />
                  ) : null}
                  <TextField label="Due" type="date" name={`action-${r.key}-due`} required value={r.dueDate} onChange={(v) => change(r.key, { dueDate: v })} error={rowError(n, 'dueDate')} />
                  <div className="agreed-action-end">
                    <CheckField name={`action-${r.key}-must`} label="Must do" checked={r.mustDo} onChange={(on) => change(r.key, { mustDo: on })} />
                    <Button size="sm" variant="ghost" icon="x" onClick={() => removeRow(r.key)} aria-label={`Remove action ${n + 1}`}>
                      Remove
                    </Button>
                  </div>
                </div>
              </fieldset>
            ))}
            <Button size="sm" icon="plus" onClick={addRow}>
              Add an agreed action
            </Button>
          </div>
          {actions.length > 0 ? <Destination interaction={i} mustChoose={mustChoose} goTo={goTo} setGoTo={chooseGoTo} error={errors.actionsGoTo} plan={{ title: planTitle, setTitle: changePlanTitle, target: planTarget, setTarget: changePlanTarget, errors }} /> : null}
        </>
      ) : null}

      <TextAreaField label="Notes" name="notes" rows={3} value={notes} onChange={changeNotes} error={errors.notes} hint="What you learned, for the next call." />
      <div className="form-actions form-actions-start">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {correcting ? 'Save the correction' : 'Record the result'}
        </Button>
        {correcting ? <Button onClick={onDone}>Cancel</Button> : null}
      </div>
    </form>
  );
}

/** The paths a body could be refused on, to tell field errors from a message about the whole. */
function errorsPaths(input: RecordResultInput): Record<string, true> {
  const paths: Record<string, true> = { result: true, agreed: true, notes: true, agreedActions: true, actionsGoTo: true, 'newPlan.title': true, 'newPlan.targetDate': true, newPlan: true };
  (input.agreedActions ?? []).forEach((_, n) => {
    for (const f of ['title', 'side', 'ownerUserId', 'ownerContactId', 'ownerName', 'dueDate', 'mustDo']) paths[`agreedActions.${n}.${f}`] = true;
  });
  return paths;
}

function Destination({
  interaction: i,
  mustChoose,
  goTo,
  setGoTo,
  error,
  plan,
}: {
  interaction: Interaction;
  mustChoose: boolean;
  goTo: string;
  setGoTo: (v: 'new_plan' | 'interaction') => void;
  error?: string;
  plan: { title: string; setTitle: (v: string) => void; target: string; setTarget: (v: string) => void; errors: Errors };
}) {
  if (!i.opportunity) return <p className="small muted">They stay on this interaction: it is not linked to an opportunity.</p>;
  if (i.opportunityPlan?.closed) return <p className="small muted">The mutual plan “{i.opportunityPlan.title}” is closed: they stay on this interaction.</p>;
  if (i.opportunityPlan) return <p className="small muted">They go on the mutual plan “{i.opportunityPlan.title}”, where the customer sees their side.</p>;
  if (!mustChoose) return null;
  return (
    <fieldset className={error ? 'result-choice choice-invalid' : 'result-choice'}>
      <legend>{i.opportunity.name} has no mutual plan yet. Where do these actions go?</legend>
      <label className={goTo === 'new_plan' ? 'result-option result-option-on' : 'result-option'}>
        <input type="radio" name="actionsGoTo" value="new_plan" checked={goTo === 'new_plan'} onChange={() => setGoTo('new_plan')} />
        <span>
          <strong>Start its mutual plan with them</strong>
          <span className="result-option-hint">Shared with the customer when you are ready.</span>
        </span>
      </label>
      <label className={goTo === 'interaction' ? 'result-option result-option-on' : 'result-option'}>
        <input type="radio" name="actionsGoTo" value="interaction" checked={goTo === 'interaction'} onChange={() => setGoTo('interaction')} />
        <span>
          <strong>Keep them on this interaction</strong>
          <span className="result-option-hint">Kept and judged the same way, without a plan.</span>
        </span>
      </label>
      {error ? <p className="field-error">{error}</p> : null}
      {goTo === 'new_plan' ? (
        <div className="form-grid">
          <TextField label="Plan title" name="planTitle" required value={plan.title} onChange={plan.setTitle} error={plan.errors['newPlan.title']} />
          <TextField label="Plan target date" name="planTarget" type="date" required value={plan.target} onChange={plan.setTarget} error={plan.errors['newPlan.targetDate']} />
        </div>
      ) : null}
    </fieldset>
  );
}
