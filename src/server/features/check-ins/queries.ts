import type { CheckIn, CheckInAnswers, CheckInList, CheckInListQuery, CheckInNote } from '../../../shared/check-ins.js';
import type { Commitment } from '../../../shared/commitments.js';
import { cadenceDays } from '../../../domain/check-in-schedule.js';
import type { Actor } from '../../core/actor.js';
import type { CheckInAnswersTable, CheckInNoteTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { byCommitment, presentCommitment, renegotiationsOf, selectCommitments } from '../commitments/queries.js';
import { canAnswer, canManage, canReadNote, isParticipant, type People } from './access.js';
import { presentCoaching } from './coaching-view.js';
import { checkInData } from './data.js';
import { parseQuestions } from './template.js';

export function selectCheckIns(scope: Scope) {
  return scope
    .selectFrom('check_ins')
    .innerJoin('check_in_series as series', 'series.id', 'check_ins.series_id')
    .innerJoin('users as manager', 'manager.id', 'check_ins.manager_id')
    .innerJoin('users as rep', 'rep.id', 'check_ins.rep_id')
    .selectAll('check_ins')
    .select(['manager.name as manager_name', 'rep.name as rep_name', 'series.duration_minutes', 'series.cadence']);
}
type CheckInRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectCheckIns>['executeTakeFirst']>>>;

/** The check-in's row, for someone who is part of it; anyone else finds nothing (404). */
export async function checkInFor(scope: Scope, actor: Actor, id: string): Promise<CheckInRow> {
  const row = await selectCheckIns(scope).where('check_ins.id', '=', id).executeTakeFirst();
  if (!row || !isParticipant(actor, row)) throw notFound('Check-in');
  return row;
}

export function presentNote(actor: Actor, n: CheckInNoteTable): CheckInNote {
  return {
    id: n.id,
    checkInId: n.check_in_id,
    author: { id: n.author_id, name: n.author_name },
    body: n.body,
    visibility: n.visibility,
    version: n.version,
    createdAt: n.created_at,
    updatedAt: n.updated_at,
    permissions: { canEdit: n.author_id === actor.id },
  };
}

function presentAnswers(a: CheckInAnswersTable): CheckInAnswers {
  return { answers: JSON.parse(a.answers) as CheckInAnswers['answers'], submittedAt: a.submitted_at, updatedAt: a.updated_at, version: a.version };
}

/** The rep reads their answers, draft or not; the others once the rep has submitted them. */
const answersVisible = (actor: Actor, c: People, a: CheckInAnswersTable | undefined) => !!a && (canAnswer(actor, c) || a.submitted_at !== null);

/** Agreed actions of these check-ins, by check-in, in the order they were agreed. */
async function actionsOf(scope: Scope, actor: Actor, checkIns: readonly (People & { id: string })[], now: Date): Promise<Map<string, Commitment[]>> {
  const out = new Map<string, Commitment[]>(checkIns.map((c) => [c.id, []]));
  for (const c of checkIns) {
    const [rows, renegotiations] = await Promise.all([
      selectCommitments(scope).where('commitments.subject_kind', '=', 'check_in').where('commitments.subject_id', '=', c.id).orderBy('commitments.position').orderBy('commitments.id').execute(),
      renegotiationsOf(scope, { subject: { kind: 'check_in', id: c.id } }),
    ]);
    const history = byCommitment(renegotiations);
    const access = { canEdit: canManage(actor, c) };
    out.set(
      c.id,
      rows.map((r) => presentCommitment(r, history.get(r.id) ?? [], access, actor, now)),
    );
  }
  return out;
}

/**
 * A check-in as this person may see it: its questions, the rep's answers (a draft only to the rep),
 * the notes they may read (their own, and shared ones — never someone else's private note), the
 * actions agreed in it, last time's actions with what became of them, and the rep's data.
 */
export async function presentCheckIn(scope: Scope, actor: Actor, id: string, now = new Date()): Promise<CheckIn> {
  const row = await checkInFor(scope, actor, id);
  const [answers, notes, previous] = await Promise.all([
    scope.selectFrom('check_in_answers').selectAll('check_in_answers').where('check_in_answers.id', '=', id).executeTakeFirst(),
    scope
      .selectFrom('check_in_notes')
      .selectAll('check_in_notes')
      .where('check_in_notes.check_in_id', '=', id)
      // The filter is in the query, so a private note of someone else never leaves the database.
      .where((eb) => eb.or([eb('check_in_notes.author_id', '=', actor.id), eb('check_in_notes.visibility', '=', 'shared')]))
      .orderBy('check_in_notes.created_at')
      .orderBy('check_in_notes.id')
      .execute(),
    scope
      .selectFrom('check_ins')
      .select(['check_ins.id', 'check_ins.scheduled_at', 'check_ins.local_date', 'check_ins.manager_id', 'check_ins.rep_id'])
      .where('check_ins.series_id', '=', row.series_id)
      .where('check_ins.scheduled_at', '<', row.scheduled_at)
      .orderBy('check_ins.scheduled_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const from = previous?.scheduled_at ?? new Date(new Date(row.scheduled_at).getTime() - cadenceDays(row.cadence) * 86_400_000).toISOString();
  const [actions, data, coaching] = await Promise.all([
    actionsOf(scope, actor, previous ? [row, previous] : [row], now),
    checkInData(scope, actor, row.rep_id, { from, to: row.scheduled_at }, now),
    presentCoaching(scope, actor, row, now),
  ]);
  return {
    id: row.id,
    seriesId: row.series_id,
    manager: { id: row.manager_id, name: row.manager_name },
    rep: { id: row.rep_id, name: row.rep_name },
    scheduledAt: row.scheduled_at,
    localDate: row.local_date,
    localTime: row.local_time,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    status: row.status,
    heldAt: row.held_at,
    questions: parseQuestions(row.questions),
    answers: answers && answersVisible(actor, row, answers) ? presentAnswers(answers) : null,
    notes: notes.filter((n) => canReadNote(actor, row, n)).map((n) => presentNote(actor, n)),
    actions: actions.get(row.id) ?? [],
    previous: previous ? { id: previous.id, scheduledAt: previous.scheduled_at, localDate: previous.local_date, actions: actions.get(previous.id) ?? [] } : null,
    data,
    coaching,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canAnswer: canAnswer(actor, row) && row.status === 'upcoming', canManage: canManage(actor, row), canAddAction: true, canCoach: actor.id === row.manager_id && row.status === 'upcoming' && coaching === null },
  };
}

/** Check-ins the caller runs or attends (an admin: all), newest first, by keyset on (scheduled_at, id). */
export async function listCheckIns(scope: Scope, actor: Actor, query: CheckInListQuery, now = new Date()): Promise<CheckInList> {
  let q = selectCheckIns(scope).leftJoin('check_in_answers as a', 'a.id', 'check_ins.id').select('a.submitted_at');
  if (actor.role !== 'admin') q = q.where((eb) => eb.or([eb('check_ins.manager_id', '=', actor.id), eb('check_ins.rep_id', '=', actor.id)]));
  if (query.seriesId) q = q.where('check_ins.series_id', '=', query.seriesId);
  if (query.when === 'past') q = q.where('check_ins.scheduled_at', '<=', now.toISOString());
  if (query.when === 'upcoming') q = q.where('check_ins.scheduled_at', '>', now.toISOString());
  const rows = await keyset(q, { column: 'check_ins.scheduled_at', idColumn: 'check_ins.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await scope
        .selectFrom('commitments')
        .select(['commitments.subject_id', 'commitments.status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('commitments.subject_kind', '=', 'check_in')
        .where('commitments.subject_id', 'in', ids)
        .groupBy(['commitments.subject_id', 'commitments.status'])
        .execute()
    : [];
  const count = (id: string, status?: string) => counts.filter((c) => c.subject_id === id && (status === undefined || c.status === status)).reduce((n, c) => n + Number(c.n), 0);
  return toPage(
    rows,
    query.limit,
    (r) => [r.scheduled_at, r.id],
    (r) => ({
      id: r.id,
      seriesId: r.series_id,
      manager: { id: r.manager_id, name: r.manager_name },
      rep: { id: r.rep_id, name: r.rep_name },
      scheduledAt: r.scheduled_at,
      localDate: r.local_date,
      localTime: r.local_time,
      timeZone: r.time_zone,
      status: r.status,
      answersSubmitted: r.submitted_at !== null && r.submitted_at !== undefined,
      actions: { total: count(r.id) - count(r.id, 'dropped'), done: count(r.id, 'done'), open: count(r.id, 'open') },
    }),
  );
}
