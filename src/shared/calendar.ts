import { z } from 'zod';
import { Instant, Token } from './common.js';

/**
 * Calendar feeds: each person's secret iCalendar URL (their open commitments and planned
 * interactions), and the customer's feed of their own side of a shared plan. The feed itself is
 * text/calendar; these are the shapes of managing one's URL.
 */

/** Closed and cancelled items stay in a feed this long, marked STATUS:CANCELLED, so calendar apps remove them. */
export const CALENDAR_CANCELLED_KEEP_DAYS = 30;
/** Planned interactions older than this leave the feed (commitments stay while open). */
export const CALENDAR_PAST_INTERACTION_DAYS = 90;

/** Your feed, without its URL (only its hash is kept): whether it is live, since when, last fetched. */
export const CalendarFeed = z
  .object({
    status: z.enum(['active', 'none']),
    createdAt: Instant.nullable(),
    lastUsedAt: Instant.nullable().meta({ description: 'When a calendar app last fetched the feed (to the minute)' }),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** A new feed URL, shown this once. */
export const CreatedCalendarFeed = z
  .object({
    feed: CalendarFeed,
    url: z.string().meta({ description: 'The secret https URL to subscribe to; shown once. Anyone with it reads your calendar: treat it like a password.' }),
    webcalUrl: z.string().meta({ description: 'The same URL with the webcal: scheme, which opens the subscription in a calendar app' }),
  })
  .meta({ id: 'CreatedCalendarFeed' });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

export const FeedTokenParams = z.strictObject({ token: Token.min(1).max(512) });

/** The iCalendar text (RFC 5545) of a feed. */
export const ICalendarText = z.string().meta({ id: 'ICalendar', description: 'An iCalendar (RFC 5545) document: VCALENDAR with VTIMEZONE and VEVENT components' });
