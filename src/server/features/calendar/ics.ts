import { createHash } from 'node:crypto';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { addDays } from '../../../domain/dates.js';
import type { FeedStatus } from '../../../domain/calendar.js';
import { canonicalTimeZone } from '../../../shared/common.js';

/** One event of a feed, as the feed's queries describe it; ics.ts only writes it down. */
export type FeedEvent = {
  /** Stable for the record's whole life: the same in every fetch and in every feed that shows it. */
  uid: string;
  sequence: number;
  status: FeedStatus;
  summary: string;
  description: string;
  url: string | null;
  created: string;
  /** The last change of the record or what it belongs to: DTSTAMP and LAST-MODIFIED. */
  changedAt: string;
  when: { allDay: string } | { start: string; end: string; timeZone: string };
};

export type Feed = { name: string; description: string; events: FeedEvent[] };

const feedZones = new Map<string, string | null>();

/**
 * The TZID a timed event can carry: the name its VTIMEZONE is filed under in the zone data
 * (Asia/Calcutta is filed as Asia/Kolkata, UTC as Etc/UTC), so that every TZID in a feed has its
 * VTIMEZONE; a name the data lacks (Europe/Kyiv, newer than the data) is tried under the
 * platform's name for the same zone (Europe/Kiev). Null when neither is there: the event is then
 * written in UTC, which every calendar reads.
 */
export function feedZoneOf(timeZone: string): string | null {
  let zone = feedZones.get(timeZone);
  if (zone !== undefined) return zone;
  zone = null;
  for (const name of new Set([timeZone, canonicalTimeZone(timeZone)])) {
    const component = name ? getVtimezoneComponent(name) : null;
    const tzid = component ? /^TZID:(.+)$/m.exec(component)?.[1]?.trim() : undefined;
    if (tzid) {
      zone = tzid;
      break;
    }
  }
  if (feedZones.size < 1000) feedZones.set(timeZone, zone);
  return zone;
}

/**
 * Text as iCalendar may carry it: RFC 5545's TEXT has no control characters but tab (newlines are
 * escaped), and a title typed on the share page may hold any. A vertical tab or a form feed reached
 * the feed raw, and strict readers drop the whole calendar.
 */
export const icsText = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ');

/**
 * The calendar's own name and description, as one line: ical-generator writes these properties
 * (NAME, X-WR-CALNAME, X-WR-CALDESC) without escaping a newline, so a plan title or a person's name
 * holding one could start properties or whole events of its own in the customer's calendar.
 */
export const icsLine = (s: string) => icsText(s).replace(/\s*\n\s*/g, ' ').trim();

/** Calendar apps poll a subscribed feed about this often (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 3600;

/**
 * The iCalendar text of a feed (RFC 5545), written by ical-generator: escaping of `,` `;` `\` and
 * newlines, lines folded at 75 octets, a VTIMEZONE for every zone a timed event uses. All-day events
 * are dates (DTSTART;VALUE=DATE, DTEND the next day); timed ones carry their zone (DTSTART;TZID=…).
 * DTSTAMP is the record's last change, not the time of the request, so the same data always gives
 * the same text — and the same ETag.
 */
export function renderFeed(feed: Feed): string {
  const calendar = ical({
    prodId: { company: 'Advance', product: 'Calendar feed', language: 'EN' },
    name: icsLine(feed.name),
    description: icsLine(feed.description),
    ttl: REFRESH_SECONDS,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const ordered = [...feed.events].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  for (const e of ordered) {
    const common = {
      id: e.uid,
      sequence: e.sequence,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: icsText(e.summary),
      description: icsText(e.description),
      url: e.url,
      stamp: new Date(e.changedAt),
      lastModified: new Date(e.changedAt),
      created: new Date(e.created),
    };
    if ('allDay' in e.when) {
      const day = DateTime.fromISO(e.when.allDay, { zone: 'utc' });
      calendar.createEvent({ ...common, allDay: true, start: day, end: DateTime.fromISO(addDays(e.when.allDay, 1), { zone: 'utc' }) });
    } else {
      // Instants in, shown on the wall clock of the event's zone with its TZID (or in UTC, see feedZoneOf).
      const zone = feedZoneOf(e.when.timeZone);
      calendar.createEvent({
        ...common,
        start: DateTime.fromISO(e.when.start, { zone: 'utc' }),
        end: DateTime.fromISO(e.when.end, { zone: 'utc' }),
        ...(zone ? { timezone: zone } : {}),
      });
    }
  }
  return calendar.toString();
}

/** A strong validator of the text: the same feed, the same tag. */
export const etagOf = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
