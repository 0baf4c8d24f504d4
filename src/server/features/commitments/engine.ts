import type { Insertable } from 'kysely';
import type { Actor } from '../../core/actor.js';
import type { AuditActor, AuditInput } from '../../core/audit.js';
import { audit } from '../../core/audit.js';
import type { CommitmentTable } from '../../core/db/schema.js';
import { invalid } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { updateAtVersion, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import type { OwnerColumns } from './owners.js';
import { lockSubject, subjectColumns, subjectOf, touchSubject, type Subject } from './subjects.js';
import { judgeCustomerWord } from './customer-word.js';
import { fixZones, moveOpenCommitmentsToRule } from './zones.js';

/**
 * A customer-side commitment on a plan: the deal's stored customer word (customer-word.ts) follows
 * each of its writes. `opportunityId`, the plan's deal when the caller has read it, saves reading it again.
 */
export async function afterCustomerWrite(tx: Scope, row: Pick<CommitmentTable, 'subject_kind' | 'plan_id' | 'side'>, opportunityId?: string | null): Promise<void> {
  if (row.subject_kind !== 'plan' || !row.plan_id || row.side !== 'customer') return;
  await judgeCustomerWord(tx, opportunityId ? { deals: [{ opportunityId, planId: row.plan_id }] } : { planIds: [row.plan_id] });
}
import { commitmentEvent, statusEventType } from '../webhooks/events.js';

/**
 * The commitment engine: the one place that creates, changes, closes (done, dropped, reopened) and
 * hands over a commitment, whatever it belongs to (see subjects.ts). Re-dating is in redate.ts and
 * judging (reliability) in reliability.ts, beside it. Each write is conditional on the version read
 * and writes its audit event in the caller's transaction. Who may do it (a plan's owner, a customer
 * through their link, an objective's contributor) is the caller's question, asked before calling.
 */

/** A new commitment, before it has an id, a place or a history. */
export type NewCommitment = OwnerColumns & {
  side: CommitmentTable['side'];
  title: string;
  dueDate: string;
  role?: string | null;
  detail?: string | null;
  milestoneId?: string | null;
  mustDo?: boolean;
  internalOnly?: boolean;
  /** Already kept when written down: done, at `doneAt`. */
  doneAt?: string | null;
  /** The interaction whose advance agreed it (migration 0105), wherever it goes. */
  agreedInInteractionId?: string | null;
};

type Row = Omit<CommitmentTable, 'workspace_id'>;

/** The row the engine stores for a new commitment (pure: the demo builds its back-dated story with it). */
export function commitmentRow(subject: Subject, c: NewCommitment, at: { id: string; position: number; now: string }): Row {
  return {
    id: at.id,
    ...subjectColumns(subject),
    milestone_id: c.milestoneId ?? null,
    position: at.position,
    side: c.side,
    owner_user_id: c.owner_user_id,
    owner_contact_id: c.owner_contact_id,
    owner_name: c.owner_name,
    owner_email: c.owner_email,
    role: c.role ?? null,
    title: c.title,
    detail: c.detail ?? null,
    due_date: c.dueDate,
    original_due_date: c.dueDate,
    must_do: c.mustDo ? 1 : 0,
    internal_only: c.side === 'seller' && c.internalOnly ? 1 : 0,
    status: c.doneAt ? 'done' : 'open',
    drop_reason: null,
    done_at: c.doneAt ?? null,
    version: 1,
    created_at: at.now,
    updated_at: at.now,
    ...(c.agreedInInteractionId ? { agreed_in_interaction_id: c.agreedInInteractionId } : {}),
  };
}

/** The next place at the end of a subject's commitments. */
export async function nextPosition(scope: Scope, subject: Subject): Promise<number> {
  const last = await scope
    .selectFrom('commitments')
    .select('position')
    .where('commitments.subject_kind', '=', subject.kind)
    .where('commitments.subject_id', '=', subject.id)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? last.position + 1 : 0;
}

/**
 * Adds commitments at the end of a subject's list, in order, each with its "create" audit event.
 * The subject's activity moves to now unless `touch` is false (a subject being created right now).
 */
export async function insertCommitments(
  tx: Scope,
  auditActor: AuditActor,
  subject: Subject,
  items: readonly NewCommitment[],
  opts: { now?: string; touch?: boolean } = {},
): Promise<string[]> {
  if (items.length === 0) return [];
  const now = opts.now ?? nowIso();
  // The next place is read, then taken: on PostgreSQL two writers adding at once (the customer
  // through their link, the seller) both read the same last place. The subject's row lock makes them
  // take turns instead. Not a unique index on the place: a layout renumbers row by row, through
  // places another row still holds for a moment.
  await lockSubject(tx, subject);
  const first = await nextPosition(tx, subject);
  const rows = items.map((c, i) => commitmentRow(subject, c, { id: newId(), position: first + i, now }));
  await tx.insert('commitments', rows as Insertable<Row>[]);
  const zones = await fixZones(tx, { ids: rows.map((r) => r.id) });
  await audit(tx, auditActor, rows.map((r): AuditInput => ({ entityType: 'commitment', entityId: r.id, action: 'create', before: null, after: { ...r, time_zone: zones.get(r.id) ?? null } })));
  if (opts.touch !== false) await touchSubject(tx, subject, now);
  if (subject.kind === 'plan' && rows.some((r) => r.side === 'customer')) await judgeCustomerWord(tx, { planIds: [subject.id] });
  for (const r of rows) await commitmentEvent(tx, 'commitment.created', r.id, auditActor);
  return rows.map((r) => r.id);
}

/** done stamps done_at (once); reopening clears it; only a dropped commitment keeps a reason. */
export function statusColumns(current: Pick<CommitmentTable, 'status' | 'done_at' | 'drop_reason'>, status: CommitmentTable['status'] | undefined, dropReason: string | null | undefined) {
  const next = status ?? current.status;
  const columns = {
    status: next,
    done_at: next === 'done' ? (current.status === 'done' ? current.done_at : nowIso()) : null,
    drop_reason: next === 'dropped' ? (dropReason !== undefined ? dropReason : current.drop_reason) : null,
  };
  if (columns.status === 'dropped' && !columns.drop_reason) throw invalid('dropReason', 'Say why this commitment is dropped.');
  return columns;
}

const OWNER_KEYS = ['owner_user_id', 'owner_contact_id', 'owner_name', 'owner_email'] as const;

/**
 * Changes a commitment at the version its writer read (409 with the current one otherwise), status
 * included: done, dropped with a reason, or reopened. A due date never changes here (redate.ts).
 */
export async function changeCommitment<Out extends { version: number }>(opts: {
  tx: Scope;
  actor: Actor;
  current: CommitmentTable;
  expectedVersion: number | undefined;
  patch: Record<string, unknown> & { status?: CommitmentTable['status']; dropReason?: string | null };
  present: () => Promise<Out>;
  /** The deal of the commitment's plan, when the caller has read it (afterCustomerWrite). */
  opportunityId?: string | null;
}): Promise<Out> {
  const { status, dropReason, ...rest } = opts.patch;
  const out = await writeVersioned({
    scope: opts.tx,
    actor: opts.actor,
    table: 'commitments',
    entityType: 'commitment',
    action: 'update',
    current: opts.current,
    expectedVersion: opts.expectedVersion,
    patch: { ...rest, ...statusColumns(opts.current, status, dropReason) },
    present: opts.present,
  });
  if (out.version !== opts.current.version) {
    // Another owner: an open commitment still ahead is judged where its new owner is (zones.ts).
    const handed = OWNER_KEYS.some((k) => k in rest);
    if (handed) await moveOpenCommitmentsToRule(opts.tx, { ids: [opts.current.id] });
    await touchSubject(opts.tx, subjectOf(opts.current));
    await afterCustomerWrite(opts.tx, opts.current, opts.opportunityId);
    const event = statusEventType(opts.current.status, status ?? opts.current.status);
    if (event) await commitmentEvent(opts.tx, event, opts.current.id, opts.actor);
    if (handed) return opts.present();
  }
  return out;
}

/**
 * Ticks a commitment done or open again, without a version from the writer (a tick does not depend
 * on what else they saw): false when another writer got there first, so the caller reads it again.
 */
export async function setDone(tx: Scope, auditActor: AuditActor, row: CommitmentTable, done: boolean): Promise<boolean> {
  const wanted: CommitmentTable['status'] = done ? 'done' : 'open';
  if (row.status === wanted) return true;
  const next = statusColumns(row, wanted, null);
  if (!(await updateAtVersion(tx, 'commitments', row.id, row.version, next))) return false;
  await audit(tx, auditActor, { entityType: 'commitment', entityId: row.id, action: 'update', before: { status: row.status, done_at: row.done_at }, after: { status: next.status, done_at: next.done_at } });
  await touchSubject(tx, subjectOf(row));
  await afterCustomerWrite(tx, row);
  await commitmentEvent(tx, done ? 'commitment.completed' : 'commitment.reopened', row.id, auditActor);
  return true;
}

/** A person leaves: their open commitments, of every kind, go to the person taking over (audited each). */
export async function handOverOpenCommitments(tx: Scope, from: string, to: string, now: string): Promise<AuditInput[]> {
  const moved = await tx
    .updateTable('commitments')
    .set((eb) => ({ owner_user_id: to, version: eb('commitments.version', '+', 1), updated_at: now }))
    .where('commitments.owner_user_id', '=', from)
    .where('commitments.status', '=', 'open')
    .returning('commitments.id')
    .execute();
  await moveOpenCommitmentsToRule(tx, { ids: moved.map((r) => r.id) });
  return moved.map((r) => ({ entityType: 'commitment', entityId: r.id, action: 'transfer', before: { owner_user_id: from }, after: { owner_user_id: to } }));
}
