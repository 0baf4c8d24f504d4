import type { Insertable } from 'kysely';
import type { CompleteStepBody, CreateGoalBody, CreateGoalNoteBody, Goal, GoalNote, UpdateGoalBody } from '../../../shared/goals.js';
import { GOAL_PERIOD_TOO_LONG, goalPeriodTooLong } from '../../../shared/goals.js';
import { termsProblems, type GoalTerms, type Measure } from '../../../domain/goal-measures.js';
import { presetPeriod, type Period, type PeriodPreset } from '../../../domain/goal-period.js';
import { todayIn } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import { audit, type AuditInput } from '../../core/audit.js';
import type { GoalStepTable, GoalTable } from '../../core/db/schema.js';
import { AppError, conflict, forbidden, invalid, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { assertNotPast } from '../commitments/date-rules.js';
import { loadCalendar } from '../targets/calendar.js';
import { canEditTerms, canTakeSteps, SET_FOR_REFUSED, setsGoalsFor, STEPS_REFUSED, TERMS_REFUSED } from './access.js';
import { presentGoal, presentNote, readableGoal, zoneOf, type GoalRow } from './goals.queries.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/**
 * What goals and their one tiny next step. Every write is conditional on the goal's version (409
 * with the goal as it is now) and audited in the same transaction: the goal, each step and each
 * note. An active goal always has exactly one current step: the database refuses a second (a unique
 * index over current steps, migration 0122), and each write below that ends a step starts the next
 * one in the same transaction — creating a goal, completing a step, reopening a goal.
 *
 * The link to a why is never written into the goal's own history (which its manager reads): it is
 * recorded on the why ladder, whose history is its owner's alone.
 */

const PRIVATE_COLUMNS = new Set(['why_id']);
/** A goal's snapshot for its history, without the link to a private why. */
const shared = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !PRIVATE_COLUMNS.has(k)));

type Terms = Pick<GoalTable, 'kind' | 'measure' | 'measure_amount_minor' | 'measure_currency' | 'target_value' | 'target_amount_minor' | 'target_currency'>;

const money = (minor: number | string | null, currency: string | null) => (minor !== null && currency ? { amountMinor: Number(minor), currency } : null);

function termsOf(t: Terms): GoalTerms {
  return {
    kind: t.kind,
    measure: (t.measure as Measure | null) ?? null,
    targetValue: t.target_value === null ? null : Number(t.target_value),
    targetAmount: money(t.target_amount_minor, t.target_currency),
    measureAmount: money(t.measure_amount_minor, t.measure_currency),
  };
}

function assertTerms(t: Terms): void {
  const problems = termsProblems(termsOf(t));
  if (problems.length) throw new AppError('validation_failed', 'Some fields need attention.', problems);
}

/** Columns for the terms a body sends (undefined: not sent, kept as they are). */
function termColumns(input: Pick<UpdateGoalBody, 'measure' | 'measureAmount' | 'targetValue' | 'targetAmount'>): Partial<Terms> {
  const out: Partial<Terms> = {};
  if (input.measure !== undefined) out.measure = input.measure;
  if (input.measureAmount !== undefined) {
    out.measure_amount_minor = input.measureAmount?.amountMinor ?? null;
    out.measure_currency = input.measureAmount?.currency ?? null;
  }
  if (input.targetValue !== undefined) out.target_value = input.targetValue;
  if (input.targetAmount !== undefined) {
    out.target_amount_minor = input.targetAmount?.amountMinor ?? null;
    out.target_currency = input.targetAmount?.currency ?? null;
  }
  return out;
}

async function periodFrom(tx: Scope, input: { periodPreset?: PeriodPreset; periodStart?: string; periodEnd?: string }, timeZone: string, current?: Period): Promise<Period | null> {
  if (input.periodPreset) return presetPeriod(input.periodPreset, todayIn(timeZone, new Date()), (await loadCalendar(tx)).startMonth);
  if (input.periodStart === undefined && input.periodEnd === undefined) return null;
  const next = { start: input.periodStart ?? current?.start ?? '', end: input.periodEnd ?? current?.end ?? '' };
  const changed = input.periodEnd !== undefined ? 'periodEnd' : 'periodStart';
  if (next.start > next.end) throw invalid(changed, 'The last day comes on or after the first.');
  // One date sent alone is checked with the stored one, as both together are in the contract.
  if (goalPeriodTooLong(next.start, next.end)) throw invalid(changed, GOAL_PERIOD_TOO_LONG);
  return next;
}

