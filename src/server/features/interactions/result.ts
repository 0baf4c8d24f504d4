import { interactionEvent } from '../webhooks/events.js';
import type { AgreedAction, Interaction, RecordResultBody } from '../../../shared/interactions.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { InteractionTable } from '../../core/db/schema.js';
import { AppError, conflict, forbidden, invalid, planClosed, ruleViolation, type ErrorDetail } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { canEditOwned } from '../../core/policies.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { assertNotPast, ownerZoneFor } from '../commitments/date-rules.js';
import { insertCommitments, type NewCommitment } from '../commitments/engine.js';
import { resolveOwner, type OwnerColumns } from '../commitments/owners.js';
import type { Subject } from '../commitments/subjects.js';
import { isClosed } from '../plans/access.js';
import { createPlan } from '../plans/plans.service.js';
import { editableInteraction } from './access.js';
import { lockOpportunity, recomputeCounters } from './counters.js';
import { findInteraction } from './queries.js';
import { assertHappened } from './timing.js';

type Op<T> = { scope: Scope; actor: Actor } & T;
type Current = InteractionTable;

/** Where the agreed actions go, decided before anything is written. */
type Destination = { kind: 'plan'; planId: string; customerTimeZone: string } | { kind: 'new_plan'; opportunityId: string } | { kind: 'interaction' };

const NO_PLAN_YET = 'This deal has no mutual plan yet: start one with these actions, or keep them on this interaction.';

async function destinationOf(tx: Scope, actor: Actor, current: Current, input: RecordResultBody): Promise<Destination> {
  const opportunityId = current.opportunity_id;
  const plan = opportunityId
    ? await tx
        .selectFrom('plans')
        .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
        .innerJoin('users as owner', 'owner.id', 'opp.owner_id')
        .select(['plans.id', 'plans.status', 'plans.customer_time_zone', 'opp.owner_id', 'owner.team_id'])
        .where('plans.opportunity_id', '=', opportunityId)
        .executeTakeFirst()
    : undefined;
  const choice = input.actionsGoTo ?? (plan ? 'plan' : opportunityId ? undefined : 'interaction');
  if (choice === undefined) throw invalid('actionsGoTo', NO_PLAN_YET);
  if (choice === 'interaction') return { kind: 'interaction' };
  if (!opportunityId) throw invalid('actionsGoTo', 'Without a deal there is no mutual plan: the agreed actions stay on this interaction.');
  if (choice === 'new_plan') {
    if (plan) throw invalid('actionsGoTo', 'This deal already has a mutual plan: put the actions on it.');
    return { kind: 'new_plan', opportunityId };
  }
  if (!plan) throw invalid('actionsGoTo', NO_PLAN_YET);
  if (isClosed(plan.status)) throw planClosed(plan.status as 'completed' | 'abandoned');
  if (!canEditOwned(actor, { id: plan.owner_id, teamId: plan.team_id })) {
    throw forbidden('Only the deal’s owner, their manager or an admin can add to its plan: keep the actions on this interaction.');
  }
  return { kind: 'plan', planId: plan.id, customerTimeZone: plan.customer_time_zone };
}

/** Owner and due date of every action, checked before anything is written; every problem named by its row. */
async function checkActions(tx: Scope, current: Current, destination: Destination, actions: readonly AgreedAction[], workspaceZone: string): Promise<NewCommitment[]> {
  const problems: ErrorDetail[] = [];
  let onlyDates = true;
  const out: NewCommitment[] = [];
  for (const [i, action] of actions.entries()) {
    const at = (path: string) => `agreedActions.${i}.${path}`;
    try {
      let owner: OwnerColumns;
      if (action.side === 'customer' && action.ownerContactId !== undefined) {
        if (action.ownerName !== undefined) throw invalid('ownerName', 'Choose a contact or type a name, not both.');
        const contact = await tx
          .selectFrom('contacts')
          .select('id')
          .where('contacts.id', '=', action.ownerContactId)
          .where('contacts.account_id', '=', current.account_id)
          .where('contacts.archived_at', 'is', null)
          .executeTakeFirst();
        if (!contact) throw invalid('ownerContactId', 'Choose a contact of this account.');
        owner = { owner_user_id: null, owner_contact_id: contact.id, owner_name: null, owner_email: null };
      } else {
        owner = await resolveOwner(tx, { opportunityId: current.opportunity_id }, action.side, action, current.owner_id);
      }
      // Customer-side dates are judged in the plan's customer zone; off a plan (and on a plan made now), the workspace's.
      const customerTimeZone = destination.kind === 'plan' ? destination.customerTimeZone : workspaceZone;
      const zone = await ownerZoneFor(tx, { side: action.side, ownerUserId: owner.owner_user_id, customerTimeZone });
      assertNotPast('dueDate', action.dueDate, zone);
      out.push({ side: action.side, ...owner, title: action.title, dueDate: action.dueDate, mustDo: action.mustDo, agreedInInteractionId: current.id });
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'validation_failed' && err.code !== 'date_in_past')) throw err;
      if (err.code === 'validation_failed') onlyDates = false;
      problems.push(...err.details.map((d) => ({ path: at(d.path), message: d.message })));
    }
  }
  // Dates alone: 422 date_in_past, as for any commitment; anything else makes it 400, every row named.
  if (problems.length) {
    throw onlyDates
      ? new AppError('date_in_past', 'Pick today or a later date for each agreed action.', problems)
      : new AppError('validation_failed', 'Some agreed actions need attention.', problems);
  }
  return out;
}

