/**
 * Commitments on a mutual plan, judged the way the method judges them: a due date is a calendar day
 * in the owner's time zone, saying so *before* that day ends is healthy, and a silent slip is not.
 * Pure functions over plain facts; `now` is always passed in. Reliability and plan health build on
 * `classifyCommitment` (see reliability.ts for the counting rule).
 */
import { daysBetween, isOverdue, todayIn } from './dates.js';

/** An instant as ISO-8601 text, as stored. */
export type Instant = string;
/** A calendar date, YYYY-MM-DD: that whole day in the owner's time zone. */
export type CalendarDate = string;

export type CommitmentSide = 'seller' | 'customer';
export type CommitmentStatus = 'open' | 'done' | 'dropped';
export type DateChangeStatus = 'pending' | 'accepted' | 'declined';

/** One renegotiation of a due date. A change the owner makes alone is stored as accepted at once. */
export type DateChangeFacts = {
  /** The due date in force when the change was requested. */
  fromDate: CalendarDate;
  toDate: CalendarDate;
  requestedAt: Instant;
  /** Null while pending; an accepted change without it takes effect when requested. */
  decidedAt: Instant | null;
  status: DateChangeStatus;
};

export type CommitmentFacts = {
  id: string;
  /** The deliverable, used in plain-words reasons ("“Security review” is 9 days overdue"). */
  title: string;
  side: CommitmentSide;
  /** A stable key of the owner: 'user:<id>', 'contact:<id>' or 'guest:<email-or-name>'. */
  ownerKey: string;
  /** IANA zone where the owner's due day is judged; the caller picks it (user, plan or workspace). */
  ownerTimeZone: string;
  mustDo: boolean;
  status: CommitmentStatus;
  /** The due date currently in force. */
  dueDate: CalendarDate;
  originalDueDate: CalendarDate;
  doneAt: Instant | null;
  dateChanges: readonly DateChangeFacts[];
  createdAt: Instant;
};

/** The one primary bucket a commitment falls in for reliability. */
export type Outcome = 'kept_on_time' | 'kept_late' | 'missed' | 'open' | 'dropped';

export type CommitmentClassification = {
  outcome: Outcome;
  /**
   * The date the owner is held to: the original date, moved only by accepted changes that were
   * requested on or before the end of the date they moved, to a day that had not passed yet. A change
   * asked for after the date had passed is recorded but does not move it, so a late re-date cannot
   * turn a slip into "on time".
   */
  heldTo: CalendarDate;
  /** At least one accepted change was re-dated in advance (see `requestedInAdvance`). */
  redatedInAdvance: boolean;
  /** At least one accepted change was not: asked for after its `fromDate` had ended, or to a day already gone. */
  redatedLate: boolean;
  /** A proposed new date waits for an answer. */
  awaitingAnswer: boolean;
};

const toMs = (instant: Instant) => Date.parse(instant);

/** The owner's calendar day at an instant. */
function ownerDay(c: CommitmentFacts, instant: Instant | number): CalendarDate {
  return todayIn(c.ownerTimeZone, new Date(instant));
}

/** How a change stood at a moment: a decision made later than `at` is still pending then. */
function stateAt(change: DateChangeFacts, at: number): DateChangeStatus | 'not_yet_asked' {
  if (toMs(change.requestedAt) > at) return 'not_yet_asked';
  if (change.status === 'pending') return 'pending';
  return toMs(change.decidedAt ?? change.requestedAt) <= at ? change.status : 'pending';
}

const effectiveAt = (change: DateChangeFacts) => toMs(change.decidedAt ?? change.requestedAt);

/**
 * A change asked for in time to move `date`: requested on or before the end of `date` AND to a date
 * that had not already passed when it was asked (today or later in the owner's zone). A "re-date" to
 * a day already gone is not keeping one's word: it would turn a commitment into a miss at once.
 */
function movesInTime(c: CommitmentFacts, change: DateChangeFacts, date: CalendarDate): boolean {
  const askedOn = ownerDay(c, change.requestedAt);
  return askedOn <= date && change.toDate >= askedOn;
}

/**
 * "Re-dated in advance": asked for before the old date ended, in the owner's zone, and moved to that
 * day or later (see `movesInTime`).
 */
export function requestedInAdvance(c: CommitmentFacts, change: DateChangeFacts): boolean {
  return movesInTime(c, change, change.fromDate);
}

/** The date the owner is held to at `at` (see `CommitmentClassification.heldTo`). */
function dateHeldTo(c: CommitmentFacts, at: number): CalendarDate {
  const accepted = c.dateChanges
    .filter((ch) => stateAt(ch, at) === 'accepted')
    .sort((a, b) => effectiveAt(a) - effectiveAt(b));
  let held = c.originalDueDate;
  for (const change of accepted) {
    if (movesInTime(c, change, held)) held = change.toDate;
  }
  return held;
}

