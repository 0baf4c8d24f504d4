/**
 * The customer side's word on a deal, stored on the deal's row so that the `customer_unreliable`
 * flag and its reason are read from the row, like the other two flags, instead of judging every
 * commitment at read time.
 *
 * Reliability depends on the clock in exactly one way: an open commitment becomes *missed* once the
 * date it is held to has ended in its owner's zone (unless a new date asked for in time waits for an
 * answer). Without a write nothing else moves: a done commitment's verdict is fixed when it is done,
 * re-dates and answers are writes. So a snapshot taken at a write holds until the first of those
 * misses (`countsUntil`), and, because a miss only ever adds judged weight that was not kept on time,
 * the flag can only go up as time passes: it is up from one instant (`unreliableFrom`) — the write
 * itself, the moment of one of the coming misses, or never — until the next write. "Is the flag up
 * now?" is then `unreliableFrom <= now`, one indexed comparison, and exact at any time.
 *
 * The figures are those of `reliability` (reliability.ts) and the flag that of
 * `customerUnreliableFlag` (focus.ts), evaluated at the instants where they can change: this file
 * adds no rule of its own.
 */
import { classifyCommitment, type CommitmentFacts } from './commitments.js';
import { isOverdue } from './dates.js';
import { customerUnreliableFlag } from './focus.js';
import { commitmentWeight, reliability } from './reliability.js';

export type CustomerWordSnapshot = {
  /** Judged commitments (kept on time + kept late + missed), and each bucket, as counted at the snapshot. */
  judged: number;
  keptOnTime: number;
  keptLate: number;
  missed: number;
  open: number;
  /** The same judged and kept-on-time counts with must-dos weighing double (the score is kept ÷ judged). */
  judgedWeight: number;
  keptWeight: number;
  /** The instant the counts stop holding (an open commitment is missed from then); null: until the next write. */
  countsUntil: string | null;
  /** The instant the flag is up from (the snapshot's own instant when up already); null: not before the next write. */
  unreliableFrom: string | null;
};

const MINUTE = 60_000;

/**
 * The first instant at which the whole of `date` has passed in `timeZone` (the next day's start
 * there). Every zone's offset is a whole number of minutes, so it is found to the minute by
 * bisection between 16 hours either side of the next day's start in UTC.
 */
export function dayEndsAt(date: string, timeZone: string): Date {
  // The same few due dates are asked about on every write to a deal: the answer depends on nothing else.
  const key = `${date} ${timeZone}`;
  let ms = dayEnds.get(key);
  if (ms === undefined) {
    ms = findDayEnd(date, timeZone).getTime();
    if (dayEnds.size >= 10_000) dayEnds.clear();
    dayEnds.set(key, ms);
  }
  return new Date(ms);
}

const dayEnds = new Map<string, number>();

function findDayEnd(date: string, timeZone: string): Date {
  const utcNextDay = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  // Most days: the next day starts at the zone's offset then; two checks confirm it to the minute.
  const guess = utcNextDay - offsetMs(timeZone, new Date(utcNextDay));
  if (isOverdue(date, timeZone, new Date(guess)) && !isOverdue(date, timeZone, new Date(guess - MINUTE))) return new Date(guess);
  // A change of offset around midnight: bisect.
  let lo = Math.floor((utcNextDay - 16 * 3_600_000) / MINUTE); // not yet ended: the day has barely started anywhere
  let hi = Math.floor((utcNextDay + 16 * 3_600_000) / MINUTE); // ended everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (isOverdue(date, timeZone, new Date(mid * MINUTE))) hi = mid;
    else lo = mid;
  }
  return new Date(hi * MINUTE);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetMs(timeZone: string, at: Date): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return local - Math.floor(at.getTime() / MINUTE) * MINUTE;
}

/**
 * The snapshot of a deal's customer-side commitments (facts as reliability reads them) at `now`.
 * Ahead of `now` without a write, the only change is open commitments turning into misses at their
 * instants, each adding its weight to the judged weight; the flag is evaluated at each of those
 * instants by the flag rule on the figure it would read then.
 */
export function customerWordSnapshot(facts: readonly CommitmentFacts[], now: Date): CustomerWordSnapshot {
  const r = reliability(facts, now);
  // When and with what weight an open commitment will be missed if nothing is written before.
  const misses: { at: number; weight: number }[] = [];
  for (const c of facts) {
    const verdict = classifyCommitment(c, now);
    if (verdict.outcome !== 'open') continue;
    const at = dayEndsAt(verdict.heldTo, c.ownerTimeZone);
    if (at.getTime() > now.getTime() && classifyCommitment(c, at).outcome === 'missed') misses.push({ at: at.getTime(), weight: commitmentWeight(c) });
  }
  misses.sort((a, b) => a.at - b.at);
  const up = (counted: number, judgedWeight: number) =>
    customerUnreliableFlag({ counted, keptOnTime: r.keptOnTime, score: judgedWeight > 0 ? r.weighted.keptOnTime / judgedWeight : null, weighted: { counted: judgedWeight } }) !== null;
  let unreliableFrom: string | null = null;
  let counted = r.counted;
  let judgedWeight = r.weighted.counted;
  if (up(counted, judgedWeight)) unreliableFrom = now.toISOString();
  else {
    for (const m of misses) {
      counted += 1;
      judgedWeight += m.weight;
      if (up(counted, judgedWeight)) {
        unreliableFrom = new Date(m.at).toISOString();
        break;
      }
    }
  }
  return {
    judged: r.counted,
    keptOnTime: r.keptOnTime,
    keptLate: r.keptLate,
    missed: r.missed,
    open: r.open,
    judgedWeight: r.weighted.counted,
    keptWeight: r.weighted.keptOnTime,
    countsUntil: misses.length ? new Date(misses[0].at).toISOString() : null,
    unreliableFrom,
  };
}

/** The figure the flag rule reads, from a stored snapshot (see `CustomerWord` in focus.ts). */
export function customerWordOf(s: Pick<CustomerWordSnapshot, 'judged' | 'keptOnTime' | 'keptLate' | 'missed' | 'open' | 'judgedWeight' | 'keptWeight'>) {
  return {
    counted: s.judged,
    keptOnTime: s.keptOnTime,
    keptLate: s.keptLate,
    missed: s.missed,
    open: s.open,
    score: s.judgedWeight > 0 ? s.keptWeight / s.judgedWeight : null,
    weighted: { counted: s.judgedWeight },
  };
}
