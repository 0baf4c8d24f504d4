import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addMember, Client, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { addCommitment, createPlan, dayIn } from '../plans/fixtures.js';
import { hoursFromNow, planCall } from '../interactions/fixtures.js';

/**
 * The calendar feeds as a calendar app sees them: every feed is parsed with ical.js (a different
 * library from the one that writes them) and judged on the events a person would find in their
 * calendar.
 */
const { app, db } = await testApp();
const PARIS = 'Europe/Paris';

type Seen = { uid: string; summary: string; description: string; status: string | null; sequence: number; allDay: boolean; date: string; startUtc: string; endUtc: string | null; tzid: string | null };

/** Parses a feed the way a calendar app does, time zones included. */
function parse(text: string): Seen[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((ve) => {
    const event = new ICAL.Event(ve);
    const start = event.startDate;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: (ve.getFirstPropertyValue('status') as string | null) ?? null,
      sequence: Number(ve.getFirstPropertyValue('sequence')),
      allDay: start.isDate,
      date: start.toString().slice(0, 10),
      startUtc: start.toJSDate().toISOString(),
      endUtc: event.endDate ? event.endDate.toJSDate().toISOString() : null,
      tzid: (ve.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    };
  });
}

const pathOf = (url: string) => new URL(url).pathname;

async function feedOf(client: Client): Promise<{ url: string; path: string; webcalUrl: string }> {
  const res = await client.post('/api/v1/calendar-feed', {});
  expect(res.statusCode, res.body).toBe(201);
  return { url: res.data.url, path: pathOf(res.data.url), webcalUrl: res.data.webcalUrl };
}

async function fetchFeed(path: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url: path, headers });
  return { res, events: res.statusCode === 200 ? parse(res.body) : [] };
}

async function person(timeZone = PARIS): Promise<Signed> {
  return signUpWorkspace(app, { timeZone });
}