/** A why the goal may link to: one of the owner's own, linked by the owner. Any other id reads as unknown (no hint it exists). */
async function assertOwnWhy(tx: Scope, ownerId: string, whyId: string): Promise<void> {
  const why = await tx.selectFrom('why_ladders').select('id').where('why_ladders.id', '=', whyId).where('why_ladders.owner_id', '=', ownerId).executeTakeFirst();
  if (!why) throw invalid('whyId', 'Choose one of your own whys.');
}

/** The why ladder's own (private) history records which goals it was linked to. */
function linkEvents(goalId: string, before: string | null, after: string | null): AuditInput[] {
  if (before === after) return [];
  const events: AuditInput[] = [];
  if (before) events.push({ entityType: 'why_ladder', entityId: before, action: 'update', before: { linked_goal_id: goalId }, after: { linked_goal_id: null } });
  if (after) events.push({ entityType: 'why_ladder', entityId: after, action: 'update', before: { linked_goal_id: null }, after: { linked_goal_id: goalId } });
  return events;
}

async function nextPosition(tx: Scope, goalId: string): Promise<number> {
  const last = await tx.selectFrom('goal_steps').select('position').where('goal_steps.goal_id', '=', goalId).orderBy('position', 'desc').limit(1).executeTakeFirst();
  return last ? last.position + 1 : 0;
}

async function startStep(tx: Scope, goalId: string, text: string, now: string): Promise<AuditInput> {
  const step: Insertable<Omit<GoalStepTable, 'workspace_id'>> = { id: newId(), goal_id: goalId, position: await nextPosition(tx, goalId), text, status: 'current', lesson: null, done_at: null, done_on: null, closed_at: null, created_at: now };
  await tx.insert('goal_steps', step);
  return { entityType: 'goal_step', entityId: step.id, action: 'create', before: null, after: { goal_id: goalId, position: step.position, text, status: 'current' } };
}

const currentStepOf = (tx: Scope, goalId: string) => tx.selectFrom('goal_steps').selectAll('goal_steps').where('goal_steps.goal_id', '=', goalId).where('goal_steps.status', '=', 'current').executeTakeFirst();

function checkVersion(version: number | undefined): number {
  if (version === undefined) throw invalid('version', 'Send the version you read (the "version" field or an If-Match header).');
  return version;
}

