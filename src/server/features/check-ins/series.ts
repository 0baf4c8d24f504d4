import type { CheckInOccurrence, CheckInSeries, CheckInSeriesList, CreateCheckInSeriesBody, UpdateCheckInSeriesBody } from '../../../shared/check-ins.js';
import { nextOccurrence, type Schedule } from '../../../domain/check-in-schedule.js';
import { addDays, todayIn } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { CheckInSeriesTable } from '../../core/db/schema.js';
import { duplicate, forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { assertNotPast } from '../commitments/date-rules.js';
import { canManage, canSetUpWith, isParticipant, SETUP_REFUSED } from './access.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

export const scheduleOf = (s: Pick<CheckInSeriesTable, 'cadence' | 'weekday' | 'day_of_month' | 'time' | 'time_zone' | 'starts_on'>): Schedule => ({
  cadence: s.cadence,
  weekday: s.weekday,
  dayOfMonth: s.day_of_month,
  time: s.time,
  timeZone: s.time_zone,
  startsOn: s.starts_on,
});

/** A person's own zone, else the workspace's: the clock their check-ins are set on. */
export async function zoneOf(scope: Scope, userId: string): Promise<string> {
  const row = await scope
    .selectFrom('users')
    .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
    .select(['users.time_zone', 'ws.default_time_zone'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.time_zone ?? row.default_time_zone;
}

export function selectSeries(scope: Scope) {
  return scope
    .selectFrom('check_in_series')
    .innerJoin('users as manager', 'manager.id', 'check_in_series.manager_id')
    .innerJoin('users as rep', 'rep.id', 'check_in_series.rep_id')
    .selectAll('check_in_series')
    .select(['manager.name as manager_name', 'rep.name as rep_name']);
}
type SeriesRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectSeries>['executeTakeFirst']>>>;

/**
 * The occurrence a series is at now: the first one not over yet (a 09:00 meeting of 30 minutes is
 * still "next" at 09:20), with its check-in once opened.
 */
async function nextOf(scope: Scope, rows: readonly SeriesRow[], now: Date): Promise<Map<string, CheckInOccurrence>> {
  const running = rows.filter((r) => !r.ended_at);
  const nexts = running.map((r) => ({ id: r.id, o: nextOccurrence(scheduleOf(r), new Date(now.getTime() - r.duration_minutes * 60_000)) }));
  const opened = nexts.length
    ? await scope
        .selectFrom('check_ins')
        .leftJoin('check_in_answers as a', 'a.id', 'check_ins.id')
        .select(['check_ins.id', 'check_ins.series_id', 'check_ins.scheduled_at', 'check_ins.status', 'a.submitted_at'])
        .where('check_ins.series_id', 'in', nexts.map((n) => n.id))
        .where('check_ins.scheduled_at', 'in', nexts.map((n) => n.o.at.toISOString()))
        .execute()
    : [];
  const out = new Map<string, CheckInOccurrence>();
  for (const { id, o } of nexts) {
    const at = o.at.toISOString();
    const c = opened.find((x) => x.series_id === id && x.scheduled_at === at);
    out.set(id, { scheduledAt: at, localDate: o.date, localTime: o.time, checkInId: c?.id ?? null, status: c?.status ?? 'upcoming', answersSubmitted: !!c?.submitted_at });
  }
  return out;
}

function present(actor: Actor, r: SeriesRow, next: CheckInOccurrence | undefined): CheckInSeries {
  return {
    id: r.id,
    manager: { id: r.manager_id, name: r.manager_name },
    rep: { id: r.rep_id, name: r.rep_name },
    cadence: r.cadence,
    weekday: r.weekday,
    dayOfMonth: r.day_of_month,
    time: r.time,
    timeZone: r.time_zone,
    startsOn: r.starts_on,
    durationMinutes: r.duration_minutes,
    endedAt: r.ended_at,
    next: next ?? null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    permissions: { canEdit: canManage(actor, r) },
  };
}

export async function findSeries(scope: Scope, actor: Actor, id: string, now = new Date()): Promise<CheckInSeries> {
  const row = await selectSeries(scope).where('check_in_series.id', '=', id).executeTakeFirst();
  if (!row || !isParticipant(actor, row)) throw notFound('Check-in series');
  return present(actor, row, (await nextOf(scope, [row], now)).get(row.id));
}

/** The series the caller runs or attends (an admin: all of them), people first by name; and who they may start one with. */
export async function listSeries(scope: Scope, actor: Actor, status: 'running' | 'ended' | 'all', now = new Date()): Promise<CheckInSeriesList> {
  let q = selectSeries(scope);
  if (actor.role !== 'admin') q = q.where((eb) => eb.or([eb('check_in_series.manager_id', '=', actor.id), eb('check_in_series.rep_id', '=', actor.id)]));
  if (status === 'running') q = q.where('check_in_series.ended_at', 'is', null);
  if (status === 'ended') q = q.where('check_in_series.ended_at', 'is not', null);
  const rows = await q.orderBy('rep.name').orderBy('manager.name').orderBy('check_in_series.created_at').limit(500).execute();
  const next = await nextOf(scope, rows, now);

  let people = scope.selectFrom('users').select(['users.id', 'users.name', 'users.team_id']).where('users.status', '=', 'active').where('users.id', '<>', actor.id);
  if (actor.role !== 'admin') people = people.where('users.team_id', 'in', actor.ledTeamIds.length ? actor.ledTeamIds : ['']);
  const candidates = actor.role === 'rep' ? [] : await people.orderBy('users.name').orderBy('users.id').limit(500).execute();
  const mine = new Set((await scope.selectFrom('check_in_series').select('rep_id').where('check_in_series.manager_id', '=', actor.id).where('check_in_series.ended_at', 'is', null).execute()).map((r) => r.rep_id));
  return {
    data: rows.map((r) => present(actor, r, next.get(r.id))),
    canSetUpFor: candidates.filter((p) => canSetUpWith(actor, p) && !mine.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
  };
}

/** Checks a schedule's day against its cadence, naming the field to fix. */
function checkDay(s: { cadence: CheckInSeriesTable['cadence']; weekday: number | null; day_of_month: number | null }): void {
  if (s.cadence === 'monthly') {
    if (s.day_of_month === null) throw invalid('dayOfMonth', 'Choose the day of the month.');
    if (s.weekday !== null) throw invalid('weekday', 'A monthly check-in is on a day of the month, not a weekday.');
  } else {
    if (s.weekday === null) throw invalid('weekday', 'Choose the day of the week.');
    if (s.day_of_month !== null) throw invalid('dayOfMonth', 'A weekly check-in is on a weekday, not a day of the month.');
  }
}

export async function createSeries({ scope, actor, input, now = new Date() }: Op<{ input: CreateCheckInSeriesBody; now?: Date }>): Promise<CheckInSeries> {
  return scope.transaction(async (tx) => {
    const rep = await tx.selectFrom('users').select(['id', 'team_id', 'status']).where('users.id', '=', input.repId).executeTakeFirst();
    if (!rep || rep.status !== 'active') throw invalid('repId', 'Choose an active person in this workspace.');
    if (!canSetUpWith(actor, rep)) {
      if (rep.id === actor.id) throw invalid('repId', 'A check-in is with someone else: choose a person of your team.');
      throw forbidden(SETUP_REFUSED);
    }
    const managerId = input.managerId ?? actor.id;
    if (managerId !== actor.id) {
      if (actor.role !== 'admin') throw forbidden('Only an admin can set up a check-in run by another manager.');
      const manager = await tx.selectFrom('users').select(['id', 'status']).where('users.id', '=', managerId).executeTakeFirst();
      if (!manager || manager.status !== 'active') throw invalid('managerId', 'Choose an active person in this workspace.');
    }
    if (managerId === rep.id) throw invalid('managerId', 'The manager and the rep are two different people.');
    const zone = await zoneOf(tx, managerId);
    const startsOn = input.startsOn ?? todayIn(zone, now);
    assertNotPast('startsOn', startsOn, zone, now);
    if (startsOn > addDays(todayIn(zone, now), 366)) throw invalid('startsOn', 'Choose a first day within the next year.');
    const running = await tx
      .selectFrom('check_in_series')
      .select('id')
      .where('check_in_series.manager_id', '=', managerId)
      .where('check_in_series.rep_id', '=', rep.id)
      .where('check_in_series.ended_at', 'is', null)
      .executeTakeFirst();
    if (running) throw duplicate('repId', 'These two already have check-ins running: change that series, or end it first.');
    const at = nowIso();
    const row: Omit<CheckInSeriesTable, 'workspace_id'> = {
      id: newId(),
      manager_id: managerId,
      rep_id: rep.id,
      cadence: input.cadence,
      weekday: input.cadence === 'monthly' ? null : (input.weekday ?? null),
      day_of_month: input.cadence === 'monthly' ? (input.dayOfMonth ?? null) : null,
      time: input.time,
      time_zone: zone,
      starts_on: startsOn,
      duration_minutes: input.durationMinutes ?? 30,
      ended_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    checkDay(row);
    // Two set-ups at once: the partial unique index lets one through.
    const inserted = await tx
      .insertRow('check_in_series', row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw duplicate('repId', 'These two already have check-ins running: change that series, or end it first.');
    await audit(tx, actor, { entityType: 'check_in_series', entityId: row.id, action: 'create', before: null, after: row });
    return findSeries(tx, actor, row.id, now);
  });
}

/**
 * Changes when a series meets, or ends it, from the version read. A changed schedule is read in the
 * manager's time zone as it is now (they may have moved since it was set up).
 */
export async function updateSeries({ scope, actor, id, input, version, now = new Date() }: Op<{ id: string; input: UpdateCheckInSeriesBody; version?: number; now?: Date }>): Promise<CheckInSeries> {
  return scope.transaction(async (tx) => {
    const current = await tx.selectFrom('check_in_series').selectAll('check_in_series').where('check_in_series.id', '=', id).executeTakeFirst();
    if (!current || !isParticipant(actor, current)) throw notFound('Check-in series');
    if (current.ended_at && input.ended === false) throw ruleViolation('An ended series stays ended: set up a new one.');
    if (current.ended_at && (input.cadence || input.weekday !== undefined || input.dayOfMonth !== undefined || input.time || input.durationMinutes)) {
      throw ruleViolation('This series has ended: set up a new one.');
    }
    const cadence = input.cadence ?? current.cadence;
    const cadenceChanged = input.cadence !== undefined && input.cadence !== current.cadence;
    const day = {
      cadence,
      weekday: input.weekday !== undefined ? input.weekday : cadenceChanged ? null : current.weekday,
      day_of_month: input.dayOfMonth !== undefined ? input.dayOfMonth : cadenceChanged ? null : current.day_of_month,
    };
    checkDay(day);
    const patch: Partial<CheckInSeriesTable> = {
      ...day,
      time: input.time ?? current.time,
      duration_minutes: input.durationMinutes ?? current.duration_minutes,
      ended_at: input.ended && !current.ended_at ? nowIso() : current.ended_at,
    };
    const scheduleChanged = patch.cadence !== current.cadence || patch.weekday !== current.weekday || patch.day_of_month !== current.day_of_month || patch.time !== current.time;
    if (scheduleChanged) patch.time_zone = await zoneOf(tx, current.manager_id);
    return writeVersioned({
      scope: tx,
      actor,
      table: 'check_in_series',
      entityType: 'check_in_series',
      action: 'update',
      current,
      expectedVersion: version,
      patch,
      present: () => findSeries(tx, actor, id, now),
    });
  });
}
