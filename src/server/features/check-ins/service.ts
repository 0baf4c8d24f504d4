import type { CheckIn, CheckInNote, CreateCheckInActionBody, CreateCheckInNoteBody, OpenCheckInBody, SaveCheckInAnswersBody, UpdateCheckInBody, UpdateCheckInNoteBody } from '../../../shared/check-ins.js';
import type { Commitment } from '../../../shared/commitments.js';
import { isOccurrence } from '../../../domain/check-in-schedule.js';
import { addDays } from '../../../domain/dates.js';
import { wallClock } from '../../../domain/zoned-time.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { lockRow, updateAtVersion, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { presentCommitmentById } from '../commitments/commitments.service.js';
import { assertNotPast, ownerZoneFor } from '../commitments/date-rules.js';
import { insertCommitments } from '../commitments/engine.js';
import { ANSWER_REFUSED, ANSWERS_CLOSED, canAnswer, canManage, isParticipant, MANAGE_REFUSED, NOTE_REFUSED } from './access.js';
import { closeSession } from './coaching.js';
import { notifyAnswersArrived } from './notifications.js';
import { openOccurrence } from './open.js';
import { checkInFor, presentCheckIn, presentNote } from './queries.js';
import { scheduleOf } from './series.js';
import { checkAnswerIds } from './template.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

const MAX_YEARS_AHEAD = 5;

/** Opens an occurrence of a series (either person, or an admin): it must be one of its instants. */
export async function openCheckIn({ scope, actor, seriesId, input }: Op<{ seriesId: string; input: OpenCheckInBody }>): Promise<CheckIn> {
  return scope.transaction(async (tx) => {
    const series = await tx.selectFrom('check_in_series').selectAll('check_in_series').where('check_in_series.id', '=', seriesId).executeTakeFirst();
    if (!series || !isParticipant(actor, series)) throw notFound('Check-in series');
    const at = new Date(input.scheduledAt);
    const schedule = scheduleOf(series);
    // Occurrences are looked for from the first day to a few years ahead (nothing else is one of them).
    const tooFar = at.getTime() > Date.now() + MAX_YEARS_AHEAD * 366 * 86_400_000 || at.toISOString().slice(0, 10) < addDays(series.starts_on, -1);
    if (tooFar || !isOccurrence(schedule, at)) throw invalid('scheduledAt', 'This series does not meet at that time: choose one of its occurrences.');
    const existing = await tx.selectFrom('check_ins').select('id').where('check_ins.series_id', '=', seriesId).where('check_ins.scheduled_at', '=', at.toISOString()).executeTakeFirst();
    if (!existing && series.ended_at && at.toISOString() > series.ended_at) throw ruleViolation('This series has ended: it has no further check-ins.');
    const { date, time } = wallClock(at, series.time_zone);
    const opened = existing ?? (await openOccurrence(tx, actor, series, { date, time, at }));
    return presentCheckIn(tx, actor, opened.id);
  });
}

/** Marks a check-in held (now), skipped, or upcoming again: its manager or an admin, from the version read. */
export async function updateCheckIn({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateCheckInBody; version?: number }>): Promise<CheckIn> {
  return scope.transaction(async (tx) => {
    const row = await checkInFor(tx, actor, id);
    if (!canManage(actor, row)) throw forbidden(MANAGE_REFUSED);
    const current = await tx.selectFrom('check_ins').selectAll('check_ins').where('check_ins.id', '=', id).executeTakeFirstOrThrow();
    // Held or skipped: a coaching session in it closes for good (marking it upcoming again does not reopen it).
    if (input.status !== 'upcoming' && version === current.version) await closeSession(tx, actor, id);
    return writeVersioned({
      scope: tx,
      actor,
      table: 'check_ins',
      entityType: 'check_in',
      action: 'update',
      current,
      expectedVersion: version,
      patch: { status: input.status, held_at: input.status === 'held' ? (current.held_at ?? nowIso()) : null },
      present: () => presentCheckIn(tx, actor, id),
    });
  });
}

/**
 * The rep's answers, replaced as a whole from the version of the answers read (409 with the
 * check-in as it is now). `submit` hands them to the manager, who is notified the first time.
 */
export async function saveAnswers({ scope, actor, id, input, version, now = new Date() }: Op<{ id: string; input: SaveCheckInAnswersBody; version?: number; now?: Date }>): Promise<CheckIn> {
  return scope.transaction(async (tx) => {
    // Taken before reading its status, so marking it held cannot slip in between (PostgreSQL; SQLite writes one at a time).
    await lockRow(tx, 'check_ins', id);
    const row = await checkInFor(tx, actor, id);
    if (!canAnswer(actor, row)) throw forbidden(ANSWER_REFUSED);
    // What the rep brought to a check-in that took place (or was skipped) is its record: it no longer changes.
    if (row.status !== 'upcoming') throw ruleViolation(ANSWERS_CLOSED[row.status]);
    checkAnswerIds(JSON.parse(row.questions), input.answers);
    const seen = new Set<string>();
    input.answers.forEach((a, i) => {
      if (seen.has(a.questionId)) throw invalid(`answers.${i}.questionId`, 'Answer each question once.');
      seen.add(a.questionId);
    });
    const current = await tx.selectFrom('check_in_answers').selectAll('check_in_answers').where('check_in_answers.id', '=', id).executeTakeFirstOrThrow();
    const answers = JSON.stringify(input.answers.filter((a) => a.text).map((a) => ({ questionId: a.questionId, text: a.text as string })));
    const firstSubmit = input.submit === true && current.submitted_at === null;
    const out = await writeVersioned({
      scope: tx,
      actor,
      table: 'check_in_answers',
      entityType: 'check_in_answers',
      action: 'update',
      current,
      expectedVersion: version,
      patch: { answers, submitted_at: firstSubmit ? now.toISOString() : current.submitted_at },
      present: () => presentCheckIn(tx, actor, id, now),
    });
    if (firstSubmit) await notifyAnswersArrived(tx, row, row.rep_name, now);
    return out;
  });
}