/** A pending change asked for in time to move `date` keeps the commitment from counting as missed. */
function askedBefore(c: CommitmentFacts, date: CalendarDate, at: number): boolean {
  return c.dateChanges.some((ch) => stateAt(ch, at) === 'pending' && movesInTime(c, ch, date));
}

/**
 * Where a commitment stands at `now`:
 * - dropped: dropped (never judged);
 * - done: kept on time when done on or before the end of the date it was held to *at the moment it
 *   was done* (a change still pending then does not count), else kept late; an unknown `doneAt` is
 *   judged as done at `now`;
 * - open: missed once the date it is held to has ended in the owner's zone, unless a new date was
 *   asked for before then and still waits for an answer; otherwise open.
 */
export function classifyCommitment(c: CommitmentFacts, now: Date): CommitmentClassification {
  const at = now.getTime();
  const accepted = c.dateChanges.filter((ch) => stateAt(ch, at) === 'accepted');
  const base = {
    redatedInAdvance: accepted.some((ch) => requestedInAdvance(c, ch)),
    redatedLate: accepted.some((ch) => !requestedInAdvance(c, ch)),
    awaitingAnswer: c.dateChanges.some((ch) => stateAt(ch, at) === 'pending'),
  };
  if (c.status === 'dropped') return { outcome: 'dropped', heldTo: dateHeldTo(c, at), ...base };
  if (c.status === 'done') {
    const doneAt = c.doneAt ? toMs(c.doneAt) : at;
    const heldTo = dateHeldTo(c, doneAt);
    return { outcome: ownerDay(c, doneAt) <= heldTo ? 'kept_on_time' : 'kept_late', heldTo, ...base };
  }
  const heldTo = dateHeldTo(c, at);
  const missed = isOverdue(heldTo, c.ownerTimeZone, now) && !askedBefore(c, heldTo, at);
  return { outcome: missed ? 'missed' : 'open', heldTo, ...base };
}

/**
 * The plain status shown on a plan: open, the date in force has ended in the owner's zone, and no new
 * date asked for before then waits for an answer. Unlike the reliability outcome, a commitment
 * re-dated after it slipped is not shown as missed: it has an agreed date again.
 */
export function isMissed(c: CommitmentFacts, now: Date): boolean {
  if (c.status !== 'open' || !isOverdue(c.dueDate, c.ownerTimeZone, now)) return false;
  return !askedBefore(c, c.dueDate, now.getTime());
}

/** Days from the owner's today to the due date in force (negative once overdue). */
export function daysUntilDue(c: CommitmentFacts, now: Date): number {
  return daysBetween(todayIn(c.ownerTimeZone, now), c.dueDate);
}

/** Whether a new date for this commitment waits for an answer at `now`. */
export function hasPendingDateChange(c: CommitmentFacts, now: Date): boolean {
  return c.dateChanges.some((ch) => stateAt(ch, now.getTime()) === 'pending');
}

/** "Due within 2 days": today, tomorrow and the day after, in the owner's zone. */
export const CONFIRM_WINDOW_DAYS = 2;

export type TodayBuckets<T> = {
  /** Due today in the owner's zone (unless in confirmOrRedate). */
  dueToday: T[];
  /** The date in force has ended; oldest first. */
  overdue: T[];
  /** Due tomorrow up to 7 days ahead (unless in confirmOrRedate). */
  next7Days: T[];
  /** Due today, tomorrow or the day after, with no new date already proposed: "confirm or re-date". */
  confirmOrRedate: T[];
};

/**
 * A rep's Today page over open commitments (done and dropped ones are left out), each judged in its
 * owner's time zone. Every list is ordered by due date, and each commitment is in one list at most:
 * one to confirm or re-date is not repeated under due today or the next 7 days.
 */
export function todayBuckets<T extends CommitmentFacts>(commitments: readonly T[], now: Date): TodayBuckets<T> {
  const buckets: TodayBuckets<T> = { dueToday: [], overdue: [], next7Days: [], confirmOrRedate: [] };
  const open = commitments
    .filter((c) => c.status === 'open')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  for (const c of open) {
    const days = daysUntilDue(c, now);
    if (days < 0) buckets.overdue.push(c);
    else if (days <= CONFIRM_WINDOW_DAYS && !hasPendingDateChange(c, now)) buckets.confirmOrRedate.push(c);
    else if (days === 0) buckets.dueToday.push(c);
    else if (days <= 7) buckets.next7Days.push(c);
  }
  return buckets;
}
