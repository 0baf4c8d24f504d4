import type { CommitmentSide, CreateRenegotiationBody } from '../../../shared/commitments.js';
import { requestedInAdvance } from '../../../domain/commitments.js';
import { audit } from '../../core/audit.js';
import type { CommitmentRenegotiationTable } from '../../core/db/schema.js';
import { invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { lockRow, retryWhenStale, STALE, updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { assertNotPast } from './date-rules.js';
import { answeringSide, factsOf, selectCommitments } from './queries.js';
import { subjectOf, touchSubject } from './subjects.js';
import { mailDateWaiting } from '../mail/activity.js';
import { commitmentEvent, renegotiationEvent } from '../webhooks/events.js';

/**
 * Re-dating, the engine's way: a new date is asked for with a reason, before the old one ends if it
 * is to count as "re-dated in advance", and either applies at once (a seller re-dating a seller-side
 * commitment) or waits for the other side's answer. Every proposal and answer is kept as history.
 */

/** Who acts on a date: a workspace user (seller side) or a customer through their share link. */
export type Party = { side: CommitmentSide; userId: string | null; name: string };
/** The name (and user, if any) written to the audit trail. */
type AuditActor = Parameters<typeof audit>[1];

/**
 * Records a proposed new date. A seller re-dating a seller-side commitment applies it at once; a
 * date proposed for the other side's commitment, or by the customer for any commitment, waits for
 * the other side — the original date stands until then — except off a plan, where the customer has
 * no page to answer on and the seller's new date applies at once. Returns the new renegotiation row.
 */
export async function requestDateChange(
  tx: Scope,
  opts: { commitmentId: string; by: Party; auditActor: AuditActor; input: CreateRenegotiationBody; now?: Date },
): Promise<CommitmentRenegotiationTable> {
  // Two proposals at once: the second waits here, then finds the first one pending.
  await lockRow(tx, 'commitments', opts.commitmentId);
  const row = await selectCommitments(tx).where('commitments.id', '=', opts.commitmentId).executeTakeFirst();
  if (!row) throw notFound('Commitment');
  if (row.status !== 'open') throw ruleViolation('Only an open commitment can be re-dated. Reopen it first.');
  if (opts.input.newDate === row.due_date) throw invalid('newDate', 'Choose a date different from the current due date.');
  assertNotPast('newDate', opts.input.newDate, row.owner_time_zone, opts.now);
  const pending = await tx
    .selectFrom('commitment_renegotiations')
    .select('id')
    .where('commitment_renegotiations.commitment_id', '=', row.id)
    .where('commitment_renegotiations.status', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw ruleViolation('A new date for this commitment already waits for an answer. Answer it before proposing another.');

  const at = (opts.now ?? new Date()).toISOString();
  const facts = factsOf(row, []);
  const change = { fromDate: row.due_date, toDate: opts.input.newDate, requestedAt: at, decidedAt: null, status: 'pending' as const };
  // Off a plan (an action kept on an interaction) there is no customer page to answer on: the rep
  // records the date the customer gave them, and it applies at once.
  const appliesNow = opts.by.side === 'seller' && (row.side === 'seller' || row.plan_id === null);
  const reneg: CommitmentRenegotiationTable = {
    id: newId(),
    workspace_id: tx.workspaceId,
    plan_id: row.plan_id,
    commitment_id: row.id,
    from_date: row.due_date,
    to_date: opts.input.newDate,
    reason: opts.input.reason,
    status: appliesNow ? 'accepted' : 'pending',
    requested_by_side: opts.by.side,
    requested_by_user_id: opts.by.userId,
    requested_by_name: opts.by.name,
    requested_at: at,
    in_advance: requestedInAdvance(facts, change) ? 1 : 0,
    decided_by_side: appliesNow ? opts.by.side : null,
    decided_by_user_id: appliesNow ? opts.by.userId : null,
    decided_by_name: appliesNow ? opts.by.name : null,
    decided_at: appliesNow ? at : null,
    note: null,
  };
  const { workspace_id: _ws, ...values } = reneg;
  await tx.insert('commitment_renegotiations', values);
  await audit(tx, opts.auditActor, { entityType: 'renegotiation', entityId: reneg.id, action: 'create', before: null, after: values });
  if (appliesNow) {
    await applyDate(tx, opts.auditActor, row.id, reneg.to_date);
    await commitmentEvent(tx, 'commitment.redated', row.id, opts.auditActor, { previousDueDate: reneg.from_date, renegotiationId: reneg.id, reason: reneg.reason });
  } else {
    await renegotiationEvent(tx, 'renegotiation.proposed', reneg);
  }
  // The other side answers: the seller side hears of a customer's proposal by mail too.
  if (reneg.status === 'pending' && opts.by.side === 'customer') {
    await mailDateWaiting(tx, { renegotiationId: reneg.id, commitment: row, toDate: reneg.to_date, reason: reneg.reason, requestedBy: opts.by.name, now: opts.now });
  }
  await touchSubject(tx, subjectOf(row), at);
  return reneg;
}

/**
 * Moves the commitment's due date (version + 1), audited as a change of the commitment. The date was
 * agreed on its own, not on a version of the commitment: when another writer changed the commitment
 * meanwhile, read it again and move that (unless it is no longer open).
 */
async function applyDate(tx: Scope, auditActor: AuditActor, commitmentId: string, to: string): Promise<void> {
  const read = () => tx.selectFrom('commitments').select(['id', 'status', 'due_date', 'version']).where('commitments.id', '=', commitmentId).executeTakeFirstOrThrow();
  await retryWhenStale(
    async () => {
      const c = await read();
      if (c.status !== 'open') throw ruleViolation('This commitment is no longer open; decline the new date instead.');
      if (!(await updateAtVersion(tx, 'commitments', c.id, c.version, { due_date: to }))) return STALE;
      await audit(tx, auditActor, { entityType: 'commitment', entityId: c.id, action: 'update', before: { due_date: c.due_date }, after: { due_date: to } });
      return true;
    },
    read,
  );
}

/**
 * Accepts or declines a pending date. `by` must be the side that did not propose it. Accepting moves
 * the commitment's due date; declining keeps the date that stood.
 */
export async function answerDateChange(
  tx: Scope,
  opts: { renegotiationId: string; by: Party; auditActor: AuditActor; accept: boolean; note?: string | null },
): Promise<CommitmentRenegotiationTable> {
  const reneg = await tx
    .selectFrom('commitment_renegotiations')
    .selectAll('commitment_renegotiations')
    .where('commitment_renegotiations.id', '=', opts.renegotiationId)
    .executeTakeFirst();
  if (!reneg) throw notFound('Renegotiation');
  if (reneg.status !== 'pending') throw ruleViolation(`This new date was already ${reneg.status}.`);
  if (answeringSide(reneg) !== opts.by.side) {
    throw ruleViolation(reneg.requested_by_side === 'seller' ? 'The customer answers this proposal, on their plan page.' : 'Your side proposed this date; the other side answers it.');
  }
  const commitment = await tx.selectFrom('commitments').select(['id', 'status', 'due_date', 'version', 'subject_kind', 'subject_id']).where('commitments.id', '=', reneg.commitment_id).executeTakeFirstOrThrow();
  if (opts.accept && commitment.status !== 'open') throw ruleViolation('This commitment is no longer open; decline the new date instead.');
  if (opts.accept) {
    // A proposal can outlive its date while it waits: accepting it then would make a miss at once.
    const { owner_time_zone } = await selectCommitments(tx).where('commitments.id', '=', reneg.commitment_id).executeTakeFirstOrThrow();
    assertNotPast('toDate', reneg.to_date, owner_time_zone);
  }
  const decided = {
    status: opts.accept ? ('accepted' as const) : ('declined' as const),
    decided_by_side: opts.by.side,
    decided_by_user_id: opts.by.userId,
    decided_by_name: opts.by.name,
    decided_at: nowIso(),
    note: opts.note ?? null,
  };
  // Only a still-pending row changes, so two answers at once cannot both win.
  const updated = await tx
    .updateTable('commitment_renegotiations')
    .set(decided)
    .where('commitment_renegotiations.id', '=', reneg.id)
    .where('commitment_renegotiations.status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw ruleViolation('This new date was already answered.');
  await audit(tx, opts.auditActor, {
    entityType: 'renegotiation',
    entityId: reneg.id,
    action: opts.accept ? 'accept' : 'update',
    before: { status: reneg.status },
    after: { status: decided.status, note: decided.note },
  });
  if (opts.accept) await applyDate(tx, opts.auditActor, commitment.id, reneg.to_date);
  await touchSubject(tx, subjectOf(commitment), decided.decided_at);
  await renegotiationEvent(tx, 'renegotiation.answered', { ...reneg, ...decided });
  if (opts.accept) await commitmentEvent(tx, 'commitment.redated', commitment.id, opts.auditActor, { previousDueDate: reneg.from_date, renegotiationId: reneg.id, reason: reneg.reason });
  return { ...reneg, ...decided };
}

