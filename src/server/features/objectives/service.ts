import type { Commitment } from '../../../shared/commitments.js';
import type { AddContributorBody, CreateObjectiveBody, CreateObjectiveInsightBody, CreateObjectiveTaskBody, Objective, ObjectiveInsight, UpdateObjectiveBody } from '../../../shared/objectives.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { AccountObjectiveTable } from '../../core/db/schema.js';
import { conflict, duplicate, forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertAssignableOwner } from '../../core/owners.js';
import { columnsOf, updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { presentCommitmentById } from '../commitments/commitments.service.js';
import { assertNewDatesNotPast, assertNotPast, ownerZoneFor } from '../commitments/date-rules.js';
import { insertCommitments } from '../commitments/engine.js';
import { contributableObjective, editableObjective } from './access.js';
import { notifyInvited } from './notifications.js';
import { findObjective, presentInsight } from './queries.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/** A target date still ahead matters only while the objective is being worked on. */
const isOpen = (status: AccountObjectiveTable['status']) => status === 'planned' || status === 'active';

/** The deals linked to an objective must be this account's; each named once. */
async function checkOpportunities(scope: Scope, accountId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await scope.selectFrom('opportunities').select('id').where('opportunities.id', 'in', unique).where('opportunities.account_id', '=', accountId).execute();
  if (found.length !== unique.length) throw invalid('opportunityIds', 'Choose opportunities of this account.');
  return unique;
}

async function linkedOpportunities(scope: Scope, objectiveId: string): Promise<string[]> {
  const rows = await scope.selectFrom('objective_opportunities').select('opportunity_id').where('objective_opportunities.objective_id', '=', objectiveId).execute();
  return rows.map((r) => r.opportunity_id).sort();
}

async function setLinks(scope: Scope, objectiveId: string, ids: readonly string[]): Promise<void> {
  await scope.deleteFrom('objective_opportunities').where('objective_opportunities.objective_id', '=', objectiveId).execute();
  if (ids.length) await scope.insert('objective_opportunities', ids.map((opportunity_id) => ({ objective_id: objectiveId, opportunity_id })));
}

function targetColumns(target: { amountMinor: number; currency: string } | null | undefined) {
  if (target === undefined) return {};
  return { target_amount_minor: target?.amountMinor ?? null, target_currency: target?.currency ?? null };
}

export async function createObjective({ scope, actor, accountId, input }: Op<{ accountId: string; input: CreateObjectiveBody }>): Promise<Objective> {
  return scope.transaction(async (tx) => {
    const account = await tx.selectFrom('accounts').select(['id', 'archived_at']).where('accounts.id', '=', accountId).executeTakeFirst();
    if (!account) throw notFound('Account');
    if (account.archived_at) throw ruleViolation('This account is archived. Restore it before setting objectives on it.');
    const ownerId = input.ownerId ?? actor.id;
    if (ownerId !== actor.id) await assertAssignableOwner(tx, actor, ownerId);
    const status = input.status ?? 'planned';
    if (isOpen(status)) assertNewDatesNotPast(actor.timeZone, { targetDate: input.targetDate });
    const opportunityIds = await checkOpportunities(tx, accountId, input.opportunityIds ?? []);
    const now = nowIso();
    const row = {
      id: newId(),
      account_id: accountId,
      title: input.title,
      kind: input.kind,
      client_goal: input.clientGoal ?? null,
      target_amount_minor: input.target?.amountMinor ?? null,
      target_currency: input.target?.currency ?? null,
      target_date: input.targetDate,
      status,
      owner_id: ownerId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('account_objectives', row);
    await setLinks(tx, row.id, opportunityIds);
    await audit(tx, actor, { entityType: 'objective', entityId: row.id, action: 'create', before: null, after: { ...row, opportunity_ids: opportunityIds.join(',') } });
    return findObjective(tx, actor, row.id);
  });
}

/**
 * Changes an objective at the version its editor read (409 with the current one otherwise), its
 * linked deals included: version + 1 and one audit event with what changed, links as a list.
 */
export async function updateObjective({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateObjectiveBody; version?: number }>): Promise<Objective> {
  return scope.transaction(async (tx) => {
    await editableObjective(tx, actor, id);
    const current = await tx.selectFrom('account_objectives').selectAll('account_objectives').where('account_objectives.id', '=', id).executeTakeFirstOrThrow();
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(await findObjective(tx, actor, id));
    if (input.ownerId && input.ownerId !== current.owner_id) await assertAssignableOwner(tx, actor, input.ownerId);
    const status = input.status ?? current.status;
    if (isOpen(status)) assertNewDatesNotPast(actor.timeZone, { targetDate: input.targetDate }, { targetDate: current.target_date });
    const before = await linkedOpportunities(tx, id);
    const after = input.opportunityIds ? (await checkOpportunities(tx, current.account_id, input.opportunityIds)).sort() : before;
    const patch: Record<string, unknown> = {
      ...columnsOf(input, { title: 'title', kind: 'kind', clientGoal: 'client_goal', targetDate: 'target_date', status: 'status', ownerId: 'owner_id' }),
      ...targetColumns(input.target),
    };
    const stored = { ...current, target_amount_minor: current.target_amount_minor === null ? null : Number(current.target_amount_minor) } as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => stored[k] !== v));
    const linksChanged = before.join(',') !== after.join(',');
    if (Object.keys(changed).length === 0 && !linksChanged) return findObjective(tx, actor, id);
    if (!(await updateAtVersion(tx, 'account_objectives', id, current.version, changed))) throw conflict(await findObjective(tx, actor, id));
    if (linksChanged) await setLinks(tx, id, after);
    const links = linksChanged ? { before: { opportunity_ids: before.join(',') }, after: { opportunity_ids: after.join(',') } } : { before: {}, after: {} };
    await audit(tx, actor, {
      entityType: 'objective',
      entityId: id,
      action: 'update',
      before: { ...Object.fromEntries(Object.keys(changed).map((k) => [k, stored[k]])), ...links.before },
      after: { ...changed, ...links.after },
    });
    return findObjective(tx, actor, id);
  });
}

