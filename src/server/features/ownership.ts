import type { Actor } from '../core/actor.js';
import type { OwnershipPolicies, OwnershipPolicy, Verdict } from '../core/permissions.js';
import { canEditOwned } from '../core/policies.js';
import type { Scope } from '../core/scope.js';
import { canEditProfile } from './people/policies.js';
import { AppError } from '../core/errors.js';
import { checkInPolicies } from './check-ins/access.js';
import { readCommitmentForChange } from './commitments/commitments.service.js';
import { CHANGE_REFUSED, CONTRIBUTE_REFUSED, objectiveAccess } from './objectives/access.js';
import { CHANGE_REFUSED as INTERACTION_CHANGE_REFUSED, interactionAccess } from './interactions/access.js';
import { canEditCommitment, planAccessRow, toAccess } from './plans/access.js';
import { canEditTemplate } from './templates/templates.js';
import { setsTargetsOf, targetRefusal } from './targets/access.js';
import { canEditWhy, canReadGoal, canReadWhy, WHY_CHANGE_REFUSED } from './goals/access.js';

/**
 * Record-level policies behind `{ owns: kind }` route permissions (core/permissions.ts): for one
 * record, may this person change it? A record outside the workspace is `missing` (404), like one
 * that does not exist.
 */
const verdict = (allowed: boolean, refusal: string): Verdict => (allowed ? 'allowed' : { refused: refusal });

async function ownedBy(scope: Scope, actor: Actor, owner: { owner_id: string; owner_team_id: string | null } | undefined, refusal: string): Promise<Verdict> {
  if (!owner) return 'missing';
  return verdict(canEditOwned(actor, { id: owner.owner_id, teamId: owner.owner_team_id }), refusal);
}

const plan: OwnershipPolicy = async (scope, actor, id) => {
  const row = await planAccessRow.first(scope, { id });
  if (!row) return 'missing';
  return verdict(toAccess(row, actor).canEdit, 'Only the opportunity’s owner, their manager or an admin can change this plan.');
};

/** Absent records (of this workspace or any) answer 404, whatever the policy asks next. */
async function orMissing(check: () => Promise<Verdict>): Promise<Verdict> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return 'missing';
    throw err;
  }
}

/**
 * The editors of what it belongs to (a plan, an objective), and the seller-side owner of the
 * commitment (it is their word on the line). What it reads is handed to the service (Scope.remember).
 */
const commitment: OwnershipPolicy = (scope, actor, id) =>
  orMissing(async () => {
    const found = await readCommitmentForChange(scope, actor, id);
    if (!found) return 'missing';
    return verdict(canEditCommitment(found.access, actor, found.row), 'Only the commitment’s owner, the owner of what it belongs to, their manager or an admin can change this commitment.');
  });

