import type { CommitmentSubjectKind, CommitmentTable } from '../../core/db/schema.js';
import { nowIso } from '../../core/ids.js';
import { lockRow, type VersionedTable } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { touchPlan } from '../plans/access.js';

/**
 * What a commitment belongs to: a mutual plan, an account objective (its tasks), an interaction (its
 * agreed actions) or a check-in. Stored as subject_kind + subject_id; plan_id is the plan kind's
 * foreign key and is set exactly when the subject is a plan (a CHECK in migration 0090).
 */
export type Subject = { kind: CommitmentSubjectKind; id: string };

export const SUBJECT_KINDS: readonly CommitmentSubjectKind[] = ['plan', 'objective', 'interaction', 'check_in'];

export const planSubject = (planId: string): Subject => ({ kind: 'plan', id: planId });

export function subjectColumns(subject: Subject): Pick<CommitmentTable, 'subject_kind' | 'subject_id' | 'plan_id'> {
  return { subject_kind: subject.kind, subject_id: subject.id, plan_id: subject.kind === 'plan' ? subject.id : null };
}

export const subjectOf = (row: Pick<CommitmentTable, 'subject_kind' | 'subject_id'>): Subject => ({ kind: row.subject_kind, id: row.subject_id });

/** Anything done to what is on a subject counts as the subject's activity ("no activity for 14 days" reads a plan's). */
export async function touchSubject(scope: Scope, subject: Subject, at = nowIso()): Promise<void> {
  if (subject.kind === 'plan') await touchPlan(scope, subject.id, at);
}

/** The row each kind of subject is. */
const SUBJECT_TABLES = { plan: 'plans', objective: 'account_objectives', interaction: 'interactions', check_in: 'check_ins' } as const satisfies Record<CommitmentSubjectKind, VersionedTable>;

/**
 * Holds the subject's row until the transaction ends (PostgreSQL; SQLite writes one at a time), so
 * that writers adding to its list take turns: the second waits, then reads the first one's rows.
 * On a plan it is the lock touching the plan takes anyway, only taken earlier, before rows that are
 * new: the order every plan writer keeps (its existing commitments and milestones, then the plan).
 */
export async function lockSubject(scope: Scope, subject: Subject): Promise<void> {
  await lockRow(scope, SUBJECT_TABLES[subject.kind], subject.id);
}
