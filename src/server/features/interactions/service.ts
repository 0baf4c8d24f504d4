import { interactionEvent } from '../webhooks/events.js';
import type { CreateInteractionBody, Interaction, UpdateInteractionBody } from '../../../shared/interactions.js';
import { plannedOutcomeProblems } from '../../../domain/interactions.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { InteractionTable } from '../../core/db/schema.js';
import { AppError, conflict, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertAssignableOwner } from '../../core/owners.js';
import { assertVersionRead, updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { editableInteraction } from './access.js';
import { lockOpportunity, recomputeCounters } from './counters.js';
import { findInteraction } from './queries.js';
import { assertPlannable, utcInstant } from './timing.js';

type Op<T> = { scope: Scope; actor: Actor } & T;
type Attendees = { contactIds: string[]; userIds: string[] };

/** A deal or an objective linked to an interaction must be of its account. */
async function checkLinks(scope: Scope, accountId: string, links: { opportunityId?: string | null; objectiveId?: string | null }): Promise<void> {
  if (links.opportunityId) {
    const opp = await scope.selectFrom('opportunities').select(['account_id', 'archived_at']).where('opportunities.id', '=', links.opportunityId).executeTakeFirst();
    if (!opp || opp.account_id !== accountId || opp.archived_at) throw invalid('opportunityId', 'Choose a deal of this account.');
  }
  if (links.objectiveId) {
    const objective = await scope.selectFrom('account_objectives').select('account_id').where('account_objectives.id', '=', links.objectiveId).executeTakeFirst();
    if (!objective || objective.account_id !== accountId) throw invalid('objectiveId', 'Choose an objective of this account.');
  }
}

/** Contacts of the account and active people of the workspace, each once; the owner takes part anyway. */
async function checkAttendees(scope: Scope, accountId: string, ownerId: string, input: Attendees): Promise<Attendees> {
  const contactIds = [...new Set(input.contactIds)].sort();
  const userIds = [...new Set(input.userIds)].filter((id) => id !== ownerId).sort();
  if (contactIds.length) {
    const found = await scope.selectFrom('contacts').select('id').where('contacts.id', 'in', contactIds).where('contacts.account_id', '=', accountId).where('contacts.archived_at', 'is', null).execute();
    if (found.length !== contactIds.length) throw invalid('attendees.contactIds', 'Choose contacts of this account.');
  }
  if (userIds.length) {
    const found = await scope.selectFrom('users').select('id').where('users.id', 'in', userIds).where('users.status', '=', 'active').execute();
    if (found.length !== userIds.length) throw invalid('attendees.userIds', 'Choose active people of this workspace.');
  }
  return { contactIds, userIds };
}

async function storedAttendees(scope: Scope, interactionId: string): Promise<Attendees> {
  const rows = await scope.selectFrom('interaction_attendees').select(['contact_id', 'user_id']).where('interaction_attendees.interaction_id', '=', interactionId).execute();
  return {
    contactIds: rows.flatMap((r) => (r.contact_id ? [r.contact_id] : [])).sort(),
    userIds: rows.flatMap((r) => (r.user_id ? [r.user_id] : [])).sort(),
  };
}

async function setAttendees(scope: Scope, interactionId: string, a: Attendees): Promise<void> {
  await scope.deleteFrom('interaction_attendees').where('interaction_attendees.interaction_id', '=', interactionId).execute();
  const rows = [
    ...a.contactIds.map((contact_id) => ({ id: newId(), interaction_id: interactionId, contact_id, user_id: null })),
    ...a.userIds.map((user_id) => ({ id: newId(), interaction_id: interactionId, contact_id: null, user_id })),
  ];
  if (rows.length) await scope.insert('interaction_attendees', rows);
}

const attendeeSnapshot = (a: Attendees) => ({ attendee_contact_ids: a.contactIds.join(','), attendee_user_ids: a.userIds.join(',') });

function outcomeRefused(problems: { path: string; message: string }[]): AppError {
  return new AppError('validation_failed', 'Plan the outcome first: what will the customer agree to?', problems);
}

export async function createInteraction({ scope, actor, input }: Op<{ input: CreateInteractionBody }>): Promise<Interaction> {
  return scope.transaction(async (tx) => {
    const account = await tx.selectFrom('accounts').select(['id', 'archived_at']).where('accounts.id', '=', input.accountId).executeTakeFirst();
    if (!account) throw invalid('accountId', 'Choose an account of this workspace.');
    if (account.archived_at) throw ruleViolation('This account is archived. Restore it before planning interactions with it.');
    const problems = plannedOutcomeProblems(input);
    if (problems.length) throw outcomeRefused(problems);
    const ownerId = input.ownerId ?? actor.id;
    if (ownerId !== actor.id) await assertAssignableOwner(tx, actor, ownerId);
    await checkLinks(tx, account.id, input);
    const now = nowIso();
    const startsAt = input.startsAt ? utcInstant(input.startsAt) : null;
    if (startsAt) assertPlannable(startsAt, input.timeZone!, input.alreadyHappened ?? false, new Date(now));
    const attendees = await checkAttendees(tx, account.id, ownerId, input.attendees ?? { contactIds: [], userIds: [] });
    const row: Omit<InteractionTable, 'workspace_id'> = {
      id: newId(),
      account_id: account.id,
      opportunity_id: input.opportunityId ?? null,
      objective_id: input.objectiveId ?? null,
      owner_id: ownerId,
      kind: input.kind,
      starts_at: startsAt,
      time_zone: startsAt ? input.timeZone! : (input.timeZone ?? null),
      duration_minutes: input.durationMinutes ?? null,
      sort_at: startsAt ?? now,
      outcome_kind: input.outcomeKind,
      outcome_statement: input.outcomeStatement,
      needs_several_calls: input.needsSeveralCalls ? 1 : 0,
      first_call_goal: input.needsSeveralCalls ? (input.firstCallGoal ?? null) : null,
      planning_notes: input.planningNotes ?? null,
      result: null,
      result_agreed: null,
      result_notes: null,
      result_recorded_at: null,
      result_recorded_by_id: null,
      cancelled_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('interactions', row);
    await setAttendees(tx, row.id, attendees);
    await audit(tx, actor, { entityType: 'interaction', entityId: row.id, action: 'create', before: null, after: { ...row, ...attendeeSnapshot(attendees) } });
    await interactionEvent(tx, 'interaction.planned', row.id, actor);
    return findInteraction(tx, actor, row.id);
  });
}

/** Column ← body field, for the fields a change may carry as they are. */
const COLUMNS = {
  kind: 'kind',
  opportunityId: 'opportunity_id',
  objectiveId: 'objective_id',
  ownerId: 'owner_id',
  durationMinutes: 'duration_minutes',
  outcomeKind: 'outcome_kind',
  outcomeStatement: 'outcome_statement',
  planningNotes: 'planning_notes',
} as const;

/**
 * Moves or re-plans an interaction at the version its editor read (409 with the current one
 * otherwise). The planned outcome as it will be must be complete (400 naming the field); a new time
 * is judged like a new one (ahead, unless it already happened); once a result is recorded its time
 * stays in the past. A cancelled interaction takes no changes.
 */
export async function updateInteraction({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateInteractionBody; version?: number }>): Promise<Interaction> {
  return scope.transaction(async (tx) => {
    const access = await editableInteraction(tx, actor, id);
    await lockOpportunity(tx, access.opportunityId);
    if (input.opportunityId && input.opportunityId !== access.opportunityId) await lockOpportunity(tx, input.opportunityId);
    const current = await tx.selectFrom('interactions').selectAll('interactions').where('interactions.id', '=', id).executeTakeFirstOrThrow();
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(await findInteraction(tx, actor, id));
    if (current.cancelled_at) throw ruleViolation('This interaction is cancelled: nothing on it changes.');

    const patch: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      if (input[field] !== undefined) patch[column] = input[field];
    }
    const next = { ...current, ...patch } as InteractionTable;
    if (input.needsSeveralCalls !== undefined) next.needs_several_calls = input.needsSeveralCalls ? 1 : 0;
    if (input.firstCallGoal !== undefined) next.first_call_goal = input.firstCallGoal;
    if (!next.needs_several_calls) next.first_call_goal = null;
    const problems = plannedOutcomeProblems({
      outcomeKind: next.outcome_kind,
      outcomeStatement: next.outcome_statement,
      needsSeveralCalls: next.needs_several_calls === 1,
      firstCallGoal: next.first_call_goal,
    });
    if (problems.length) throw outcomeRefused(problems);
    if (input.ownerId && input.ownerId !== current.owner_id) await assertAssignableOwner(tx, actor, input.ownerId);
    await checkLinks(tx, current.account_id, {
      opportunityId: input.opportunityId !== current.opportunity_id ? input.opportunityId : undefined,
      objectiveId: input.objectiveId !== current.objective_id ? input.objectiveId : undefined,
    });

    if (input.startsAt !== undefined) next.starts_at = input.startsAt ? utcInstant(input.startsAt) : null;
    if (input.timeZone !== undefined) next.time_zone = input.timeZone;
    if (!next.starts_at && next.kind !== 'email') throw invalid('startsAt', 'Choose when it happens (only an email may go without a time).');
    if (next.starts_at && !next.time_zone) throw invalid('timeZone', 'Choose the time zone this time is in.');
    if (next.starts_at && next.starts_at !== current.starts_at) {
      const now = new Date();
      if (current.result) {
        if (Date.parse(next.starts_at) > now.getTime()) throw ruleViolation('It already has a result: its time stays in the past. Correct the time to when it happened.', [{ path: 'startsAt', message: 'Choose when it happened.' }]);
      } else {
        assertPlannable(next.starts_at, next.time_zone!, input.alreadyHappened ?? false, now);
      }
    }
    next.sort_at = next.starts_at ?? current.created_at;

    const columns = ['kind', 'opportunity_id', 'objective_id', 'owner_id', 'starts_at', 'time_zone', 'duration_minutes', 'sort_at', 'outcome_kind', 'outcome_statement', 'needs_several_calls', 'first_call_goal', 'planning_notes'] as const;
    const changed = Object.fromEntries(columns.filter((c) => next[c] !== current[c]).map((c) => [c, next[c]]));
    const before = await storedAttendees(tx, id);
    const ownerId = next.owner_id;
    const after = input.attendees ? await checkAttendees(tx, current.account_id, ownerId, input.attendees) : { ...before, userIds: before.userIds.filter((u) => u !== ownerId) };
    const attendeesChanged = attendeeSnapshot(before).attendee_contact_ids !== attendeeSnapshot(after).attendee_contact_ids || attendeeSnapshot(before).attendee_user_ids !== attendeeSnapshot(after).attendee_user_ids;
    if (Object.keys(changed).length === 0 && !attendeesChanged) return findInteraction(tx, actor, id);

    if (!(await updateAtVersion(tx, 'interactions', id, current.version, changed))) throw conflict(await findInteraction(tx, actor, id));
    if (attendeesChanged) await setAttendees(tx, id, after);
    await audit(tx, actor, {
      entityType: 'interaction',
      entityId: id,
      action: 'update',
      before: { ...Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof InteractionTable]])), ...(attendeesChanged ? attendeeSnapshot(before) : {}) },
      after: { ...changed, ...(attendeesChanged ? attendeeSnapshot(after) : {}) },
    });
    // Its result counts for its deal in the order it happened: a new deal or a new time recounts.
    if (current.result && ('opportunity_id' in changed || 'sort_at' in changed)) await recomputeCounters(tx, [current.opportunity_id, next.opportunity_id]);
    return findInteraction(tx, actor, id);
  });
}

