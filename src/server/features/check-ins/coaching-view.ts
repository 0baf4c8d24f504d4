import type { CheckInCoaching } from '../../../shared/check-ins.js';
import { ladderState } from '../../../domain/why-ladder.js';
import type { Actor } from '../../core/actor.js';
import type { CheckInCoachingTable } from '../../core/db/schema.js';
import type { Scope } from '../../core/scope.js';
import { canReadWhy } from '../goals/access.js';
import { selectLadders } from '../goals/ladders.queries.js';

/** A coaching session stays open at most this long after it started (the rule: coaching.ts). */
export const SESSION_HOURS = 12;

export function isOpen(c: Pick<CheckInCoachingTable, 'closed_at' | 'started_at'>, checkIn: { status: string }, now: Date): boolean {
  return c.closed_at === null && checkIn.status === 'upcoming' && now.getTime() < Date.parse(c.started_at) + SESSION_HOURS * 3_600_000;
}

/** What this reader sees of the check-in's coaching (see the rule above). */
export async function presentCoaching(scope: Scope, actor: Actor, checkIn: { id: string; status: string; manager_id: string; rep_id: string }, now: Date): Promise<CheckInCoaching | null> {
  const c = await scope
    .selectFrom('check_in_coaching')
    .innerJoin('users as by', 'by.id', 'check_in_coaching.manager_id')
    .selectAll('check_in_coaching')
    .select('by.name as by_name')
    .where('check_in_coaching.check_in_id', '=', checkIn.id)
    .executeTakeFirst();
  if (!c) return null;
  const ladder = await selectLadders(scope).where('why_ladders.id', '=', c.ladder_id).executeTakeFirstOrThrow();
  const open = isOpen(c, checkIn, now);
  const coach = actor.id === c.manager_id;
  const owner = actor.id === ladder.owner_id;
  const sessionVisible = owner || (coach && open);
  let session: CheckInCoaching['session'] = null;
  if (sessionVisible) {
    const ids = JSON.parse(c.rung_ids) as string[];
    const rungs = ids.length ? await scope.selectFrom('why_rungs').select(['position', 'answer']).where('why_rungs.id', 'in', ids).orderBy('why_rungs.position').execute() : [];
    const state = ladderState(
      rungs.map((r) => r.answer),
      ladder.stopped_changing === 1,
    );
    session = {
      rungs: rungs.map((r, i) => ({ position: r.position, answer: r.answer, repeatOf: state.rungs[i]?.repeatOf ?? null })),
      state: state.status,
      endedBy: state.status === 'ended' ? state.endedBy : null,
      askAbout: state.status === 'climbing' ? state.askAbout : null,
      proposedWhy: state.status === 'ended' ? state.proposedWhy : null,
      ladderVersion: ladder.version,
    };
  }
  return {
    startedAt: c.started_at,
    startedBy: { id: c.manager_id, name: c.by_name },
    open,
    closedAt: c.closed_at ?? (open ? null : closedAtOf(c, checkIn)),
    ladderId: owner || canReadWhy(actor, ladder) ? ladder.id : null,
    session,
    canAddRungs: coach && open,
  };
}

/** When an unclosed session ended by itself: the check-in's change of status, or the time limit. */
function closedAtOf(c: Pick<CheckInCoachingTable, 'started_at'>, _checkIn: { status: string }): string {
  return new Date(Date.parse(c.started_at) + SESSION_HOURS * 3_600_000).toISOString();
}

