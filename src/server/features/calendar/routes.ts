import type { FastifyReply, FastifyRequest } from 'fastify';
import { calendarApi } from '../../../shared/routes/calendar.js';
import { etagMatches } from '../../../domain/calendar.js';
import { ctx, type App } from '../../core/http.js';
import { hashSecret } from '../../core/ids.js';
import { hit } from '../../core/limits.js';
import { route } from '../../core/route.js';
import { guestOf } from '../sharing/guest.js';
import { customerEvents, personalEvents } from './events.js';
import { createCalendarFeed, getCalendarFeed, openCalendarFeed, revokeCalendarFeed } from './feeds.js';
import { etagOf, renderFeed } from './ics.js';

const MINUTE = 60_000;

const baseUrlOf = (req: FastifyRequest) => (req.server.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

/**
 * Feeds are read by calendar apps with the token alone: counted per address and per token (its
 * hash, so the counter's name is no secret), before anything else is read.
 */
async function limitFeed(req: FastifyRequest, token: string): Promise<void> {
  const { db, config } = req.server;
  const message = 'Too many requests for this calendar feed. Calendar apps need it every few hours at most: wait a minute and try again.';
  await hit(db, `calendar-ip:${req.ip}`, config.calendarFeedRequestsPerIpPerMinute, MINUTE, message);
  await hit(db, `calendar-feed:${hashSecret(token).slice(0, 32)}`, config.calendarFeedRequestsPerTokenPerMinute, MINUTE, message);
}

/** The text with its ETag, or 304 when the caller has it already, under the contract's file name. Never cached by anyone but the caller, never indexed. */
function sendCalendar(req: FastifyRequest, reply: FastifyReply, text: string, { filename }: { filename: string }): FastifyReply {
  const etag = etagOf(text);
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.code(200).type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).send(text);
}

export function calendarRoutes(app: App): void {
  route(app, calendarApi.getCalendarFeed, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return getCalendarFeed(scope, actor);
  });

  route(app, calendarApi.createCalendarFeed, { permission: 'signedIn', sessionOnly: true }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return reply.code(201).send(await createCalendarFeed(scope, actor, baseUrlOf(req)));
  });

  route(app, calendarApi.revokeCalendarFeed, { permission: 'signedIn', sessionOnly: true }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    await revokeCalendarFeed(scope, actor);
    return reply.code(204).send(null);
  });

  // The token is the key (no session): public, never logged.
  route(app, calendarApi.getPersonalCalendar, { permission: 'public', secretParams: ['token'] }, async (req, reply) => {
    await limitFeed(req, req.params.token);
    const feed = await openCalendarFeed(req.server.db, req.params.token);
    const events = await personalEvents(feed.scope, feed.user.id, baseUrlOf(req), new Date());
    const text = renderFeed({ name: `Advance — ${feed.user.name}`, description: 'Your open commitments and planned interactions in Advance.', events });
    return sendCalendar(req, reply, text, calendarApi.getPersonalCalendar.file);
  });

  // The share link's token opened the link (permission `guest`): its plan, the customer's side only.
  route(app, calendarApi.getSharedPlanCalendar, { permission: 'guest', secretParams: ['token'] }, async (req, reply) => {
    await limitFeed(req, req.params.token);
    const guest = guestOf(req);
    const plan = await guest.scope
      .selectFrom('plans')
      .select(['plans.id', 'plans.title', 'plans.status', 'plans.version', 'plans.updated_at'])
      .where('plans.id', '=', guest.planId)
      .executeTakeFirstOrThrow();
    const events = await customerEvents(guest.scope, { id: plan.id, title: plan.title, status: plan.status, version: plan.version, updatedAt: plan.updated_at }, `${baseUrlOf(req)}/p/${req.params.token}`, new Date());
    const text = renderFeed({ name: `${plan.title} — your commitments`, description: `Your side’s commitments on the mutual plan “${plan.title}”.`, events });
    return sendCalendar(req, reply, text, calendarApi.getSharedPlanCalendar.file);
  });
}
