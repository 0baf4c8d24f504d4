import { isBeforeToday } from '../../../domain/dates.js';
import { dateInPast } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';

/**
 * "No date in the past by accident": a new due date — a new commitment's, a re-date, a proposal, or
 * the one an answer accepts — must be today or later where it is judged, the zone reliability and
 * "missed" use. For a commitment that exists, the zone fixed on it (zones.ts; the `owner_time_zone`
 * commitments/queries.ts reads), not its owner's or the plan's zone now: one due today in Auckland
 * whose owner moved to Los Angeles cannot be moved to Los Angeles' today, a miss at once. For a new
 * one, the zone it will be fixed in (`ownerZoneFor`): the user's own zone (else the workspace's) on
 * the seller side, the plan's customer zone on the customer side (the share page never sends a zone
 * of its own, so the customer's "today" is the plan's customer zone, which the rep sets on the plan).
 */
export function assertNotPast(path: string, date: string, timeZone: string, now = new Date()): void {
  if (isBeforeToday(date, timeZone, now)) throw dateInPast(path, date, timeZone);
}

/**
 * The same rule for dates that belong to the plan rather than to one owner — a plan's start and
 * target dates, a milestone's due date: judged in the zone of the person setting them (the today
 * their own date picker shows). Only a new date is judged: on a change, a date equal to the stored
 * one (`current`) passes, so a plan that started last month can still be saved as it is.
 */
export function assertNewDatesNotPast<K extends string>(
  timeZone: string,
  dates: Partial<Record<K, string | null | undefined>>,
  current?: Record<K, string | null>,
  now = new Date(),
): void {
  for (const [path, date] of Object.entries(dates) as [K, string | null | undefined][]) {
    if (date && date !== current?.[path]) assertNotPast(path, date, timeZone, now);
  }
}

/** The zone a new commitment's due day will be judged in, before the commitment exists. */
export async function ownerZoneFor(scope: Scope, owner: { side: 'seller' | 'customer'; ownerUserId: string | null; customerTimeZone: string }): Promise<string> {
  if (owner.side === 'customer' || !owner.ownerUserId) return owner.customerTimeZone;
  const row = await scope
    .selectFrom('users')
    .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
    .select(['users.time_zone', 'ws.default_time_zone'])
    .where('users.id', '=', owner.ownerUserId)
    .executeTakeFirstOrThrow();
  return row.time_zone ?? row.default_time_zone;
}
