import { planEvent } from '../webhooks/events.js';
import type { CreatedPlan, CreatePlanBody, Plan, UpdatePlanBody } from '../../../shared/plans.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { duplicate, forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { canEditOwned } from '../../core/policies.js';
import { assertVersionRead, columnsOf, writeVersioned } from '../../core/records.js';
import { isUniqueViolation } from '../../core/unique.js';
import { dbKind } from '../../core/db/connect.js';
import type { Scope } from '../../core/scope.js';
import { assertPlanOpen, editablePlan, isClosed, touchPlan } from './access.js';
import { assertNewDatesNotPast } from '../commitments/date-rules.js';
import { findPlan } from './queries.js';
import { judgeCustomerWord } from '../commitments/customer-word.js';
import { moveOpenCommitmentsToRule } from '../commitments/zones.js';
import { createPlanFromTemplate } from '../templates/templates.service.js';
import { searchTextOf } from '../../../domain/search-text.js';

export type Op<T> = { scope: Scope; actor: Actor } & T;

export async function presentPlan(scope: Scope, actor: Actor, id: string): Promise<Plan> {
  const plan = await findPlan(scope, actor, { id });
  if (!plan) throw notFound('Plan');
  return plan;
}

/** The opportunity a new plan is for; only someone who may edit the deal may plan it. */
export async function opportunityForPlan(scope: Scope, actor: Actor, opportunityId: string) {
  const opp = await scope
    .selectFrom('opportunities')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .innerJoin('workspaces as ws', 'ws.id', 'opportunities.workspace_id')
    .select(['opportunities.id', 'opportunities.owner_id', 'opportunities.archived_at', 'owner.team_id', 'owner.time_zone as owner_time_zone', 'ws.default_time_zone'])
    .where('opportunities.id', '=', opportunityId)
    .executeTakeFirst();
  if (!opp) throw notFound('Opportunity');
  if (!canEditOwned(actor, { id: opp.owner_id, teamId: opp.team_id })) {
    throw forbidden('Only the opportunity’s owner, their manager or an admin can plan it.');
  }
  if (opp.archived_at) throw ruleViolation('This opportunity is archived. Restore it before planning it.');
  const existing = await scope.selectFrom('plans').select('id').where('plans.opportunity_id', '=', opportunityId).executeTakeFirst();
  if (existing) throw duplicate('opportunityId', 'This opportunity already has a plan.');
  return opp;
}

function assertDateOrder(start: string | null | undefined, target: string | undefined): void {
  if (start && target && start > target) throw invalid('startDate', 'The start date must be on or before the target date.');
}

type NewPlan = Omit<CreatePlanBody, 'title' | 'targetDate' | 'templateId'> & { title: string; targetDate: string };

/** Inserts the plan row and its audit event; returns the new id. */
export async function insertPlan(tx: Scope, actor: Actor, opportunityId: string, defaultTimeZone: string, input: NewPlan): Promise<string> {
  assertDateOrder(input.startDate, input.targetDate);
  const now = nowIso();
  const row = {
    id: newId(),
    opportunity_id: opportunityId,
    title: input.title,
    agreed_outcome: input.agreedOutcome ?? null,
    why_it_matters: input.whyItMatters ?? null,
    cost_of_inaction: input.costOfInaction ?? null,
    start_date: input.startDate ?? null,
    target_date: input.targetDate,
    status: input.status ?? 'draft',
    customer_time_zone: input.customerTimeZone ?? defaultTimeZone,
    version: 1,
    last_activity_at: now,
    created_at: now,
    updated_at: now,
  };
  await tx.insert('plans', { ...row, search_text: searchTextOf.plan(row) });
  await audit(tx, actor, { entityType: 'plan', entityId: row.id, action: 'create', before: null, after: row });
  await planEvent(tx, 'plan.created', row.id, row.id, { by: { id: actor.id, name: actor.name } });
  return row.id;
}

export async function createPlan({ scope, actor, opportunityId, input }: Op<{ opportunityId: string; input: CreatePlanBody }>): Promise<CreatedPlan> {
  try {
    return await insertNewPlan({ scope, actor, opportunityId, input });
  } catch (err) {
    // Two requests for one deal (a double click) raced past the check on PostgreSQL: the unique index keeps one.
    if (isUniqueViolation(err)) throw duplicate('opportunityId', 'This opportunity already has a plan.');
    throw err;
  }
}

