/**
 * What a calendar feed says about one record: whether it is there as planned, there as cancelled
 * (so calendar apps that already have it take it away), or gone; its SEQUENCE; and the HTTP
 * validator rules. Pure: the records' facts and "now" come in.
 */

const DAY_MS = 86_400_000;

export type FeedStatus = 'confirmed' | 'cancelled';

/**
 * An item that is still planned is confirmed. One that is over (done, dropped, cancelled, or on a
 * plan or objective that closed) stays `keepDays` after its last change as cancelled — long enough
 * for every calendar app that polls the feed to see it go — and then leaves the feed (null).
 */
export function feedStatus(item: { open: boolean; lastChangedAt: string }, now: Date, keepDays: number): FeedStatus | null {
  if (item.open) return 'confirmed';
  return now.getTime() - Date.parse(item.lastChangedAt) <= keepDays * DAY_MS ? 'cancelled' : null;
}

/**
 * SEQUENCE must grow whenever the event changes. An event shows a record and what it belongs to (a
 * commitment and its plan: the plan's title, or the plan closing, changes the event), and each of
 * them has a version that only grows: their sum only grows too. Records start at version 1, so an
 * event whose records were never changed has SEQUENCE 0 (the RFC's first one).
 */
export function feedSequence(...versions: number[]): number {
  return versions.reduce((sum, v) => sum + v - 1, 0);
}

/** The latest of some instants (ISO strings compare as text, but a Date is exact whatever the spelling). */
export function latest(...instants: string[]): string {
  return instants.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** A timed event's end: its duration, or half an hour when it has none. */
export function eventEnd(startsAt: string, durationMinutes: number | null): string {
  return new Date(Date.parse(startsAt) + (durationMinutes && durationMinutes > 0 ? durationMinutes : 30) * 60_000).toISOString();
}

/**
 * Does `If-None-Match` name this ETag? A list of tags, each maybe weak (`W/"…"`, compared weakly as
 * RFC 9110 says for If-None-Match), or `*`. A compressing proxy may add a suffix inside the quotes
 * (`"abc-gzip"`); that tag is the same representation, so it matches too.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = etag.replace(/^W\//, '').replace(/"/g, '');
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag === '*') return true;
    const opaque = tag.replace(/^W\//, '').replace(/"/g, '');
    return opaque === wanted || opaque === `${wanted}-gzip` || opaque === `${wanted}-br`;
  });
}