/** A note by the check-in's manager (or an admin): private to its author unless shared. */
export async function addNote({ scope, actor, id, input }: Op<{ id: string; input: CreateCheckInNoteBody }>): Promise<CheckInNote> {
  return scope.transaction(async (tx) => {
    const row = await checkInFor(tx, actor, id);
    if (!canManage(actor, row)) throw forbidden(MANAGE_REFUSED);
    const now = nowIso();
    const note = { id: newId(), check_in_id: id, author_id: actor.id, author_name: actor.name, body: input.body, visibility: input.visibility ?? 'private', version: 1, created_at: now, updated_at: now } as const;
    await tx.insert('check_in_notes', note);
    // The audit trail says who wrote a note and who may read it — never what a private note says.
    await audit(tx, actor, { entityType: 'check_in_note', entityId: note.id, action: 'create', before: null, after: { check_in_id: id, author_id: actor.id, visibility: note.visibility, body_chars: note.body.length } });
    return presentNote(actor, { ...note, workspace_id: tx.workspaceId });
  });
}

/** The author changes their note's words or who reads it, from the version read. */
export async function updateNote({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateCheckInNoteBody; version?: number }>): Promise<CheckInNote> {
  return scope.transaction(async (tx) => {
    const note = await tx.selectFrom('check_in_notes').selectAll('check_in_notes').where('check_in_notes.id', '=', id).executeTakeFirst();
    // Someone else's private note is not there for you (the route's policy says the same).
    if (!note || (note.author_id !== actor.id && note.visibility === 'private')) throw notFound('Note');
    await checkInFor(tx, actor, note.check_in_id);
    if (note.author_id !== actor.id) throw forbidden(NOTE_REFUSED);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== note.version) throw conflict(presentNote(actor, note));
    const patch = Object.fromEntries(Object.entries({ body: input.body, visibility: input.visibility }).filter(([k, v]) => v !== undefined && note[k as 'body' | 'visibility'] !== v));
    if (Object.keys(patch).length === 0) return presentNote(actor, note);
    if (!(await updateAtVersion(tx, 'check_in_notes', id, note.version, patch))) {
      throw conflict(presentNote(actor, await tx.selectFrom('check_in_notes').selectAll('check_in_notes').where('check_in_notes.id', '=', id).executeTakeFirstOrThrow()));
    }
    const next = { ...note, ...patch };
    await audit(tx, actor, {
      entityType: 'check_in_note',
      entityId: id,
      action: 'update',
      before: { visibility: note.visibility, body_chars: note.body.length, ...(patch.body !== undefined ? { body_edited: false } : {}) },
      after: { visibility: next.visibility, body_chars: next.body.length, ...(patch.body !== undefined ? { body_edited: true } : {}) },
    });
    return presentNote(actor, await tx.selectFrom('check_in_notes').selectAll('check_in_notes').where('check_in_notes.id', '=', id).executeTakeFirstOrThrow());
  });
}

/**
 * An agreed action: a commitment of the one engine (subject `check_in`), owned by the manager or the
 * rep, due on a day that is today or later in its owner's zone. It counts in its owner's reliability,
 * shows on their Today, and comes back in the next check-in ("actions from last time").
 */
export async function addAction({ scope, actor, id, input }: Op<{ id: string; input: CreateCheckInActionBody }>): Promise<Commitment> {
  return scope.transaction(async (tx) => {
    const row = await checkInFor(tx, actor, id);
    const ownerId = input.ownerUserId ?? row.rep_id;
    if (ownerId !== row.rep_id && ownerId !== row.manager_id) throw invalid('ownerUserId', 'An action agreed in a check-in is the manager’s or the rep’s.');
    const owner = await tx.selectFrom('users').select('status').where('users.id', '=', ownerId).executeTakeFirstOrThrow();
    if (owner.status !== 'active') throw invalid('ownerUserId', 'Choose an active person in this workspace.');
    const zone = await ownerZoneFor(tx, { side: 'seller', ownerUserId: ownerId, customerTimeZone: actor.timeZone });
    assertNotPast('dueDate', input.dueDate, zone);
    const [actionId] = await insertCommitments(tx, actor, { kind: 'check_in', id }, [
      { side: 'seller', owner_user_id: ownerId, owner_contact_id: null, owner_name: null, owner_email: null, title: input.title, detail: input.detail, dueDate: input.dueDate, mustDo: input.mustDo },
    ]);
    return presentCommitmentById(tx, actor, { canEdit: canManage(actor, row) }, actionId);
  });
}