export async function createGoal({ scope, actor, input }: Op<{ input: CreateGoalBody }>): Promise<Goal> {
  return scope.transaction(async (tx) => {
    const ownerId = input.ownerId ?? actor.id;
    const owner = await tx
      .selectFrom('users')
      .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
      .select(['users.id', 'users.name', 'users.team_id', 'users.status', 'users.time_zone', 'ws.default_time_zone'])
      .where('users.id', '=', ownerId)
      .executeTakeFirst();
    if (!owner) throw invalid('ownerId', 'Choose a person of this workspace.');
    if (owner.id !== actor.id) {
      if (!setsGoalsFor(actor, owner)) throw forbidden(SET_FOR_REFUSED);
      if (input.kind !== 'outcome') {
        throw ruleViolation(`Managers set outcome goals — quotas — for their reps; process and learning goals are ${owner.name}’s own to set.`, [{ path: 'kind', message: 'Choose an outcome goal.' }]);
      }
      if (input.whyId) throw invalid('whyId', 'Only its owner links a goal to their why.');
    }
    if (owner.status !== 'active') throw ruleViolation(`${owner.name} is deactivated: no new goals can be set for them.`);
    const timeZone = owner.time_zone ?? owner.default_time_zone;
    const period = (await periodFrom(tx, input, timeZone)) as Period;
    assertNotPast('periodEnd', period.end, timeZone);
    if (input.whyId) await assertOwnWhy(tx, owner.id, input.whyId);
    const now = nowIso();
    const row: Omit<GoalTable, 'workspace_id'> = {
      id: newId(),
      owner_id: owner.id,
      set_by_id: actor.id,
      kind: input.kind,
      title: input.title,
      period_start: period.start,
      period_end: period.end,
      measure: null,
      measure_amount_minor: null,
      measure_currency: null,
      target_value: null,
      target_amount_minor: null,
      target_currency: null,
      ...termColumns(input),
      why_id: input.whyId ?? null,
      stretch: input.stretch ? 1 : 0,
      status: 'active',
      closed_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('goals', row);
    const step = await startStep(tx, row.id, input.firstStep, now);
    await audit(tx, actor, [{ entityType: 'goal', entityId: row.id, action: 'create', before: null, after: shared(row) }, step, ...linkEvents(row.id, null, row.why_id)]);
    return presentGoal(tx, actor, await readableGoal(tx, actor, row.id));
  });
}

/** Which parts of the body need which right (the service checks; the route let in whoever reads the goal). */
const TERM_FIELDS = ['kind', 'title', 'periodPreset', 'periodStart', 'periodEnd', 'measure', 'measureAmount', 'targetValue', 'targetAmount', 'stretch'] as const;
const OWNER_FIELDS = ['whyId', 'status', 'currentStep'] as const;

export async function updateGoal({ scope, actor, id, input, version }: Op<{ id: string; input: Omit<UpdateGoalBody, 'version'>; version: number | undefined }>): Promise<Goal> {
  return scope.transaction(async (tx) => {
    const current = await readableGoal(tx, actor, id);
    const present = async () => presentGoal(tx, actor, await readableGoal(tx, actor, id));
    if (TERM_FIELDS.some((f) => input[f] !== undefined) && !canEditTerms(actor, current)) throw forbidden(TERMS_REFUSED);
    if (OWNER_FIELDS.some((f) => input[f] !== undefined) && !canTakeSteps(actor, current)) throw forbidden(STEPS_REFUSED);
    if (checkVersion(version) !== current.version) throw conflict(await present());
    const timeZone = zoneOf(current);
    const now = nowIso();

    const patch: Partial<GoalTable> = { ...termColumns(input) };
    if (input.kind !== undefined) {
      if (input.kind !== 'outcome' && current.set_by_id !== current.owner_id) throw ruleViolation('A goal set for someone else stays an outcome goal.', [{ path: 'kind', message: 'Keep it an outcome goal.' }]);
      patch.kind = input.kind;
    }
    if (input.title !== undefined) patch.title = input.title;
    if (input.stretch !== undefined) patch.stretch = input.stretch ? 1 : 0;
    const period = await periodFrom(tx, input, timeZone, { start: current.period_start, end: current.period_end });
    if (period) {
      if (period.end !== current.period_end) assertNotPast('periodEnd', period.end, timeZone);
      patch.period_start = period.start;
      patch.period_end = period.end;
    }
    assertTerms({ ...current, ...patch });
    if (input.whyId !== undefined && input.whyId !== null) await assertOwnWhy(tx, current.owner_id, input.whyId);
    if (input.whyId !== undefined) patch.why_id = input.whyId;

    // Closing and reopening, and the current step.
    const events: AuditInput[] = [];
    const status = input.status ?? current.status;
    const step = await currentStepOf(tx, id);
    const stepWork: (() => Promise<void>)[] = [];
    if (status !== current.status) {
      patch.status = status;
      if (status === 'active') {
        if (!input.currentStep) throw ruleViolation('Say the tiny next step this goal starts again with.', [{ path: 'currentStep', message: 'What is the next tiny step? Something you can do today.' }]);
        patch.closed_at = null;
        if (period === null) assertNotPast('periodEnd', current.period_end, timeZone);
        stepWork.push(async () => void events.push(await startStep(tx, id, input.currentStep as string, now)));
      } else {
        if (current.status === 'active' && input.currentStep !== undefined) throw invalid('currentStep', 'A goal that is closed has no next step.');
        patch.closed_at = current.closed_at ?? now;
        if (step) {
          stepWork.push(async () => {
            await tx.updateTable('goal_steps').set({ status: 'set_aside', closed_at: now }).where('goal_steps.id', '=', step.id).execute();
            events.push({ entityType: 'goal_step', entityId: step.id, action: 'update', before: { status: 'current' }, after: { status: 'set_aside' } });
          });
        }
      }
    } else if (input.currentStep !== undefined) {
      if (current.status !== 'active' || !step) throw ruleViolation('This goal is closed: reopen it with its next step.', [{ path: 'currentStep', message: 'Reopen the goal to give it a next step.' }]);
      if (input.currentStep !== step.text) {
        stepWork.push(async () => {
          await tx.updateTable('goal_steps').set({ text: input.currentStep as string }).where('goal_steps.id', '=', step.id).execute();
          events.push({ entityType: 'goal_step', entityId: step.id, action: 'update', before: { text: step.text }, after: { text: input.currentStep } });
        });
      }
    }

    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && (current as Record<string, unknown>)[k] !== v));
    if (Object.keys(changed).length === 0 && stepWork.length === 0) return present();
    if (!(await updateAtVersion(tx, 'goals', id, current.version, changed))) throw conflict(await present());
    // The step set aside first: the database holds one current step per goal at every moment.
    for (const work of stepWork) await work();
    const before = shared(Object.fromEntries(Object.keys(changed).map((k) => [k, (current as Record<string, unknown>)[k]])));
    const after = shared(changed);
    const goalEvent: AuditInput[] = Object.keys(after).length ? [{ entityType: 'goal', entityId: id, action: 'update', before, after }] : [];
    await audit(tx, actor, [...goalEvent, ...events, ...linkEvents(id, current.why_id, (changed.why_id as string | null | undefined) === undefined ? current.why_id : (changed.why_id as string | null))]);
    return present();
  });
}

