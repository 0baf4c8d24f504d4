import { NoBody } from '../common.js';
import { CalendarFeed, CreatedCalendarFeed, FeedTokenParams, ICalendarText } from '../calendar.js';
import { TokenParams } from '../plan-sharing.js';
import { defineRoutes } from './define.js';

const tags = ['calendar'] as const;

/**
 * Your secret calendar feed URL (create or replace, see, revoke) and the feeds themselves: yours,
 * and the customer's own side of a shared plan. The feeds answer text/calendar, never JSON.
 */
export const calendarApi = defineRoutes({
  getCalendarFeed: { tags, summary: 'Your calendar feed: whether you have one, since when, and when a calendar app last fetched it (never its URL)', response: { 200: CalendarFeed } },
  createCalendarFeed: {
    tags,
    summary: 'Make your secret calendar feed URL, or replace it: the URL is shown this once, and a previous one stops working at once',
    body: NoBody,
    response: { 201: CreatedCalendarFeed },
    answersSecret: true,
  },
  revokeCalendarFeed: { tags, summary: 'Revoke your calendar feed URL: calendar apps get 404 from then on', response: { 204: NoBody } },
  getPersonalCalendar: {
    tags,
    summary: 'A person’s calendar feed (iCalendar), read with the secret token of its URL and nothing else',
    description:
      'Their open commitments of every kind (mutual plans, objective tasks, agreed actions of interactions and check-ins) as all-day events on the due date, and their planned interactions as timed events in the interaction’s time zone. ' +
      'UIDs never change; SEQUENCE grows with every change; done, dropped and cancelled items and those of closed plans stay 30 days with STATUS:CANCELLED so calendar apps remove them. ' +
      'Send the ETag back as If-None-Match to get 304 when nothing changed. Rate-limited per token and per address. Unknown and revoked tokens answer 404.',
    params: FeedTokenParams,
    file: { mediaType: 'text/calendar', filename: 'advance.ics', disposition: 'inline', etag: true },
    response: { 200: ICalendarText },
    errors: ['too_many_requests'],
  },
  getSharedPlanCalendar: {
    tags: ['shared plan (customer)', 'calendar'],
    summary: 'The customer’s own side of a shared plan as a calendar (iCalendar): subscribe, or download once',
    description:
      'The customer-side commitments the customer sees on the plan (never internal-only ones, never the seller side), as all-day events on their due dates, with the same UIDs, SEQUENCE, cancellation and ETag rules as a person’s feed. Keyed by the share link’s token: a revoked or expired link answers 404.',
    params: TokenParams,
    file: { mediaType: 'text/calendar', filename: 'plan.ics', disposition: 'inline', etag: true },
    response: { 200: ICalendarText },
    errors: ['too_many_requests'],
  },
});
