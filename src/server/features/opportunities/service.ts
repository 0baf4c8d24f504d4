import { CLOSE_REASON_REQUIRED, statusNeedsReason, type CreateOpportunityBody, type Opportunity, type OpportunityStatus, type UpdateOpportunityBody } from '../../../shared/opportunities.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { AppError, notFound, type ErrorDetail } from '../../core/errors.js';
import { instantOn } from '../../../domain/dates.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertAssignableOwner } from '../../core/owners.js';
import { columnsOf, setArchived, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { findOpportunity } from './queries.js';
import { searchTextOf } from '../../../domain/search-text.js';
import { assertStageGate } from '../qualification/gate.js';
import { opportunityEvents } from '../webhooks/events.js';
import { refreshFocusFlags } from '../focus/stored.js';
import { assertNewDatesNotPast } from '../commitments/date-rules.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

async function present(scope: Scope, actor: Actor, id: string): Promise<Opportunity> {
  const opportunity = await findOpportunity(scope, actor, id);
  if (!opportunity) throw notFound('Opportunity');
  return opportunity;
}

/** The opportunity row for a change; refuses what the actor may not edit (owner, their manager, admin). */
async function loadForChange(scope: Scope, actor: Actor, id: string) {
  const row = await scope
    .selectFrom('opportunities')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .selectAll('opportunities')
    .select('owner.team_id as owner_team_id')
    .where('opportunities.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Opportunity');
  const { owner_team_id: _team, ...opportunity } = row;
  return { ...opportunity, amount_minor: Number(opportunity.amount_minor) };
}

async function checkAccount(scope: Scope, accountId: string, issues: ErrorDetail[]): Promise<void> {
  const account = await scope.selectFrom('accounts').select('archived_at').where('accounts.id', '=', accountId).executeTakeFirst();
  if (!account) issues.push({ path: 'accountId', message: 'Choose an account in this workspace.' });
  else if (account.archived_at) issues.push({ path: 'accountId', message: 'This account is archived. Restore it or choose another.' });
}

/** The stage to use: the one asked for if it is active here, else (when none is asked) the first active one. */
async function checkStage(scope: Scope, stageId: string | undefined, issues: ErrorDetail[]): Promise<string> {
  let q = scope.selectFrom('stages').select('id').where('stages.archived_at', 'is', null);
  q = stageId ? q.where('stages.id', '=', stageId) : q.orderBy('stages.position').orderBy('stages.id').limit(1);
  const stage = await q.executeTakeFirst();
  if (!stage) {
    issues.push({ path: 'stageId', message: stageId ? 'Choose an active stage of this workspace.' : 'This workspace has no active stage yet; an admin can add one.' });
  }
  return stage?.id ?? '';
}

/** Owner problems that are the input's fault join the other field issues; a refusal (403) stays a refusal. */
async function checkOwner(scope: Scope, actor: Actor, ownerId: string, issues: ErrorDetail[]): Promise<void> {
  try {
    await assertAssignableOwner(scope, actor, ownerId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') issues.push(...err.details);
    else throw err;
  }
}

type Closing = { status: OpportunityStatus; close_reason: string | null; closed_at: string | null };

/**
 * Status, reason and closed_at after a change. Closing (won, lost, walked away) stamps closed_at:
 * now, or — when the same change gives a close date already reached (a deal recorded afterwards) —
 * that day, in the zone of the person recording it, as the import does with a file's close dates. A
 * deal's outcome counts in the week it closed (coaching, retrospectives), not the week it was typed
 * in. Reopening clears the close; lost and walked-away deals must keep a reason, whichever field changed.
 */
function closing(current: Closing | null, input: { status?: OpportunityStatus; closeReason?: string | null; closeDate?: string }, issues: ErrorDetail[], timeZone: string): Closing {
  const status = input.status ?? current?.status ?? 'open';
  if (status === 'open') return { status, close_reason: null, closed_at: null };
  const reason = input.closeReason !== undefined ? input.closeReason || null : (current?.close_reason ?? null);
  if (statusNeedsReason(status) && !reason) issues.push({ path: 'closeReason', message: CLOSE_REASON_REQUIRED });
  if (current && current.status === status && current.closed_at) return { status, close_reason: reason, closed_at: current.closed_at };
  const now = nowIso();
  const onCloseDate = input.closeDate ? instantOn(input.closeDate, timeZone).toISOString() : null;
  return { status, close_reason: reason, closed_at: onCloseDate && onCloseDate < now ? onCloseDate : now };
}

function assertNoIssues(issues: ErrorDetail[]): void {
  if (issues.length > 0) throw new AppError('validation_failed', 'Some fields need attention.', issues);
}

export async function createOpportunity({ scope, actor, input }: Op<{ input: CreateOpportunityBody }>): Promise<Opportunity> {
  return scope.transaction(async (tx) => {
    const issues: ErrorDetail[] = [];
    const ownerId = input.ownerId ?? actor.id;
    await checkAccount(tx, input.accountId, issues);
    const stageId = await checkStage(tx, input.stageId, issues);
    await checkOwner(tx, actor, ownerId, issues);
    const close = closing(null, input, issues, actor.timeZone);
    assertNoIssues(issues);
    // An open deal's close date is when it is expected to close: not a day already gone, by accident
    // (422 date_in_past, in the zone of the person typing it). A deal recorded as won or lost closed then.
    if (close.status === 'open') assertNewDatesNotPast(actor.timeZone, { closeDate: input.closeDate });
    // A new deal has no commitment to change yet: the stage gate refuses creating it in a gated stage.
    await assertStageGate(tx, { fromStageId: null, toStageId: stageId, changeCommitment: 'none' });
    const now = nowIso();
    const row = {
      id: newId(),
      account_id: input.accountId,
      name: input.name,
      amount_minor: input.amount.amountMinor,
      currency: input.amount.currency,
      stage_id: stageId,
      close_date: input.closeDate,
      owner_id: ownerId,
      ...close,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('opportunities', { ...row, search_text: searchTextOf.opportunity(row) });
    // From the day it is created, a deal without a commitment to change is on its way to a flag.
    await refreshFocusFlags(tx, [row.id]);
    await audit(tx, actor, { entityType: 'opportunity', entityId: row.id, action: 'create', before: null, after: row });
    await opportunityEvents(tx, row.id, null, actor);
    return present(tx, actor, row.id);
  });
}

export async function updateOpportunity({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateOpportunityBody; version?: number }>): Promise<Opportunity> {
  return scope.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id);
    // Only references that change are checked: a deal may stay on an account or stage archived since.
    const issues: ErrorDetail[] = [];
    if (input.accountId && input.accountId !== current.account_id) await checkAccount(tx, input.accountId, issues);
    if (input.stageId && input.stageId !== current.stage_id) await checkStage(tx, input.stageId, issues);
    if (input.ownerId && input.ownerId !== current.owner_id) await checkOwner(tx, actor, input.ownerId, issues);
    // A close date sent unchanged (a whole form, an API client) says nothing about when the deal closed.
    const close = closing(current, { ...input, closeDate: input.closeDate !== current.close_date ? input.closeDate : undefined }, issues, actor.timeZone);
    assertNoIssues(issues);
    // A new close date of a deal that stays (or becomes) open; an unchanged one passes. A stale edit is
    // answered with the current deal first (409, in writeVersioned), not judged on the dates it saw.
    if (close.status === 'open' && version === current.version) assertNewDatesNotPast(actor.timeZone, { closeDate: input.closeDate }, { closeDate: current.close_date });
    // A stale edit is answered with the current deal first (409 version_conflict, in writeVersioned);
    // the gate judges a move forwards into or past its stage on the deal as it is now.
    if (input.stageId && input.stageId !== current.stage_id && version === current.version) {
      await assertStageGate(tx, { fromStageId: current.stage_id, toStageId: input.stageId, changeCommitment: current.change_commitment });
    }
    const patch = {
      ...columnsOf(input, { accountId: 'account_id', name: 'name', stageId: 'stage_id', closeDate: 'close_date', ownerId: 'owner_id' }),
      ...(input.amount ? { amount_minor: input.amount.amountMinor, currency: input.amount.currency } : {}),
      ...close,
    };
    const out = await writeVersioned({ scope: tx, actor, table: 'opportunities', entityType: 'opportunity', action: 'update', current, expectedVersion: version, patch, derive: (next) => ({ search_text: searchTextOf.opportunity(next) }), present: () => present(tx, actor, id) });
    if (out.version !== current.version) await opportunityEvents(tx, id, current, actor);
    // Only an open deal carries flags: closing or reopening one moves them.
    if (close.status !== current.status) await refreshFocusFlags(tx, [id]);
    return out;
  });
}

export async function setOpportunityArchived({ scope, actor, id, archived, version }: Op<{ id: string; archived: boolean; version?: number }>): Promise<Opportunity> {
  return scope.transaction(async (tx) =>
    setArchived({ scope: tx, actor, table: 'opportunities', entityType: 'opportunity', current: await loadForChange(tx, actor, id), archived, expectedVersion: version, present: () => present(tx, actor, id) }),
  );
}
