import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';

const { app } = await testApp();

describe('teams', () => {
  it('creates teams led by a manager, counts members and keeps history', async () => {
    const { client: admin, me } = await signUpWorkspace(app, { name: 'Ada Admin' });
    const manager = await addMember(app, admin, { role: 'manager', name: 'Max Manager' });
    const created = await admin.post('/api/v1/teams', { name: 'Enterprise', managerId: manager.me.user.id });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({ name: 'Enterprise', manager: { id: manager.me.user.id, name: 'Max Manager' }, memberCount: 0, version: 1 });
    const team = created.data;
    await addMember(app, admin, { role: 'rep', teamId: team.id });
    const rep = await addMember(app, admin, { role: 'rep', teamId: team.id });
    await admin.post('/api/v1/teams', { name: 'Agency' });

    const list = await rep.client.get('/api/v1/teams');
    expect(list.data.data.map((t: { name: string; memberCount: number }) => [t.name, t.memberCount])).toEqual([
      ['Agency', 0],
      ['Enterprise', 2],
    ]);

    // An admin may lead a team too.
    const renamed = await admin.patch(`/api/v1/teams/${team.id}`, { name: 'Enterprise EMEA', managerId: me.user.id, version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.data).toMatchObject({ name: 'Enterprise EMEA', manager: { id: me.user.id }, version: 2 });
    const history = (await rep.client.get(`/api/v1/teams/${team.id}/history`)).data.data;
    expect(history).toMatchObject([
      { action: 'update', actor: { name: 'Ada Admin' }, changes: { name: { before: 'Enterprise', after: 'Enterprise EMEA' }, managerId: { before: manager.me.user.id, after: me.user.id } } },
      { action: 'create', changes: { name: { before: null, after: 'Enterprise' } } },
    ]);

    const stale = await admin.patch(`/api/v1/teams/${team.id}`, { name: 'Old', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ name: 'Enterprise EMEA', version: 2 });
  });

  it('refuses a manager who is a rep, deactivated or from another workspace', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const rep = await addMember(app, admin, { role: 'rep' });
    const gone = await addMember(app, admin, { role: 'manager' });
    await admin.post(`/api/v1/users/${gone.me.user.id}/deactivate`, { transferToId: me.user.id, version: gone.me.user.version });
    for (const managerId of [rep.me.user.id, gone.me.user.id, other.me.user.id]) {
      const res = await admin.post('/api/v1/teams', { name: 'Nope', managerId });
      expect(res.statusCode).toBe(400);
      expect(res.data.error.details).toMatchObject([{ path: 'managerId' }]);
    }
    const team = (await admin.post('/api/v1/teams', { name: 'Yes' })).data;
    const res = await admin.patch(`/api/v1/teams/${team.id}`, { managerId: rep.me.user.id, version: 1 });
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/v1/teams')).data.data.map((t: { name: string }) => t.name)).toEqual(['Yes']);
    expect((await other.client.patch(`/api/v1/teams/${team.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
  });

  it('lets only admins create and change teams', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const team = (await admin.post('/api/v1/teams', { name: 'Core' })).data;
    for (const role of ['manager', 'rep'] as const) {
      const { client, me } = await addMember(app, admin, { role });
      expect((await client.post('/api/v1/teams', { name: 'Mine' })).statusCode).toBe(403);
      expect((await client.patch(`/api/v1/teams/${team.id}`, { name: 'Mine', managerId: me.user.id, version: 1 })).statusCode).toBe(403);
    }
    expect((await admin.get('/api/v1/teams')).data.data).toMatchObject([{ name: 'Core', version: 1 }]);
  });
});
