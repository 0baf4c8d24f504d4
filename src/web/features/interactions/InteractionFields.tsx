import { ADVANCE_KINDS, ADVANCE_KIND_LABELS, FIRST_CALL_QUESTION, INTERACTION_KINDS, INTERACTION_KIND_LABELS, OUTCOME_QUESTION } from '../../../shared/interactions';
import { useUsers } from '../../app/directory';
import { accountContactsParams, accountOpportunitiesParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import type { FormState } from '../../lib/forms';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { useAccountObjectives } from '../objectives/api';
import { CheckField } from '../../ui/CheckField';
import { joinIds, type InteractionValues } from './interactionForm';

const KIND_OPTIONS = INTERACTION_KINDS.map((k) => ({ value: k, label: INTERACTION_KIND_LABELS[k] }));
const ADVANCE_OPTIONS = ADVANCE_KINDS.map((k) => ({ value: k, label: ADVANCE_KIND_LABELS[k] }));

/** One checkbox per person; the form holds their ids, sorted. */
function People({ legend, people, field, form, error }: { legend: string; people: { id: string; name: string }[]; field: 'contactIds' | 'userIds'; form: FormState<InteractionValues>; error?: string }) {
  const chosen = new Set(form.values[field] ? form.values[field].split(',') : []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    form.set(field, joinIds([...next]));
  };
  if (people.length === 0) return null;
  return (
    <fieldset className="interaction-people">
      <legend>{legend}</legend>
      {people.map((p) => (
        <CheckField key={p.id} name={field} label={p.name} checked={chosen.has(p.id)} onChange={(on) => toggle(p.id, on)} />
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/**
 * What an interaction is planned with: its kind and time (on the clock of a zone), the deal and
 * objective it serves, who takes part, and — required — the planned outcome: the kind of advance and
 * what the customer will agree to by the end of it.
 */
export function InteractionFields({ form, accountId, ownerId, creating }: { form: FormState<InteractionValues>; accountId: string; ownerId: string; creating: boolean }) {
  const deals = useRecordList('opportunities', accountOpportunitiesParams(accountId), { limit: 50, enabled: accountId !== '' });
  const contacts = useRecordList('contacts', accountContactsParams(accountId), { limit: 100, enabled: accountId !== '' });
  const objectives = useAccountObjectives(accountId, { enabled: accountId !== '' });
  const users = useUsers('active');
  const dealOptions = (deals.data?.pages.flatMap((p) => p.data) ?? []).filter((d) => !d.archivedAt || d.id === form.values.opportunityId).map((d) => ({ value: d.id, label: d.name }));
  const objectiveOptions = (objectives.data?.data ?? []).map((o) => ({ value: o.id, label: o.title }));
  const people = (contacts.data?.pages.flatMap((p) => p.data) ?? []).filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name }));
  const colleagues = (users.data ?? []).filter((u) => u.id !== ownerId).map((u) => ({ id: u.id, name: u.name }));
  const email = form.values.kind === 'email';
  const several = form.values.needsSeveralCalls === 'yes';
  return (
    <>
      <div className="form-grid">
        <SelectField label="Kind" required options={KIND_OPTIONS} {...form.field('kind')} />
        <TextField label="Duration (minutes)" inputMode="numeric" autoComplete="off" {...form.field('durationMinutes')} />
        <TextField label="Day" type="date" required={!email} hint={email ? 'An email may go without a day and time.' : undefined} {...form.field('date')} />
        <TextField label="Time" type="time" required={!email} {...form.field('time')} />
        <TimeZoneSelect label="Time zone" hint="The day and time are on this clock." {...form.field('timeZone')} />
        <div className="interaction-happened">
          <CheckField
            name="alreadyHappened"
            label="It already happened"
            hint={creating ? 'Logging it afterwards: its time may be in the past, and you can record its result at once.' : 'Moving it to when it happened, in the past.'}
            checked={form.values.alreadyHappened === 'yes'}
            onChange={(on) => form.set('alreadyHappened', on ? 'yes' : '')}
          />
        </div>
        <SelectField label="Opportunity" options={dealOptions} placeholder="No opportunity" {...form.field('opportunityId')} />
        <SelectField label="Objective" options={objectiveOptions} placeholder="No objective" {...form.field('objectiveId')} />
      </div>
      <fieldset className="planned-outcome">
        <legend>Planned outcome</legend>
        <p className="field-hint">Every interaction has a specific advance in view: something the customer agrees to do.</p>
        <SelectField label="Kind of advance" required options={ADVANCE_OPTIONS} placeholder="Choose the advance you aim for" {...form.field('outcomeKind')} />
        <TextAreaField label={OUTCOME_QUESTION} required rows={3} hint="Be specific: who agrees to what, and by when." {...form.field('outcomeStatement')} />
        <CheckField
          name="needsSeveralCalls"
          label="This outcome needs several calls"
          hint="A big outcome is broken into what this first call must get."
          checked={several}
          onChange={(on) => form.set('needsSeveralCalls', on ? 'yes' : '')}
        />
        {several ? <TextAreaField label={FIRST_CALL_QUESTION} required rows={2} {...form.field('firstCallGoal')} /> : null}
      </fieldset>
      <TextAreaField label="Planning notes" rows={3} hint="Questions to ask, who decides, what to bring." {...form.field('planningNotes')} />
      <div className="form-grid">
        <People legend="Their people" people={people} field="contactIds" form={form} error={form.errors.contactIds} />
        <People legend="Your colleagues" people={colleagues} field="userIds" form={form} error={form.errors.userIds} />
      </div>
    </>
  );
}
