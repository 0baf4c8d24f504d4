import { describe, expect, it } from 'vitest';
import { CreateGoalBody, type Goal } from '../../../shared/goals';
import { changedBody } from '../records/versionedForm';
import { editGoalSpec } from './editGoalForm';
import { check } from '../../lib/forms';
import { emptyGoal, GOAL_ALIASES, GOAL_FIELDS, goalBody, goalPrecheck } from './goalForm';

const me = '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d55';

describe('the new-goal form', () => {
  it('sends a process goal with a rate target in percent', () => {
    const body = goalBody({ ...emptyGoal(me, 'USD'), title: 'Plan every call', measure: 'advance_rate', target: '60 %', stretch: 'true', firstStep: 'Plan tomorrow’s call' }, me);
    expect(body).toMatchObject({ kind: 'process', periodPreset: 'this_quarter', measure: 'advance_rate', targetValue: 60, targetAmount: null, stretch: true, ownerId: undefined });
    expect(CreateGoalBody.safeParse(body).success).toBe(true);
  });

  it('sends revenue as an amount in its currency, and custom dates instead of a preset', () => {
    const body = goalBody({ ...emptyGoal(me, 'EUR'), kind: 'outcome', title: 'Q3', period: 'custom', periodStart: '2026-07-01', periodEnd: '2026-09-30', measure: 'revenue_won', target: '250,000', firstStep: 'List the deals' }, me);
    expect(body).toMatchObject({ periodPreset: undefined, periodStart: '2026-07-01', periodEnd: '2026-09-30', targetAmount: { amountMinor: 25_000_000, currency: 'EUR' }, targetValue: null });
  });

  it('puts the contract’s messages beside the fields that caused them', () => {
    const body = goalBody({ ...emptyGoal(me, 'USD'), kind: 'learning', measure: 'advance_rate', title: '', firstStep: '' }, me);
    const result = check(CreateGoalBody, body, GOAL_FIELDS, GOAL_ALIASES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors).sort()).toEqual(['firstStep', 'measure', 'title']);
    expect(goalPrecheck({ ...emptyGoal(me, 'USD'), measure: 'advance_rate', target: 'lots' })).toEqual({ target: 'Enter a percentage, such as 60.' });
    const noAmount = check(CreateGoalBody, goalBody({ ...emptyGoal(me, 'USD'), title: 'Plans', firstStep: 'x', measure: 'deals_with_mutual_plan' }, me), GOAL_FIELDS, GOAL_ALIASES);
    if (!noAmount.ok) expect(noAmount.fieldErrors.measureAmount).toBe('Say from which amount an open deal counts.');
    expect(noAmount.ok).toBe(false);
  });
});

describe('the edit-goal form', () => {
  const goal = {
    id: me,
    owner: { id: me, name: 'Ana' },
    setBy: { id: me, name: 'Maya' },
    kind: 'outcome',
    title: 'Q2 quota',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    measure: 'revenue_won',
    measureAmount: null,
    targetValue: null,
    targetAmount: { amountMinor: 10_000_000, currency: 'USD' },
    stretch: false,
    status: 'active',
    why: null,
    currentStep: { id: me, text: 'List the deals', status: 'current', lesson: null, createdAt: '', doneAt: null, doneOn: null },
    stepsDone: 0,
    measurement: { period: 'current', reading: null, progress: null },
    closedAt: null,
    version: 3,
    createdAt: '',
    updatedAt: '',
    permissions: { canEditTerms: true, canTakeSteps: false },
    steps: [],
    notes: [],
  } as unknown as Goal;

  it('sends only what changed, and only what this person may change', () => {
    const spec = editGoalSpec(goal);
    const values = { ...spec.toValues(goal), target: '120,000', currentStep: 'Something else' };
    expect(changedBody(spec, goal, values)).toEqual({ targetAmount: { amountMinor: 12_000_000, currency: 'USD' } });
    const asOwner = { ...goal, permissions: { canEditTerms: false, canTakeSteps: true } } as Goal;
    const ownerSpec = editGoalSpec(asOwner);
    expect(changedBody(ownerSpec, asOwner, { ...ownerSpec.toValues(asOwner), title: 'Mine', currentStep: 'List the two biggest deals' })).toEqual({ currentStep: 'List the two biggest deals' });
  });
});