/**
 * Completes the current step with what was learned, and starts the next one — or closes the goal
 * as done with this step — in one transaction: the goal is never without its one next step.
 */
export async function completeStep({ scope, actor, id, input, version }: Op<{ id: string; input: Omit<CompleteStepBody, 'version'>; version: number | undefined }>): Promise<Goal> {
  return scope.transaction(async (tx) => {
    const current = await readableGoal(tx, actor, id);
    const present = async () => presentGoal(tx, actor, await readableGoal(tx, actor, id));
    if (!canTakeSteps(actor, current)) throw forbidden(STEPS_REFUSED);
    if (checkVersion(version) !== current.version) throw conflict(await present());
    if (current.status !== 'active') throw ruleViolation('This goal is closed: reopen it with its next step to carry on.');
    const now = nowIso();
    const patch: Partial<GoalTable> = input.goalDone ? { status: 'done', closed_at: now } : {};
    if (!(await updateAtVersion(tx, 'goals', id, current.version, patch))) throw conflict(await present());
    const step = await currentStepOf(tx, id);
    const events: AuditInput[] = [];
    if (step) {
      const doneOn = todayIn(zoneOf(current), new Date(now));
      await tx.updateTable('goal_steps').set({ status: 'done', lesson: input.lesson, done_at: now, done_on: doneOn }).where('goal_steps.id', '=', step.id).execute();
      events.push({ entityType: 'goal_step', entityId: step.id, action: 'complete', before: { status: 'current' }, after: { status: 'done', lesson: input.lesson, done_on: doneOn } });
    }
    if (input.nextStep) events.push(await startStep(tx, id, input.nextStep, now));
    if (input.goalDone) events.push({ entityType: 'goal', entityId: id, action: 'update', before: { status: 'active' }, after: { status: 'done' } });
    await audit(tx, actor, events);
    return present();
  });
}

export async function addNote({ scope, actor, id, input }: Op<{ id: string; input: CreateGoalNoteBody }>): Promise<GoalNote> {
  return scope.transaction(async (tx) => {
    const goal: GoalRow = await readableGoal(tx, actor, id);
    if (!canTakeSteps(actor, goal)) throw forbidden(STEPS_REFUSED);
    const note = { id: newId(), goal_id: id, author_id: actor.id, body: input.body, created_at: nowIso() };
    await tx.insert('goal_notes', note);
    await audit(tx, actor, { entityType: 'goal_note', entityId: note.id, action: 'create', before: null, after: { goal_id: id, body: input.body } });
    return presentNote({ ...note, workspace_id: tx.workspaceId }, actor.name);
  });
}