/** The deal's plan started now, through the plans service (its rules, audit and presentation). */
async function startPlan(tx: Scope, actor: Actor, opportunityId: string, fields: NonNullable<RecordResultBody['newPlan']>): Promise<string> {
  try {
    return (await createPlan({ scope: tx, actor, opportunityId, input: { title: fields.title, targetDate: fields.targetDate, status: 'active' } })).id;
  } catch (err) {
    if (err instanceof AppError && err.details.length) {
      throw new AppError(err.code, err.message, err.details.map((d) => ({ path: d.path === 'opportunityId' ? 'actionsGoTo' : `newPlan.${d.path}`, message: d.message })));
    }
    throw err;
  }
}

/**
 * Records the result once the interaction's time has come, or corrects it, at the version read (409
 * otherwise). An advance's agreed actions become commitments of the one engine in the same
 * transaction — on the deal's plan, on a plan started now, or kept on the interaction — and nothing
 * is written when one of them is refused. The deal's counters are recounted in the same transaction.
 */
export async function recordResult({ scope, actor, id, input, version }: Op<{ id: string; input: RecordResultBody; version?: number }>): Promise<Interaction> {
  return scope.transaction(async (tx) => {
    const access = await editableInteraction(tx, actor, id);
    await lockOpportunity(tx, access.opportunityId);
    const current = await tx.selectFrom('interactions').selectAll('interactions').where('interactions.id', '=', id).executeTakeFirstOrThrow();
    if (version === undefined) throw invalid('version', 'Send the version you saw (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(await findInteraction(tx, actor, id));
    if (current.cancelled_at) throw ruleViolation('This interaction was cancelled: it has no result. Plan a new one.');
    assertHappened(current, new Date());

    const actions = input.agreedActions ?? [];
    let subject: Subject | undefined;
    if (actions.length) {
      const destination = await destinationOf(tx, actor, current, input);
      const ws = await tx.selectFrom('users').innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id').select('ws.default_time_zone').where('users.id', '=', current.owner_id).executeTakeFirstOrThrow();
      const rows = await checkActions(tx, current, destination, actions, ws.default_time_zone);
      if (destination.kind === 'new_plan') subject = { kind: 'plan', id: await startPlan(tx, actor, destination.opportunityId, input.newPlan!) };
      else subject = destination.kind === 'plan' ? { kind: 'plan', id: destination.planId } : { kind: 'interaction', id };
      await insertCommitments(tx, actor, subject, rows);
    }

    const now = nowIso();
    const next = {
      result: input.result,
      result_agreed: input.result === 'advanced' ? (input.agreed ?? null) : null,
      result_notes: input.notes !== undefined ? input.notes : current.result ? current.result_notes : null,
    };
    const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => current[k as keyof typeof next] !== v));
    if (Object.keys(changed).length === 0 && !actions.length) return findInteraction(tx, actor, id);
    const stamp = { result_recorded_at: now, result_recorded_by_id: actor.id };
    if (!(await updateAtVersion(tx, 'interactions', id, current.version, { ...changed, ...stamp }))) throw conflict(await findInteraction(tx, actor, id));
    await audit(tx, actor, {
      entityType: 'interaction',
      entityId: id,
      action: 'record',
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof typeof next]])),
      after: { ...changed, ...(actions.length ? { agreed_actions_added: actions.length, agreed_actions_on: subject ? `${subject.kind}:${subject.id}` : null } : {}) },
    });
    await recomputeCounters(tx, [current.opportunity_id]);
    await interactionEvent(tx, 'interaction.result_recorded', id, actor, { corrected: current.result !== null, agreedActionsAdded: actions.length, agreedActionsOn: subject ?? null });
    return findInteraction(tx, actor, id);
  });
}
