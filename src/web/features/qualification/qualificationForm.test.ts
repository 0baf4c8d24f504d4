import { describe, expect, it } from 'vitest';
import type { OpportunityQualification } from '../../../shared/qualification';
import { changedBody } from '../records/versionedForm';
import { criterionField, qualificationSpec, SOMEONE_ELSE } from './qualificationForm';

const BUDGET = '01a00000-0000-7000-8000-000000000001';
const SAP = '01a00000-0000-7000-8000-000000000002';
const CARLA = '01a00000-0000-7000-8000-000000000003';

const record: OpportunityQualification = {
  id: '01a00000-0000-7000-8000-000000000009',
  version: 4,
  currency: 'EUR',
  criteria: [
    { criterionId: BUDGET, label: 'Has a budget', archived: false, answer: 'met' },
    { criterionId: SAP, label: 'Runs SAP', archived: false, answer: 'unknown' },
  ],
  changeCommitment: 'stated',
  changeEvidence: 'Said so on the call',
  changeSaidByContact: { id: CARLA, name: 'Carla' },
  changeSaidByName: null,
  changeSaidOn: null,
  costOfInaction: null,
  costPerMonth: { amountMinor: 800_000, currency: 'EUR' },
  compellingEvent: null,
  compellingEventDate: null,
  stageGate: null,
  permissions: { canEdit: true },
};

const spec = qualificationSpec(record);

describe('the qualification form', () => {
  it('sends only what changed: the whole checklist when one answer moved, and the cost per month in minor units', () => {
    const values = { ...spec.toValues(record), [criterionField(SAP)]: 'not_met', costPerMonth: '9,500' };
    expect(changedBody(spec, record, values)).toEqual({
      criteria: [
        { criterionId: BUDGET, answer: 'met' },
        { criterionId: SAP, answer: 'not_met' },
      ],
      costPerMonth: { amountMinor: 950_000, currency: 'EUR' },
    });
    expect(changedBody(spec, record, spec.toValues(record))).toEqual({});
  });

  it('switching who said it to a typed name sends the name and lets the contact go', () => {
    const values = { ...spec.toValues(record), changeSaidByContactId: SOMEONE_ELSE, changeSaidByName: ' Dana, CFO ' };
    expect(changedBody(spec, record, values)).toEqual({ changeSaidByContactId: null, changeSaidByName: 'Dana, CFO' });
  });

  it('asks an evidenced commitment for the evidence, who and when before sending anything', () => {
    const values = { ...spec.toValues(record), changeCommitment: 'evidenced', changeEvidence: ' ', changeSaidByContactId: SOMEONE_ELSE };
    expect(Object.keys(spec.precheck!(values)).sort()).toEqual(['changeEvidence', 'changeSaidByName', 'changeSaidOn']);
    expect(spec.precheck!({ ...values, changeEvidence: 'Budget signed', changeSaidByContactId: CARLA, changeSaidOn: '2026-06-01' })).toEqual({});
  });

  it('places the server’s errors on the criterion, the amount and the who', () => {
    expect(spec.aliases).toMatchObject({ 'criteria.1.answer': criterionField(SAP), 'costPerMonth.currency': 'costPerMonth' });
    expect(spec.fields).toContain('changeSaidByContactId');
  });
});