describe('a person’s calendar feed', () => {
  it('shows their open commitments of every kind on their due dates and their planned calls at their time, in their zone — and nobody else’s', async () => {
    const me = await person();
    const plan = await createPlan(me.client);
    const due = dayIn(PARIS, 5);
    const mine = await addCommitment(me.client, plan.id, { title: 'Send the proposal; pricing, v2', detail: 'Line one\nLine two, with a comma; and a semicolon \\ backslash', dueDate: due, mustDo: true });
    const account = await createAccount(me.client, { name: 'Halden Maschinenbau' });
    const objective = (await me.client.post(`/api/v1/accounts/${account.id}/objectives`, { title: 'Expand to Lyon', kind: 'expansion', targetDate: '2030-06-30' })).data;
    const task = (await me.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Map the Lyon buyers', dueDate: dayIn(PARIS, 9) })).data;
    const startsAt = hoursFromNow(50);
    const call = await planCall(me.client, account.id, { startsAt, durationMinutes: 45, planningNotes: 'PRIVATE-PLANNING-NOTE' });
    // Not mine: the customer's side of my plan, and a colleague's commitment.
    await addCommitment(me.client, plan.id, { side: 'customer', ownerName: 'Carla Customer', title: 'Customer signs the NDA', dueDate: due });
    const colleague = await addMember(app, me.client, { role: 'rep', name: 'Colin Colleague' });
    const theirPlan = await createPlan(colleague.client);
    await addCommitment(colleague.client, theirPlan.id, { title: 'Colin’s own commitment', dueDate: due });
    // Colin's meeting that I attend is in my calendar too, in its own zone; his call without me is not.
    const theirAccount = await createAccount(colleague.client, { name: 'Initech Shipping' });
    const joint = await planCall(colleague.client, theirAccount.id, { kind: 'meeting', timeZone: 'America/New_York', startsAt: hoursFromNow(30), attendees: { userIds: [me.me.user.id] } });
    await planCall(colleague.client, theirAccount.id, { kind: 'demo' });

    const feed = await feedOf(me.client);
    expect(feed.url).toMatch(/^http:\/\/[^/]+\/api\/v1\/calendar-feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace(/^http:/, 'webcal:'));
    const { res, events } = await fetchFeed(feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    expect(events.map((e) => e.summary).sort()).toEqual(['Call with Halden Maschinenbau', 'Map the Lyon buyers', 'Meeting with Initech Shipping', 'Must do: Send the proposal; pricing, v2']);
    expect(events.find((e) => e.uid === `interaction-${joint.id}@advance`)).toMatchObject({ tzid: 'America/New_York', startUtc: new Date(joint.startsAt).toISOString() });
    const commitment = events.find((e) => e.uid === `commitment-${mine.id}@advance`)!;
    expect(commitment).toMatchObject({ allDay: true, date: due, status: 'CONFIRMED', sequence: 0 });
    // Escaping survives the round trip: the text reads as it was typed.
    expect(commitment.description).toContain('Line one\nLine two, with a comma; and a semicolon \\ backslash');
    expect(commitment.description).toContain(`/plans/${plan.id}`);
    expect(events.find((e) => e.uid === `commitment-${task.id}@advance`)).toMatchObject({ allDay: true, date: dayIn(PARIS, 9) });
    const meeting = events.find((e) => e.uid === `interaction-${call.id}@advance`)!;
    expect(meeting).toMatchObject({ allDay: false, tzid: PARIS, startUtc: new Date(startsAt).toISOString(), status: 'CONFIRMED' });
    expect(Date.parse(meeting.endUtc!) - Date.parse(meeting.startUtc)).toBe(45 * 60_000);
    expect(meeting.description).toContain('They agree to a 30-day pilot');
    // Private planning notes never leave Advance; nor does anything of the customer's or the colleague's.
    expect(res.body).not.toContain('PRIVATE-PLANNING-NOTE');
    expect(res.body).not.toContain('Customer signs');
    expect(res.body).not.toContain('Colin’s own');
    // RFC 5545 lines: CRLF, folded at 75 octets.
    const lines = res.body.split('\r\n');
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(res.body).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris/);
  });

  it('keeps each UID across fetches, answers 304 while nothing changed, raises SEQUENCE on a change, and cancels what is done, dropped or closed', async () => {
    const me = await person();
    const plan = await createPlan(me.client);
    const a = await addCommitment(me.client, plan.id, { title: 'Book the demo room', dueDate: dayIn(PARIS, 3) });
    const b = await addCommitment(me.client, plan.id, { title: 'Share the security pack', dueDate: dayIn(PARIS, 4) });
    const account = await createAccount(me.client);
    const call = await planCall(me.client, account.id);
    const feed = await feedOf(me.client);

    const first = await fetchFeed(feed.path);
    const again = await fetchFeed(feed.path);
    expect(again.events).toEqual(first.events);
    expect(again.res.headers.etag).toBe(first.res.headers.etag);
    const unchanged = await fetchFeed(feed.path, { 'if-none-match': first.res.headers.etag as string });
    expect(unchanged.res.statusCode).toBe(304);
    expect(unchanged.res.body).toBe('');
    expect(unchanged.res.headers.etag).toBe(first.res.headers.etag);
    // Compressed on the wire, the same tag, and the same 304.
    const gzipped = await app.inject({ method: 'GET', url: feed.path, headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect((await fetchFeed(feed.path, { 'accept-encoding': 'gzip', 'if-none-match': gzipped.headers.etag as string })).res.statusCode).toBe(304);
    const byUid = (events: Seen[], id: string) => events.find((e) => e.uid.includes(id))!;

    // Renamed: the same event (UID), a higher SEQUENCE, the new title; the old ETag no longer matches.
    expect((await me.client.patch(`/api/v1/commitments/${a.id}`, { title: 'Book the big demo room', version: a.version })).statusCode).toBe(200);
    const renamed = await fetchFeed(feed.path, { 'if-none-match': first.res.headers.etag as string });
    expect(renamed.res.statusCode).toBe(200);
    expect(byUid(renamed.events, a.id).summary).toBe('Book the big demo room');
    expect(byUid(renamed.events, a.id).sequence).toBeGreaterThan(byUid(first.events, a.id).sequence);
    expect(byUid(renamed.events, b.id).sequence).toBe(byUid(first.events, b.id).sequence);

    // Done, and the call cancelled: still there, cancelled, so calendar apps take them away.
    const current = (await me.client.get(`/api/v1/commitments/${a.id}`)).data;
    expect((await me.client.patch(`/api/v1/commitments/${a.id}`, { status: 'done', version: current.version })).statusCode).toBe(200);
    expect((await me.client.post(`/api/v1/interactions/${call.id}/cancel`, { version: call.version })).statusCode).toBe(200);
    const later = await fetchFeed(feed.path);
    expect(byUid(later.events, a.id)).toMatchObject({ status: 'CANCELLED', uid: `commitment-${a.id}@advance` });
    expect(byUid(later.events, a.id).sequence).toBeGreaterThan(byUid(renamed.events, a.id).sequence);
    expect(byUid(later.events, call.id)).toMatchObject({ status: 'CANCELLED', uid: `interaction-${call.id}@advance` });
    expect(byUid(later.events, call.id).sequence).toBeGreaterThan(byUid(first.events, call.id).sequence);
    expect(byUid(later.events, b.id).status).toBe('CONFIRMED');

    // The plan completed: its still-open commitment is no longer planned either.
    const planNow = (await me.client.get(`/api/v1/plans/${plan.id}`)).data;
    expect((await me.client.patch(`/api/v1/plans/${plan.id}`, { status: 'completed', version: planNow.version })).statusCode).toBe(200);
    const closed = await fetchFeed(feed.path);
    expect(byUid(closed.events, b.id).status).toBe('CANCELLED');
    expect(byUid(closed.events, b.id).sequence).toBeGreaterThan(byUid(later.events, b.id).sequence);
    expect(closed.events.map((e) => e.uid).sort()).toEqual(later.events.map((e) => e.uid).sort());

    // A month and a day later the cancelled items have left the feed.
    await db.updateTable('commitments').set({ updated_at: new Date(Date.now() - 31 * 86_400_000).toISOString() }).where('id', 'in', [a.id, b.id]).execute();
    await db.updateTable('plans').set({ updated_at: new Date(Date.now() - 31 * 86_400_000).toISOString() }).where('id', '=', plan.id).execute();
    await db.updateTable('interactions').set({ updated_at: new Date(Date.now() - 31 * 86_400_000).toISOString() }).where('id', '=', call.id).execute();
    expect((await fetchFeed(feed.path)).events).toEqual([]);
  });

  it('is made, replaced and revoked by its person only, audited, with the time it was last used; a revoked or replaced URL answers 404', async () => {
    const me = await person();
    expect((await me.client.get('/api/v1/calendar-feed')).data).toEqual({ status: 'none', createdAt: null, lastUsedAt: null });
    const first = await feedOf(me.client);
    const status = (await me.client.get('/api/v1/calendar-feed')).data;
    expect(status).toMatchObject({ status: 'active', lastUsedAt: null });
    expect(JSON.stringify(status)).not.toContain(first.path.split('/').pop()!.replace('.ics', ''));
    expect((await fetchFeed(first.path)).res.statusCode).toBe(200);
    expect((await me.client.get('/api/v1/calendar-feed')).data.lastUsedAt).toEqual(expect.any(String));

    // Regenerated: the new URL works, the old one is gone at once.
    const second = await feedOf(me.client);
    expect(second.path).not.toBe(first.path);
    const old = await fetchFeed(first.path);
    expect(old.res.statusCode).toBe(404);
    expect(old.res.json().error.code).toBe('not_found');
    expect((await fetchFeed(second.path)).res.statusCode).toBe(200);

    expect((await me.client.delete('/api/v1/calendar-feed')).statusCode).toBe(204);
    expect((await fetchFeed(second.path)).res.statusCode).toBe(404);
    expect((await me.client.get('/api/v1/calendar-feed')).data.status).toBe('none');
    expect((await me.client.delete('/api/v1/calendar-feed')).statusCode).toBe(204);

    // Two requests at once (two tabs, or a double click) leave one live URL, never two.
    await Promise.all([me.client.post('/api/v1/calendar-feed', {}), me.client.post('/api/v1/calendar-feed', {})]);
    const live = await db.selectFrom('calendar_feeds').select('id').where('user_id', '=', me.me.user.id).where('revoked_at', 'is', null).execute();
    expect(live).toHaveLength(1);
    expect((await me.client.delete('/api/v1/calendar-feed')).statusCode).toBe(204);

    // Never the session: a session cookie is no feed token, and a guessed token opens nothing.
    expect((await fetchFeed(`/api/v1/calendar-feed/${'A'.repeat(43)}.ics`)).res.statusCode).toBe(404);
    expect((await new Client(app).get('/api/v1/calendar-feed')).statusCode).toBe(401);

    const events = await db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_type', '=', 'calendar_feed').where('actor_id', '=', me.me.user.id).orderBy('occurred_at').orderBy('id').execute();
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'create', 'create', 'create', 'revoke', 'revoke', 'revoke', 'revoke']);
    // The token's hash is not in the trail.
    const changes = await db.selectFrom('audit_events').select('changes').where('entity_type', '=', 'calendar_feed').where('actor_id', '=', me.me.user.id).execute();
    for (const c of changes) expect(c.changes).not.toMatch(/token/);
  });

  it('stops for a person who is deactivated', async () => {
    const admin = await person();
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const feed = await feedOf(rep.client);
    expect((await fetchFeed(feed.path)).res.statusCode).toBe(200);
    const res = await admin.client.post(`/api/v1/users/${rep.me.user.id}/deactivate`, { transferToId: admin.me.user.id, version: rep.me.user.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await fetchFeed(feed.path)).res.statusCode).toBe(404);
  });
});

describe('the customer’s calendar of their side of a shared plan', () => {
  it('shows only their side’s commitments, follows their ticks, answers 304, and ends with the link', async () => {
    const me = await person();
    const plan = await createPlan(me.client);
    const theirs = await addCommitment(me.client, plan.id, { side: 'customer', ownerName: 'Carla Customer', title: 'Sign the NDA', dueDate: dayIn(PARIS, 6) });
    await addCommitment(me.client, plan.id, { side: 'seller', title: 'Our internal pricing check', internalOnly: true, dueDate: dayIn(PARIS, 6) });
    await addCommitment(me.client, plan.id, { side: 'seller', title: 'Send the contract', dueDate: dayIn(PARIS, 7) });
    const link = (await me.client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla' })).data;
    const token = pathOf(link.url).split('/').pop()!;
    const path = `/api/v1/shared/${token}/calendar.ics`;

    const first = await fetchFeed(path);
    expect(first.res.statusCode).toBe(200);
    expect(first.res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(first.events).toEqual([expect.objectContaining({ uid: `commitment-${theirs.id}@advance`, summary: 'Sign the NDA', allDay: true, date: dayIn(PARIS, 6), status: 'CONFIRMED' })]);
    expect(first.res.body).not.toContain('pricing');
    expect(first.res.body).not.toContain('Send the contract');
    expect((await fetchFeed(path, { 'if-none-match': first.res.headers.etag as string })).res.statusCode).toBe(304);

    // The customer ticks it off on their page: it leaves their calendar (cancelled).
    const guest = new Client(app);
    expect((await guest.post(`/api/v1/shared/${token}/commitments/${theirs.id}/state`, { done: true })).statusCode).toBe(200);
    const ticked = await fetchFeed(path, { 'if-none-match': first.res.headers.etag as string });
    expect(ticked.res.statusCode).toBe(200);
    expect(ticked.events[0]).toMatchObject({ uid: first.events[0].uid, status: 'CANCELLED' });
    expect(ticked.events[0].sequence).toBeGreaterThan(first.events[0].sequence);

    expect((await me.client.post(`/api/v1/share-links/${link.shareLink.id}/revoke`, {})).statusCode).toBe(200);
    expect((await fetchFeed(path)).res.statusCode).toBe(404);
  });
});

describe('rate limits on feeds', async () => {
  const limited = await testApp({ CALENDAR_FEED_REQUESTS_PER_TOKEN_PER_MINUTE: '3', CALENDAR_FEED_REQUESTS_PER_IP_PER_MINUTE: '1000' });
  it('answers 429 with Retry-After past the limit for one token, and other tokens still work', async () => {
    const a = await signUpWorkspace(limited.app);
    const b = await signUpWorkspace(limited.app);
    const fa = pathOf((await a.client.post('/api/v1/calendar-feed', {})).data.url);
    const fb = pathOf((await b.client.post('/api/v1/calendar-feed', {})).data.url);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await limited.app.inject({ url: fa })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await limited.app.inject({ url: fa });
    expect(refused.json().error.code).toBe('too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await limited.app.inject({ url: fb })).statusCode).toBe(200);
  });
});