/** The owner (or their manager, an admin) invites a person of the workspace; they get an in-app notification. */
export async function addContributor({ scope, actor, id, input }: Op<{ id: string; input: AddContributorBody }>): Promise<Objective> {
  return scope.transaction(async (tx) => {
    const access = await editableObjective(tx, actor, id);
    const user = await tx.selectFrom('users').select(['id', 'status']).where('users.id', '=', input.userId).executeTakeFirst();
    if (!user || user.status !== 'active') throw invalid('userId', 'Choose an active person in this workspace.');
    if (user.id === access.ownerId) throw invalid('userId', 'The owner already works on this objective; invite someone else.');
    const already = await tx
      .selectFrom('objective_contributors')
      .select('user_id')
      .where('objective_contributors.objective_id', '=', id)
      .where('objective_contributors.user_id', '=', user.id)
      .executeTakeFirst();
    if (already) throw duplicate('userId', 'This person already contributes to this objective.');
    const now = nowIso();
    await tx.insert('objective_contributors', { objective_id: id, user_id: user.id, invited_by_id: actor.id, created_at: now });
    await audit(tx, actor, { entityType: 'objective', entityId: id, action: 'invite', before: { contributor_id: null }, after: { contributor_id: user.id } });
    await notifyInvited(tx, { objectiveId: id, userId: user.id, by: actor.name, at: now });
    return findObjective(tx, actor, id);
  });
}

/** Removes a contributor; the tasks they took stay theirs (they can still keep or re-date them). */
export async function removeContributor({ scope, actor, id, userId }: Op<{ id: string; userId: string }>): Promise<void> {
  return scope.transaction(async (tx) => {
    await editableObjective(tx, actor, id);
    const removed = await tx
      .deleteFrom('objective_contributors')
      .where('objective_contributors.objective_id', '=', id)
      .where('objective_contributors.user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw notFound('Contributor');
    await audit(tx, actor, { entityType: 'objective', entityId: id, action: 'remove', before: { contributor_id: userId }, after: { contributor_id: null } });
  });
}

export async function addInsight({ scope, actor, id, input }: Op<{ id: string; input: CreateObjectiveInsightBody }>): Promise<ObjectiveInsight> {
  return scope.transaction(async (tx) => {
    await contributableObjective(tx, actor, id);
    const row = { id: newId(), objective_id: id, author_id: actor.id, author_name: actor.name, body: input.body, created_at: nowIso() };
    await tx.insert('objective_insights', row);
    await audit(tx, actor, { entityType: 'objective_insight', entityId: row.id, action: 'create', before: null, after: row });
    return presentInsight(row);
  });
}

/**
 * A task for the objective: a seller-side commitment of the engine, owned by the objective's owner or
 * a contributor. A contributor takes tasks for themselves; the owner (their manager, an admin) may
 * hand one to any of them. Its due date is today or later in its owner's zone.
 */
export async function addTask({ scope, actor, id, input }: Op<{ id: string; input: CreateObjectiveTaskBody }>): Promise<Commitment> {
  return scope.transaction(async (tx) => {
    const access = await contributableObjective(tx, actor, id);
    const ownerId = input.ownerUserId ?? actor.id;
    if (!access.canEdit && ownerId !== actor.id) throw forbidden('A contributor takes tasks for themselves; the objective’s owner can hand tasks to others.');
    const onIt =
      ownerId === access.ownerId ||
      (await tx
        .selectFrom('objective_contributors')
        .innerJoin('users as u', 'u.id', 'objective_contributors.user_id')
        .select('u.status')
        .where('objective_contributors.objective_id', '=', id)
        .where('objective_contributors.user_id', '=', ownerId)
        .where('u.status', '=', 'active')
        .executeTakeFirst()) !== undefined;
    if (!onIt) throw invalid('ownerUserId', 'Choose the objective’s owner or one of its contributors.');
    const zone = await ownerZoneFor(tx, { side: 'seller', ownerUserId: ownerId, customerTimeZone: actor.timeZone });
    assertNotPast('dueDate', input.dueDate, zone);
    const [taskId] = await insertCommitments(tx, actor, { kind: 'objective', id }, [
      { side: 'seller', owner_user_id: ownerId, owner_contact_id: null, owner_name: null, owner_email: null, title: input.title, detail: input.detail, dueDate: input.dueDate, mustDo: input.mustDo },
    ]);
    return presentCommitmentById(tx, actor, { canEdit: access.canEdit }, taskId);
  });
}
