import { CHANGE_COMMITMENT_LABELS, CHANGE_COMMITMENTS, COMPELLING_EVENT_MAX, CRITERION_ANSWER_LABELS, type OpportunityQualification } from '../../../shared/qualification';
import { accountContactsParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { optionsFrom, type FormState } from '../../lib/forms';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { criterionField, SOMEONE_ELSE, type QualificationValues } from './qualificationForm';

const ANSWER_OPTIONS = optionsFrom(CRITERION_ANSWER_LABELS);
const LEVEL_OPTIONS = CHANGE_COMMITMENTS.map((level) => ({ value: level, label: CHANGE_COMMITMENT_LABELS[level] }));

/** The qualification form's fields: the checklist, the commitment to change and its evidence, the cost of inaction, the event. */
export function QualificationFields({ form, record, accountId }: { form: FormState<QualificationValues>; record: OpportunityQualification; accountId: string }) {
  const contacts = useRecordList('contacts', accountContactsParams(accountId), { limit: 200 });
  const contactOptions = (contacts.data?.pages ?? []).flatMap((p) => p.data).map((c) => ({ value: c.id, label: c.name }));
  const saidBy = record.changeSaidByContact;
  if (saidBy && !contactOptions.some((o) => o.value === saidBy.id)) contactOptions.unshift({ value: saidBy.id, label: saidBy.name });
  const whoOptions = [...contactOptions, { value: SOMEONE_ELSE, label: 'Someone else — type a name' }];
  const level = form.values.changeCommitment;

  return (
    <>
      <fieldset className="qualification-group">
        <legend>Sweet-spot fit</legend>
        {record.criteria.length === 0 ? <p className="muted small">This workspace has no sweet-spot criteria yet: an admin adds them in Settings.</p> : null}
        <div className="form-grid">
          {record.criteria.map((c) =>
            c.archived ? (
              <p key={c.criterionId} className="small muted span-2">
                {c.label} (archived): {CRITERION_ANSWER_LABELS[c.answer]}
              </p>
            ) : (
              <SelectField key={c.criterionId} label={c.label} required options={ANSWER_OPTIONS} {...form.field(criterionField(c.criterionId))} />
            ),
          )}
        </div>
      </fieldset>
      <fieldset className="qualification-group">
        <legend>Will they change?</legend>
        <SelectField
          label="Commitment to change"
          required
          options={LEVEL_OPTIONS}
          hint="Stated: the customer says they will change. Evidenced: they showed it — say what, who and when."
          {...form.field('changeCommitment')}
        />
        {level !== 'none' ? (
          <div className="form-grid">
            <TextAreaField
              className="span-2"
              label="Evidence"
              required={level === 'evidenced'}
              rows={3}
              hint="What the customer said or did, in their words where you can."
              {...form.field('changeEvidence')}
            />
            <SelectField label="Who said it" required={level === 'evidenced'} options={whoOptions} placeholder="Choose a contact" {...form.field('changeSaidByContactId')} />
            <TextField label="Said on" type="date" required={level === 'evidenced'} {...form.field('changeSaidOn')} />
            {form.values.changeSaidByContactId === SOMEONE_ELSE ? <TextField className="span-2" label="Name" required={level === 'evidenced'} autoComplete="off" placeholder="e.g. Dana Reyes, CFO" {...form.field('changeSaidByName')} /> : null}
          </div>
        ) : null}
      </fieldset>
      <fieldset className="qualification-group">
        <legend>Cost of inaction</legend>
        <div className="form-grid">
          <TextAreaField className="span-2" label="What not changing costs them" rows={3} {...form.field('costOfInaction')} />
          <TextField label={`Per month (${record.currency})`} inputMode="decimal" autoComplete="off" placeholder="12,500" {...form.field('costPerMonth')} />
        </div>
      </fieldset>
      <fieldset className="qualification-group">
        <legend>Compelling event</legend>
        <div className="form-grid">
          <TextField label="Event" autoComplete="off" maxLength={COMPELLING_EVENT_MAX} placeholder="e.g. New plant opens" {...form.field('compellingEvent')} />
          <TextField label="Event date" type="date" {...form.field('compellingEventDate')} />
        </div>
      </fieldset>
    </>
  );
}
