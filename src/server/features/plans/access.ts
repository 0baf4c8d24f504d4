import type { Actor } from '../../core/actor.js';
import { forbidden, notFound, planClosed } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope, ScopedTable } from '../../core/scope.js';
import { scoped } from '../../core/db/prepared.js';
import type { CommitmentTable, PlanTable } from '../../core/db/schema.js';

/**
 * Who may do what on a plan. Everyone in the workspace reads every plan. Edit rights follow the
 * opportunity's owner (the owner, their manager, an admin); the seller-side owner of a commitment may
 * also tick it off and re-date it, since it is their word that is on the line.
 */
export type PlanAccess = {
  planId: string;
  opportunityId: string;
  ownerId: string;
  ownerTeamId: string | null;
  customerTimeZone: string;
  status: PlanTable['status'];
  canEdit: boolean;
};

export function selectPlanAccess(scope: Scope) {
  return scope
    .selectFrom('plans')
    .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
    .innerJoin('users as owner', 'owner.id', 'opp.owner_id')
    .select(['plans.id', 'plans.opportunity_id', 'plans.customer_time_zone', 'plans.status', 'opp.owner_id', 'owner.team_id as owner_team_id']);
}

/** A plan's access row by id: every write to a plan and what is on it reads it. */
export const planAccessRow = scoped((scope, p: { id: string }) => selectPlanAccess(scope).where('plans.id', '=', p.id));

type AccessRow = { id: string; opportunity_id: string; customer_time_zone: string; status: PlanTable['status']; owner_id: string; owner_team_id: string | null };

export function toAccess(row: AccessRow, actor: Actor | null): PlanAccess {
  return {
    planId: row.id,
    opportunityId: row.opportunity_id,
    ownerId: row.owner_id,
    ownerTeamId: row.owner_team_id,
    customerTimeZone: row.customer_time_zone,
    status: row.status,
    canEdit: actor !== null && canEditOwned(actor, { id: row.owner_id, teamId: row.owner_team_id }),
  };
}

export async function planAccess(scope: Scope, actor: Actor, planId: string): Promise<PlanAccess> {
  const row = await planAccessRow.first(scope, { id: planId });
  if (!row) throw notFound('Plan');
  return toAccess(row, actor);
}

/** The plan's access, refusing a person who may not change it. */
export async function editablePlan(scope: Scope, actor: Actor, planId: string): Promise<PlanAccess> {
  const access = await planAccess(scope, actor, planId);
  if (!access.canEdit) throw forbidden('Only the opportunity’s owner, their manager or an admin can change this plan.');
  return access;
}

/**
 * Completed and abandoned plans are closed: every write to what is on them — milestones,
 * commitments, dates, comments, layout, and the customer's writes through a share link — answers
 * 409 plan_closed until someone reopens the plan (POST /plans/{id}/reopen, audited).
 */
export function isClosed(status: PlanTable['status']): status is 'completed' | 'abandoned' {
  return status === 'completed' || status === 'abandoned';
}

export function assertPlanOpen(plan: { status: PlanTable['status'] }): void {
  if (isClosed(plan.status)) throw planClosed(plan.status);
}

/** The plan's access for a change to what is on it: allowed for this person, and the plan not closed. */
export async function writablePlan(scope: Scope, actor: Actor, planId: string): Promise<PlanAccess> {
  const access = await editablePlan(scope, actor, planId);
  assertPlanOpen(access);
  return access;
}

export function canEditCommitment(access: Pick<PlanAccess, 'canEdit'>, actor: Actor | null, c: Pick<CommitmentTable, 'side' | 'owner_user_id'>): boolean {
  if (access.canEdit) return true;
  return actor !== null && c.side === 'seller' && c.owner_user_id === actor.id;
}

/** Anything done on a plan counts as activity: "no activity for 14 days" reads this. */
const touch = scoped((scope, p: { id: string; at: string }) => scope.updateTable('plans').set({ last_activity_at: p.at }).where('plans.id', '=', p.id));

export async function touchPlan(scope: Scope, planId: string, at = nowIso()): Promise<void> {
  await touch.execute(scope, { id: planId, at });
}

/**
 * `writeVersioned` (core/records.ts) lists the tables it knows; plan tables have the same
 * id/version/updated_at shape. Until that list includes them, this names them for it.
 */
export type VersionedPlanTable = Extract<ScopedTable, 'plans' | 'plan_milestones' | 'commitments'>;
