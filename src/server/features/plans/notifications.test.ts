import { describe, expect, it } from 'vitest';
import { sql, testApp } from '../../test/harness.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan, dayIn, shareLink } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app, db } = await testApp();

type N = { id: string; kind: string; text: string; count: number; actorName: string | null; data: Record<string, unknown>; readAt: string | null };

async function setUp() {
  const admin = await signUpWorkspace(app);
  const rep = await addMember(app, admin.client, { role: 'rep' });
  const plan = await createPlan(rep.client);
  const { api } = await shareLink(rep.client, plan.id);
  return { admin, rep, plan, api, guest: new Client(app) };
}

const list = async (client: Client, query = '') => (await client.get(`/api/v1/notifications${query}`)).data as { data: N[]; unreadCount: number };

describe('notifications', () => {
  it('carries dates as data for the reader’s app to format, with a plain ISO text for integrations', async () => {
    const s = await setUp();
    const c = await addCommitment(s.rep.client, s.plan.id, { title: 'Legal review', side: 'customer', ownerName: 'Carla', dueDate: dayIn('Europe/Paris', 20) });
    const newDate = dayIn('Europe/Paris', 30);
    expect((await s.guest.post(`${s.api}/commitments/${c.id}/renegotiations`, { newDate, reason: 'Board meets later' })).statusCode).toBe(201);
    const [n] = (await list(s.rep.client)).data;
    expect(n).toMatchObject({
      kind: 'customer_proposed_date',
      actorName: 'Carla Customer',
      count: 1,
      data: { commitmentTitle: 'Legal review', date: newDate, previousDate: c.dueDate, reason: 'Board meets later' },
      text: `Carla Customer proposed ${newDate} instead of ${c.dueDate} for “Legal review”: Board meets later`,
    });
  });

  it('groups a burst from one share link into one notification, and starts a new one after the window or once read', async () => {
    const s = await setUp();
    for (let i = 1; i <= 12; i++) expect((await s.guest.post(`${s.api}/comments`, { body: `Note ${i}` })).statusCode).toBe(201);
    let mine = await list(s.rep.client);
    expect(mine.unreadCount).toBe(1);
    expect(mine.data).toHaveLength(1);
    expect(mine.data[0]).toMatchObject({ kind: 'customer_activity', count: 12, text: 'Carla Customer did 12 things on your plan.' });

    // Another recipient's link is another conversation.
    const other = await shareLink(s.rep.client, s.plan.id, { recipientName: 'Dan Buyer', recipientEmail: 'dan@customer.example' });
    await new Client(app).post(`${other.api}/comments`, { body: 'Hello from Dan' });
    mine = await list(s.rep.client);
    expect(mine.data.map((n) => [n.actorName, n.count])).toEqual([['Dan Buyer', 1], ['Carla Customer', 12]]);

    // Simulate the burst window passing: its last event 11 minutes ago.
    const past = new Date(Date.now() - 11 * 60_000).toISOString();
    await sql`update notifications set last_event_at = ${past} where id = ${mine.data[1].id}`.execute(db);
    await s.guest.post(`${s.api}/comments`, { body: 'Later thought' });
    mine = await list(s.rep.client);
    expect(mine.data.map((n) => n.text)).toEqual(['Carla Customer commented: Later thought', 'Dan Buyer commented: Hello from Dan', 'Carla Customer did 12 things on your plan.']);

    // Once read, the next event is news again.
    await s.rep.client.post(`/api/v1/notifications/${mine.data[0].id}/read`);
    await s.guest.post(`${s.api}/comments`, { body: 'One more' });
    expect((await list(s.rep.client, '?unread=true')).data.map((n) => n.text)).toEqual(['Carla Customer commented: One more', 'Dan Buyer commented: Hello from Dan', 'Carla Customer did 12 things on your plan.']);
  });

  it('marks one or all read, refuses a body on those actions, and keeps each person’s own', async () => {
    const s = await setUp();
    await s.guest.post(`${s.api}/comments`, { body: 'First' });
    const second = await shareLink(s.rep.client, s.plan.id, { recipientName: 'Dan Buyer', recipientEmail: 'dan@customer.example' });
    await new Client(app).post(`${second.api}/comments`, { body: 'Second' });

    const all = await list(s.rep.client);
    expect(all.unreadCount).toBe(2);
    expect(all.data.map((n) => n.text)).toEqual(['Dan Buyer commented: Second', 'Carla Customer commented: First']);

    const read = await s.rep.client.post(`/api/v1/notifications/${all.data[1].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.data.readAt).not.toBeNull();
    expect((await s.rep.client.post(`/api/v1/notifications/${all.data[1].id}/read`)).data.readAt).toBe(read.data.readAt);
    expect(await list(s.rep.client, '?unread=true')).toMatchObject({ unreadCount: 1, data: [{ id: all.data[0].id }] });
    expect((await list(s.rep.client, '?unread=false')).data.map((n) => n.id)).toEqual([all.data[1].id]);

    const withBody = await s.rep.client.post('/api/v1/notifications/read-all', { ids: [all.data[0].id] });
    expect(withBody.statusCode).toBe(400);
    expect(withBody.data.error.details[0].path).toBe('ids');
    expect((await s.rep.client.post(`/api/v1/notifications/${all.data[0].id}/read`, { readAt: 'x' })).statusCode).toBe(400);
    expect((await list(s.rep.client)).unreadCount).toBe(1);

    // Another person's notification is simply not there, even for an admin; their mark-all touches only theirs.
    expect((await s.admin.client.post(`/api/v1/notifications/${all.data[0].id}/read`)).statusCode).toBe(404);
    expect(await list(s.admin.client)).toMatchObject({ data: [], unreadCount: 0 });
    expect((await s.admin.client.post('/api/v1/notifications/read-all')).data).toEqual({ marked: 0, unreadCount: 0 });
    expect((await list(s.rep.client)).unreadCount).toBe(1);

    const marked = await s.rep.client.post('/api/v1/notifications/read-all');
    expect(marked.statusCode).toBe(200);
    expect(marked.data).toEqual({ marked: 1, unreadCount: 0 });
    expect((await list(s.rep.client, '?unread=true')).data).toEqual([]);
  });
});
