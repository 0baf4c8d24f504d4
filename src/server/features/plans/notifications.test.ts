import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { createPlan, shareLink } from './fixtures.js';

const { app } = await testApp();

describe('notifications', () => {
  it('lists a person’s own notifications newest first, and marks them read', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(rep.client);
    const { api } = await shareLink(rep.client, plan.id);
    const guest = new Client(app);
    await guest.post(`${api}/comments`, { body: 'First' });
    await guest.post(`${api}/comments`, { body: 'Second' });

    const list = (await rep.client.get('/api/v1/notifications')).data;
    expect(list.unreadCount).toBe(2);
    expect(list.data.map((n: { text: string }) => n.text)).toEqual(['Carla Customer commented: Second', 'Carla Customer commented: First']);

    const read = await rep.client.post(`/api/v1/notifications/${list.data[1].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.data.readAt).not.toBeNull();
    expect((await rep.client.post(`/api/v1/notifications/${list.data[1].id}/read`)).data.readAt).toBe(read.data.readAt);
    expect((await rep.client.get('/api/v1/notifications?unread=true')).data).toMatchObject({ unreadCount: 1, data: [{ id: list.data[0].id }] });
    expect((await rep.client.get('/api/v1/notifications?unread=false')).data.data.map((n: { id: string }) => n.id)).toEqual([list.data[1].id]);

    // Another person's notification is simply not there, even for an admin.
    expect((await admin.client.post(`/api/v1/notifications/${list.data[0].id}/read`)).statusCode).toBe(404);
    expect((await admin.client.get('/api/v1/notifications')).data).toMatchObject({ data: [], unreadCount: 0 });
  });
});