async function insertNewPlan({ scope, actor, opportunityId, input }: Op<{ opportunityId: string; input: CreatePlanBody }>): Promise<CreatedPlan> {
  return scope.transaction(async (tx) => {
    const opp = await opportunityForPlan(tx, actor, opportunityId);
    const { templateId, ...fields } = input;
    // A plan's start and target dates are today or later for the person setting them.
    assertNewDatesNotPast(actor.timeZone, { startDate: fields.startDate, targetDate: fields.targetDate });
    if (templateId) {
      const ownerTimeZone = opp.owner_time_zone ?? opp.default_time_zone;
      const made = await createPlanFromTemplate(tx, actor, { opportunityId: opp.id, ownerId: opp.owner_id, ownerTimeZone, defaultTimeZone: opp.default_time_zone, templateId, fields });
      return { ...(await presentPlan(tx, actor, made.planId)), dateAdjustments: made.adjustments };
    }
    // The body's own rule makes title and target date present without a template.
    const id = await insertPlan(tx, actor, opp.id, opp.default_time_zone, { ...fields, title: fields.title ?? '', targetDate: fields.targetDate ?? '' });
    return { ...(await presentPlan(tx, actor, id)), dateAdjustments: [] };
  });
}

export async function updatePlan({ scope, actor, id, input, version }: Op<{ id: string; input: UpdatePlanBody; version?: number }>): Promise<Plan> {
  return scope.transaction(async (tx) => {
    await editablePlan(tx, actor, id);
    const current = await tx.selectFrom('plans').selectAll('plans').where('plans.id', '=', id).executeTakeFirstOrThrow();
    assertPlanOpen(current);
    assertNewDatesNotPast(actor.timeZone, { startDate: input.startDate, targetDate: input.targetDate }, { startDate: current.start_date, targetDate: current.target_date });
    assertDateOrder(input.startDate !== undefined ? input.startDate : current.start_date, input.targetDate ?? current.target_date);
    // A new customer zone moves the plan's open customer-side commitments: lock them first.
    if (input.customerTimeZone !== undefined && input.customerTimeZone !== current.customer_time_zone) await lockOpenCustomerCommitments(tx, id);
    const patch = columnsOf(input, {
      title: 'title',
      agreedOutcome: 'agreed_outcome',
      whyItMatters: 'why_it_matters',
      costOfInaction: 'cost_of_inaction',
      startDate: 'start_date',
      targetDate: 'target_date',
      status: 'status',
      customerTimeZone: 'customer_time_zone',
    });
    const plan = await writeVersioned({
      scope: tx,
      actor,
      table: 'plans',
      entityType: 'plan',
      action: 'update',
      current,
      expectedVersion: version,
      patch,
      derive: (next) => ({ search_text: searchTextOf.plan(next) }),
      present: () => presentPlan(tx, actor, id),
    });
    if (plan.version === current.version) return plan;
    await touchPlan(tx, id);
    // Abandoning drops the open commitments from reliability; the customer's zone moves their days.
    if (patch.customer_time_zone !== undefined) await moveOpenCommitmentsToRule(tx, { planId: id });
    if (patch.status !== undefined || patch.customer_time_zone !== undefined) await judgeCustomerWord(tx, { planIds: [id] });
    return presentPlan(tx, actor, id);
  });
}

/**
 * On PostgreSQL, locks the plan's open customer-side commitments in id order, before the plan's row:
 * the order every writer on a plan takes its locks in (commitments, then the plan). A customer ticking
 * one of them (commitment, then plan) then waits for the new zone instead of deadlocking with it.
 */
async function lockOpenCustomerCommitments(tx: Scope, planId: string): Promise<void> {
  if (dbKind(tx.db) !== 'postgres') return;
  await tx
    .selectFrom('commitments')
    .select('commitments.id')
    .where('commitments.subject_kind', '=', 'plan')
    .where('commitments.subject_id', '=', planId)
    .where('commitments.side', '=', 'customer')
    .where('commitments.status', '=', 'open')
    .orderBy('commitments.id')
    .forNoKeyUpdate()
    .execute();
}

/**
 * Reopens a completed or abandoned plan: an explicit act, from the version the person saw, audited
 * like any change of the plan (status before and after). Its commitments can change again.
 */
export async function reopenPlan({ scope, actor, id, version }: Op<{ id: string; version?: number }>): Promise<Plan> {
  return scope.transaction(async (tx) => {
    await editablePlan(tx, actor, id);
    const current = await tx.selectFrom('plans').selectAll('plans').where('plans.id', '=', id).executeTakeFirstOrThrow();
    // The version first: a plan someone else reopened meanwhile is a conflict showing it, not a rule.
    await assertVersionRead(current, version, () => presentPlan(tx, actor, id));
    if (!isClosed(current.status)) throw ruleViolation('This plan is not closed: only a completed or abandoned plan can be reopened.');
    await writeVersioned({
      scope: tx,
      actor,
      table: 'plans',
      entityType: 'plan',
      action: 'update',
      current,
      expectedVersion: version,
      patch: { status: 'active' as const },
      present: () => presentPlan(tx, actor, id),
    });
    await touchPlan(tx, id);
    await judgeCustomerWord(tx, { planIds: [id] });
    return presentPlan(tx, actor, id);
  });
}
