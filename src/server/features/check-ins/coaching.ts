import type { CheckIn, CloseCoachingBody } from '../../../shared/check-ins.js';
import type { AddWhyRungBody, CreateWhyLadderBody } from '../../../shared/goals.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, duplicate, forbidden, invalid, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { selectLadders } from '../goals/ladders.queries.js';
import { appendRung, markStoppedChanging, startLadderFor } from '../goals/ladders.service.js';
import { isOpen } from './coaching-view.js';
import { checkInFor, presentCheckIn } from './queries.js';

/**
 * Coaching inside a check-in: the manager runs the why ladder with the rep (method part 4, issue 12
 * point 7). The rule that keeps a why private to its rep (point 2):
 *
 *   - The ladder is the REP's: owner = rep, created through the goals feature's own writes, private
 *     to them unless they share it with their manager — like any ladder they start themselves.
 *   - The manager running the check-in writes the rep's answers down during the session and reads
 *     what was said in it — the session's rungs only, never the rep's other ladders or rungs the rep
 *     adds by themselves — while the session is OPEN: until the manager closes it, the check-in is
 *     marked held or skipped, or SESSION_HOURS after it started, whichever comes first. A closed
 *     session never reopens.
 *   - Afterwards the manager reads the ladder only if the rep shared it, through the ladder itself
 *     (GET /why-ladders/{id}, the goals rule); otherwise the check-in only says that a ladder was
 *     climbed, and a direct request for the ladder answers 404 like one that does not exist.
 *   - Admins never read it (unless they ran the session, and then only while it is open); the rep
 *     always does.
 * Its audit events are the ladder's (`why_ladder`, `why_rung`: private, never part of another
 * record's history) and `check_in_coaching` ones that name no answer. What each reader sees: coaching-view.ts.
 */
type Op<T> = { scope: Scope; actor: Actor } & T;

const COACH_REFUSED = 'Only the manager running this check-in coaches in it.';

/** Closes the check-in's session for good (marking the check-in held or skipped does this too). */
export async function closeSession(tx: Scope, actor: Pick<Actor, 'id' | 'name'>, checkInId: string): Promise<void> {
  const c = await tx.selectFrom('check_in_coaching').selectAll('check_in_coaching').where('check_in_coaching.check_in_id', '=', checkInId).executeTakeFirst();
  if (!c || c.closed_at) return;
  const at = nowIso();
  if (!(await updateAtVersion(tx, 'check_in_coaching', c.id, c.version, { closed_at: at }))) return closeSession(tx, actor, checkInId);
  await audit(tx, actor, { entityType: 'check_in_coaching', entityId: c.id, action: 'update', before: { closed_at: null }, after: { closed_at: at } });
}

async function coachable(tx: Scope, actor: Actor, id: string) {
  const checkIn = await checkInFor(tx, actor, id);
  if (actor.id !== checkIn.manager_id) throw forbidden(COACH_REFUSED);
  return checkIn;
}

/** The rep's first answer ("What do you want to achieve?") starts a ladder that is the rep's. */
export async function startCoaching({ scope, actor, id, input }: Op<{ id: string; input: CreateWhyLadderBody }>): Promise<CheckIn> {
  return scope.transaction(async (tx) => {
    const checkIn = await coachable(tx, actor, id);
    if (checkIn.status !== 'upcoming') throw ruleViolation('This check-in is over: start a why ladder in the next one.');
    const existing = await tx.selectFrom('check_in_coaching').select('id').where('check_in_coaching.check_in_id', '=', id).executeTakeFirst();
    if (existing) throw duplicate('start', 'A why ladder was already climbed in this check-in.');
    const { ladderId, rungId } = await startLadderFor(tx, actor, checkIn.rep_id, input.start);
    const now = nowIso();
    const row = { id: newId(), check_in_id: id, ladder_id: ladderId, manager_id: actor.id, rung_ids: JSON.stringify([rungId]), started_at: now, closed_at: null, version: 1, created_at: now, updated_at: now };
    // Two starts at once: the unique check_in_id lets one through.
    const inserted = await tx.insertRow('check_in_coaching', row).onConflict((oc) => oc.column('check_in_id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw duplicate('start', 'A why ladder was already climbed in this check-in.');
    // Not the ladder's id: the ladder is the rep's private why, and an admin's export must not point at it.
    await audit(tx, actor, { entityType: 'check_in_coaching', entityId: row.id, action: 'create', before: null, after: { check_in_id: id, manager_id: actor.id } });
    return presentCheckIn(tx, actor, id);
  });
}

/** The manager writes down the rep's next answer, from the ladder's version read (409 otherwise). */
export async function addCoachingRung({ scope, actor, id, input }: Op<{ id: string; input: AddWhyRungBody }>): Promise<CheckIn> {
  return scope.transaction(async (tx) => {
    const checkIn = await coachable(tx, actor, id);
    const c = await tx.selectFrom('check_in_coaching').selectAll('check_in_coaching').where('check_in_coaching.check_in_id', '=', id).executeTakeFirst();
    if (!c) throw ruleViolation('Start the why ladder first, with the rep’s first answer.');
    if (!isOpen(c, checkIn, new Date())) throw ruleViolation('This coaching session has ended: the ladder is the rep’s, to continue on their own.');
    if (input.version === undefined) throw invalid('version', 'Send the version you read (the "version" field or an If-Match header).');
    const ladder = await selectLadders(tx).where('why_ladders.id', '=', c.ladder_id).executeTakeFirstOrThrow();
    if (input.version !== ladder.version) throw conflict(await presentCheckIn(tx, actor, id));
    const rungId = await appendRung(tx, actor, ladder, input.answer);
    if (!rungId) throw conflict(await presentCheckIn(tx, actor, id));
    const ids = [...(JSON.parse(c.rung_ids) as string[]), rungId];
    if (!(await updateAtVersion(tx, 'check_in_coaching', c.id, c.version, { rung_ids: JSON.stringify(ids) }))) throw conflict(await presentCheckIn(tx, actor, id));
    return presentCheckIn(tx, actor, id);
  });
}

/** Closes the session (and, if the rep said so, notes that the answer has stopped changing). */
export async function closeCoaching({ scope, actor, id, input }: Op<{ id: string; input: CloseCoachingBody }>): Promise<CheckIn> {
  return scope.transaction(async (tx) => {
    const checkIn = await coachable(tx, actor, id);
    const c = await tx.selectFrom('check_in_coaching').selectAll('check_in_coaching').where('check_in_coaching.check_in_id', '=', id).executeTakeFirst();
    if (!c) throw ruleViolation('No why ladder was climbed in this check-in.');
    if (input.stoppedChanging) {
      if (!isOpen(c, checkIn, new Date())) throw ruleViolation('This coaching session has ended: the ladder is the rep’s, to end on their own.');
      // Ending the ladder proposes its last answer: only from the ladder as the manager saw it.
      if (input.version === undefined) throw invalid('version', 'Send the ladder’s version you read (the "version" field or an If-Match header).');
      const ladder = await selectLadders(tx).where('why_ladders.id', '=', c.ladder_id).executeTakeFirstOrThrow();
      if (input.version !== ladder.version) throw conflict(await presentCheckIn(tx, actor, id));
      if (!(await markStoppedChanging(tx, actor, ladder))) throw conflict(await presentCheckIn(tx, actor, id));
    }
    await closeSession(tx, actor, id);
    return presentCheckIn(tx, actor, id);
  });
}
