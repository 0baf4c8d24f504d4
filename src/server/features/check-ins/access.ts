import type { Actor } from '../../core/actor.js';
import type { Verdict } from '../../core/permissions.js';
import type { CheckInNoteTable } from '../../core/db/schema.js';
import type { Scope } from '../../core/scope.js';

/**
 * Who may do what with check-ins. A check-in is between two people: its manager and its rep. They
 * and the workspace's admins read it; anyone else finds nothing there (404, exactly like a record
 * that does not exist — a 1:1 is nobody else's business).
 *
 * - Set up a series with a rep: the manager of the rep's team, or an admin.
 * - Change or end a series, write notes, mark a check-in held: its manager, or an admin.
 * - Open an occurrence, record agreed actions: either person, or an admin.
 * - Answer the questions: the rep alone (an answer is in their own words). Until they submit them,
 *   their answers are a draft nobody else reads.
 * - A note is private to its author (nobody else reads it through any route, admins included) or
 *   shared with both people of the check-in (and admins). Only its author changes it.
 */
export type People = { manager_id: string; rep_id: string };

export const isParticipant = (actor: Actor, c: People) => actor.role === 'admin' || actor.id === c.manager_id || actor.id === c.rep_id;
export const canManage = (actor: Actor, c: People) => actor.role === 'admin' || actor.id === c.manager_id;
/** Answers stay as they were once the check-in has taken place or was skipped. */
export const ANSWERS_CLOSED = {
  held: 'This check-in has taken place: your answers stay as they were. Add what changed to the next one.',
  skipped: 'This check-in was skipped: its answers no longer change. Answer the next one.',
} as const;

export const canAnswer = (actor: Actor, c: People) => actor.id === c.rep_id;

export const canReadNote = (actor: Actor, c: People, note: Pick<CheckInNoteTable, 'author_id' | 'visibility'>) =>
  note.author_id === actor.id || (note.visibility === 'shared' && isParticipant(actor, c));

/** A manager sets up check-ins with the people of the teams they lead; an admin with anyone. */
export const canSetUpWith = (actor: Actor, person: { id: string; team_id: string | null }) =>
  person.id !== actor.id && (actor.role === 'admin' || (actor.role === 'manager' && person.team_id !== null && actor.ledTeamIds.includes(person.team_id)));

export const SETUP_REFUSED = 'Only the manager of this person’s team, or an admin, can set up check-ins with them.';
export const MANAGE_REFUSED = 'Only the manager who runs this check-in, or an admin, can do this.';
export const ANSWER_REFUSED = 'Only the rep answers the questions of their check-in.';
export const NOTE_REFUSED = 'Only the author of a note can change it.';

const verdict = (allowed: boolean, refusal: string): Verdict => (allowed ? 'allowed' : { refused: refusal });

async function seriesPeople(scope: Scope, id: string) {
  return scope.selectFrom('check_in_series').select(['manager_id', 'rep_id']).where('check_in_series.id', '=', id).executeTakeFirst();
}

async function checkInPeople(scope: Scope, id: string) {
  return scope.selectFrom('check_ins').select(['manager_id', 'rep_id']).where('check_ins.id', '=', id).executeTakeFirst();
}

/** Route policies (core/permissions.ts): someone who is not part of it finds nothing (404). */
export const checkInPolicies = {
  'check-in-setup': async (scope: Scope, actor: Actor, repId: string): Promise<Verdict> => {
    const person = await scope.selectFrom('users').select(['id', 'team_id']).where('users.id', '=', repId).executeTakeFirst();
    if (!person) return 'missing';
    return verdict(canSetUpWith(actor, person), SETUP_REFUSED);
  },
  'check-in-series': async (scope: Scope, actor: Actor, id: string): Promise<Verdict> => {
    const s = await seriesPeople(scope, id);
    if (!s || !isParticipant(actor, s)) return 'missing';
    return verdict(canManage(actor, s), MANAGE_REFUSED);
  },
  'check-in-series-attend': async (scope: Scope, actor: Actor, id: string): Promise<Verdict> => {
    const s = await seriesPeople(scope, id);
    return s && isParticipant(actor, s) ? 'allowed' : 'missing';
  },
  'check-in': async (scope: Scope, actor: Actor, id: string): Promise<Verdict> => {
    const c = await checkInPeople(scope, id);
    return c && isParticipant(actor, c) ? 'allowed' : 'missing';
  },
  'check-in-manage': async (scope: Scope, actor: Actor, id: string): Promise<Verdict> => {
    const c = await checkInPeople(scope, id);
    if (!c || !isParticipant(actor, c)) return 'missing';
    return verdict(canManage(actor, c), MANAGE_REFUSED);
  },
  'check-in-answers': async (scope: Scope, actor: Actor, id: string): Promise<Verdict> => {
    const c = await checkInPeople(scope, id);
    if (!c || !isParticipant(actor, c)) return 'missing';
    return verdict(canAnswer(actor, c), ANSWER_REFUSED);
  },
  'check-in-note': async (scope: Scope, actor: Actor, id: string): Promise<Verdict> => {
    const note = await scope
      .selectFrom('check_in_notes')
      .innerJoin('check_ins as ci', 'ci.id', 'check_in_notes.check_in_id')
      .select(['check_in_notes.author_id', 'check_in_notes.visibility', 'ci.manager_id', 'ci.rep_id'])
      .where('check_in_notes.id', '=', id)
      .executeTakeFirst();
    // Someone else's private note is not there for you, whoever you are.
    if (!note || !canReadNote(actor, note, note)) return 'missing';
    return verdict(note.author_id === actor.id, NOTE_REFUSED);
  },
};
export type CheckInPolicyKind = keyof typeof checkInPolicies;
