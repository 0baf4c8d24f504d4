import { minorToDecimal, parseAmount, readAmount } from '../../../shared/money';
import { CHANGE_COMMITMENT_LABELS, CRITERION_ANSWER_LABELS, type ChangeCommitment, type CriterionAnswer, type OpportunityQualification } from '../../../shared/qualification';
import { formatDate, formatMoney } from '../../lib/format';
import { orNull, type FieldErrors } from '../../lib/forms';
import type { FormSpec } from '../records/versionedForm';

/** The "who said it" choice that is not a contact: a name typed instead. */
export const SOMEONE_ELSE = 'someone-else';

/** One form field per criterion, named by its id. */
export const criterionField = (criterionId: string) => `criterion:${criterionId}`;

type Fixed = {
  changeCommitment: string;
  changeEvidence: string;
  changeSaidByContactId: string;
  changeSaidByName: string;
  changeSaidOn: string;
  costOfInaction: string;
  costPerMonth: string;
  compellingEvent: string;
  compellingEventDate: string;
};
export type QualificationValues = Fixed & Record<string, string>;

const FIXED_LABELS: Record<keyof Fixed, string> = {
  changeCommitment: 'Commitment to change',
  changeEvidence: 'Evidence',
  changeSaidByContactId: 'Who said it',
  changeSaidByName: 'Name',
  changeSaidOn: 'Said on',
  costOfInaction: 'Cost of inaction',
  costPerMonth: 'Per month',
  compellingEvent: 'Compelling event',
  compellingEventDate: 'Event date',
};

/** What an evidenced commitment asks for, in the words the server uses too. */
export const EVIDENCE_NEEDED = {
  changeEvidence: 'An evidenced commitment needs the evidence: what the customer said or did that shows they will change.',
  changeSaidByContactId: 'Say who said it: a contact at the account, or type a name.',
  changeSaidByName: 'Type who said it.',
  changeSaidOn: 'Say on which day it was said.',
};

const whoSaidIt = (q: OpportunityQualification) => q.changeSaidByContact?.name ?? q.changeSaidByName ?? '';

/**
 * The qualification form of one deal: the checklist has one field per criterion the deal shows,
 * so the spec is made for the record (its criteria and currency).
 */
export function qualificationSpec(record: OpportunityQualification): FormSpec<OpportunityQualification, QualificationValues> {
  const { currency } = record;
  const criteria = record.criteria;
  return {
    toValues: (q) => ({
      ...Object.fromEntries(criteria.map((c) => [criterionField(c.criterionId), q.criteria.find((x) => x.criterionId === c.criterionId)?.answer ?? 'unknown'])),
      changeCommitment: q.changeCommitment,
      changeEvidence: q.changeEvidence ?? '',
      changeSaidByContactId: q.changeSaidByContact?.id ?? (q.changeSaidByName ? SOMEONE_ELSE : ''),
      changeSaidByName: q.changeSaidByName ?? '',
      changeSaidOn: q.changeSaidOn ?? '',
      costOfInaction: q.costOfInaction ?? '',
      costPerMonth: q.costPerMonth ? minorToDecimal(q.costPerMonth.amountMinor, currency) : '',
      compellingEvent: q.compellingEvent ?? '',
      compellingEventDate: q.compellingEventDate ?? '',
    }),
    toBody: (v) => {
      const contact = v.changeSaidByContactId && v.changeSaidByContactId !== SOMEONE_ELSE ? v.changeSaidByContactId : null;
      return {
        criteria: criteria.map((c) => ({ criterionId: c.criterionId, answer: (v[criterionField(c.criterionId)] || 'unknown') as CriterionAnswer })),
        changeCommitment: v.changeCommitment as ChangeCommitment,
        changeEvidence: orNull(v.changeEvidence),
        changeSaidByContactId: contact,
        changeSaidByName: v.changeSaidByContactId === SOMEONE_ELSE ? orNull(v.changeSaidByName) : null,
        changeSaidOn: v.changeSaidOn || null,
        costOfInaction: orNull(v.costOfInaction),
        costPerMonth: v.costPerMonth.trim() ? { amountMinor: parseAmount(v.costPerMonth, currency) ?? 0, currency } : null,
        compellingEvent: orNull(v.compellingEvent),
        compellingEventDate: v.compellingEventDate || null,
      };
    },
    precheck: (v) => {
      const errors: FieldErrors<string> = {};
      if (v.costPerMonth.trim() && !readAmount(v.costPerMonth, currency).ok) errors.costPerMonth = `Enter an amount per month in ${currency}, such as 12,500.`;
      if (v.compellingEventDate && !v.compellingEvent.trim()) errors.compellingEvent = 'Say what the event is: what happens on that date.';
      if (v.changeCommitment === 'evidenced') {
        if (!v.changeEvidence.trim()) errors.changeEvidence = EVIDENCE_NEEDED.changeEvidence;
        if (v.changeSaidByContactId === SOMEONE_ELSE && !v.changeSaidByName.trim()) errors.changeSaidByName = EVIDENCE_NEEDED.changeSaidByName;
        else if (!v.changeSaidByContactId) errors.changeSaidByContactId = EVIDENCE_NEEDED.changeSaidByContactId;
        if (!v.changeSaidOn) errors.changeSaidOn = EVIDENCE_NEEDED.changeSaidOn;
      }
      return errors;
    },
    fields: [...criteria.map((c) => criterionField(c.criterionId)), ...(Object.keys(FIXED_LABELS) as (keyof Fixed)[])],
    aliases: {
      'costPerMonth.amountMinor': 'costPerMonth',
      'costPerMonth.currency': 'costPerMonth',
      ...Object.fromEntries(criteria.flatMap((c, i) => [`criteria.${i}.criterionId`, `criteria.${i}.answer`].map((path) => [path, criterionField(c.criterionId)]))),
    },
    labels: { ...Object.fromEntries(criteria.map((c) => [criterionField(c.criterionId), c.label])), ...FIXED_LABELS },
    display: (q) => ({
      ...Object.fromEntries(q.criteria.map((c) => [criterionField(c.criterionId), CRITERION_ANSWER_LABELS[c.answer]])),
      changeCommitment: CHANGE_COMMITMENT_LABELS[q.changeCommitment],
      changeEvidence: q.changeEvidence ?? '',
      changeSaidByContactId: whoSaidIt(q),
      changeSaidByName: q.changeSaidByName ?? '',
      changeSaidOn: q.changeSaidOn ? formatDate(q.changeSaidOn) : '',
      costOfInaction: q.costOfInaction ?? '',
      costPerMonth: q.costPerMonth ? formatMoney(q.costPerMonth) : '',
      compellingEvent: q.compellingEvent ?? '',
      compellingEventDate: q.compellingEventDate ? formatDate(q.compellingEventDate) : '',
    }),
  };
}