/** Cancels a planned interaction (kept, shown as cancelled, never judged). One with a result is corrected instead. */
export async function cancelInteraction({ scope, actor, id, version }: Op<{ id: string; version?: number }>): Promise<Interaction> {
  return scope.transaction(async (tx) => {
    await editableInteraction(tx, actor, id);
    const current = await tx.selectFrom('interactions').selectAll('interactions').where('interactions.id', '=', id).executeTakeFirst();
    if (!current) throw notFound('Interaction');
    // From the version its author saw, checked first: cancelling what someone else just moved or cancelled is theirs to see.
    await assertVersionRead(current, version, () => findInteraction(tx, actor, id));
    if (current.cancelled_at) return findInteraction(tx, actor, id);
    if (current.result) throw ruleViolation('It already happened and has a result: correct the result instead of cancelling it.');
    const at = nowIso();
    if (!(await updateAtVersion(tx, 'interactions', id, current.version, { cancelled_at: at }))) throw conflict(await findInteraction(tx, actor, id));
    await audit(tx, actor, { entityType: 'interaction', entityId: id, action: 'cancel', before: { cancelled_at: null }, after: { cancelled_at: at } });
    await interactionEvent(tx, 'interaction.cancelled', id, actor);
    return findInteraction(tx, actor, id);
  });
}