export const ownershipPolicies: OwnershipPolicies = {
  account: async (scope, actor, id) =>
    ownedBy(
      scope,
      actor,
      await scope
        .selectFrom('accounts')
        .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
        .select(['accounts.owner_id', 'owner.team_id as owner_team_id'])
        .where('accounts.id', '=', id)
        .executeTakeFirst(),
      'Only the account’s owner, their manager or an admin can change this account or its contacts.',
    ),

  contact: async (scope, actor, id) =>
    ownedBy(
      scope,
      actor,
      await scope
        .selectFrom('contacts')
        .innerJoin('accounts as account', 'account.id', 'contacts.account_id')
        .innerJoin('users as owner', 'owner.id', 'account.owner_id')
        .select(['account.owner_id', 'owner.team_id as owner_team_id'])
        .where('contacts.id', '=', id)
        .executeTakeFirst(),
      'Only the account’s owner, their manager or an admin can change its contacts.',
    ),

  opportunity: async (scope, actor, id) =>
    ownedBy(
      scope,
      actor,
      await scope
        .selectFrom('opportunities')
        .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
        .select(['opportunities.owner_id', 'owner.team_id as owner_team_id'])
        .where('opportunities.id', '=', id)
        .executeTakeFirst(),
      'Only the owner, their manager or an admin can change this opportunity.',
    ),

  plan,

  objective: async (scope, actor, id) => orMissing(async () => verdict((await objectiveAccess(scope, actor, id)).canEdit, CHANGE_REFUSED)),

  'objective-contribution': async (scope, actor, id) => orMissing(async () => verdict((await objectiveAccess(scope, actor, id)).canContribute, CONTRIBUTE_REFUSED)),

  interaction: async (scope, actor, id) => orMissing(async () => verdict((await interactionAccess(scope, actor, id)).canEdit, INTERACTION_CHANGE_REFUSED)),

  milestone: async (scope, actor, id) => {
    const row = await scope.selectFrom('plan_milestones').select('plan_id').where('plan_milestones.id', '=', id).executeTakeFirst();
    return row ? plan(scope, actor, row.plan_id) : 'missing';
  },

  commitment,

  renegotiation: async (scope, actor, id) => {
    const row = await scope.selectFrom('commitment_renegotiations').select('commitment_id').where('commitment_renegotiations.id', '=', id).executeTakeFirst();
    return row ? commitment(scope, actor, row.commitment_id) : 'missing';
  },

  'share-link': async (scope, actor, id) => {
    const row = await scope.selectFrom('plan_share_links').select('plan_id').where('plan_share_links.id', '=', id).executeTakeFirst();
    return row ? plan(scope, actor, row.plan_id) : 'missing';
  },

  'plan-template': async (scope, actor, id) => {
    const row = await scope.selectFrom('plan_templates').select(['builtin_key', 'created_by_id']).where('plan_templates.id', '=', id).executeTakeFirst();
    if (!row) return 'missing';
    return verdict(canEditTemplate(actor, row), 'Only an admin or the person who made this template can change it.');
  },

  /** Someone else's notification is not there for you. */
  notification: async (scope, actor, id) => {
    const row = await scope.selectFrom('notifications').select('id').where('notifications.id', '=', id).where('notifications.user_id', '=', actor.id).executeTakeFirst();
    return row ? 'allowed' : 'missing';
  },

  /** A person's profile: themselves, or an admin. Role and team changes are an admin's (users.service checks the fields). */
  user: async (scope, actor, id) => {
    const row = await scope.selectFrom('users').select('id').where('users.id', '=', id).executeTakeFirst();
    if (!row) return 'missing';
    return verdict(canEditProfile(actor, id), 'You can change only your own profile.');
  },

  'yearly-target': async (scope, actor, id) => {
    const person = await scope.selectFrom('users').select(['id', 'name', 'team_id', 'status']).where('users.id', '=', id).executeTakeFirst();
    if (!person) return 'missing';
    // A deactivated person's targets are refused by the service, with that reason (rule_violation).
    return verdict(setsTargetsOf(actor, person), targetRefusal(actor, person));
  },

  /** A why that is not yours to read is not there for you (404), whoever you are; one shared with you is read-only (403). */
  'why-ladder': async (scope, actor, id) => {
    const row = await scope
      .selectFrom('why_ladders')
      .innerJoin('users as owner', 'owner.id', 'why_ladders.owner_id')
      .select(['why_ladders.owner_id', 'why_ladders.shared_with_manager', 'owner.team_id as owner_team_id'])
      .where('why_ladders.id', '=', id)
      .executeTakeFirst();
    if (!row || !canReadWhy(actor, row)) return 'missing';
    return verdict(canEditWhy(actor, row), WHY_CHANGE_REFUSED);
  },

  /** Another rep's goal is not there for you (404). */
  goal: async (scope, actor, id) => {
    const row = await scope
      .selectFrom('goals')
      .innerJoin('users as owner', 'owner.id', 'goals.owner_id')
      .select(['goals.owner_id', 'owner.team_id as owner_team_id'])
      .where('goals.id', '=', id)
      .executeTakeFirst();
    return row && canReadGoal(actor, row) ? 'allowed' : 'missing';
  },
  ...checkInPolicies,
};
