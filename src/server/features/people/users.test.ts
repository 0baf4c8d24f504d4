import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, addMember, signUpWorkspace } from '../../test/factories.js';

const { app } = await testApp();

describe('people', () => {
  it('lists everyone by name for every member, filtered by status', async () => {
    const { client: admin } = await signUpWorkspace(app, { name: 'bea Admin' });
    await addMember(app, admin, { role: 'manager', name: 'Zoe Manager' });
    const rep = await addMember(app, admin, { role: 'rep', name: 'Aaron Rep' });
    const names = (await rep.client.get('/api/v1/users')).data.data.map((u: { name: string }) => u.name);
    expect(names).toEqual(['Aaron Rep', 'bea Admin', 'Zoe Manager']);
    expect((await rep.client.get('/api/v1/users?status=deactivated')).data.data).toEqual([]);
    expect((await rep.client.get('/api/v1/users?status=all')).data.data).toHaveLength(3);
    expect((await rep.client.get('/api/v1/users?status=gone')).statusCode).toBe(400);
  });

  it('lets a person change their own name and time zone, and nothing else', async () => {
    const { client: admin, me: adminMe } = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const team = (await admin.post('/api/v1/teams', { name: 'East' })).data;
    const rep = await addMember(app, admin, { role: 'rep', name: 'Rita Rep' });
    const id = rep.me.user.id;

    const own = await rep.client.patch(`/api/v1/users/${id}`, { name: 'Rita R.', timeZone: 'Asia/Tokyo', version: 1 });
    expect(own.statusCode).toBe(200);
    expect(own.data).toMatchObject({ name: 'Rita R.', timeZone: 'Asia/Tokyo', ownTimeZone: 'Asia/Tokyo', version: 2, permissions: { canEdit: true, canDeactivate: false } });

    // A name is shown in the emails Advance sends, where an address in it would become a link.
    for (const name of ['IT Support - verify at https://evil.example/login', 'Rita www.evil.example', 'rita@evil.example', 'Support evil.example/reset']) {
      const refused = await rep.client.patch(`/api/v1/users/${id}`, { name, version: 2 });
      expect(refused.statusCode, name).toBe(400);
      expect(refused.data.error.details).toEqual([{ path: 'name', message: 'Name cannot hold a web or email address: it appears in emails, where it would become a link.' }]);
    }
    const signUp = await app.inject({ method: 'POST', url: '/api/v1/signup', headers: { origin: 'http://localhost:80', 'content-type': 'application/json' }, payload: JSON.stringify({ workspaceName: 'Verify at www.evil.example', name: 'Eve', email: 'eve@example.com', password: 'a long enough passphrase', timeZone: 'Europe/Paris' }) });
    expect(signUp.statusCode).toBe(400);
    expect(JSON.parse(signUp.body).error.details.map((d: { path: string }) => d.path)).toEqual(['workspaceName']);

    // Back to the workspace default.
    const reset = await rep.client.patch(`/api/v1/users/${id}`, { timeZone: null }, { 'if-match': '"2"' });
    expect(reset.data).toMatchObject({ timeZone: 'Europe/Paris', ownTimeZone: null, version: 3 });

    expect((await rep.client.patch(`/api/v1/users/${id}`, { role: 'admin', version: 3 })).statusCode).toBe(403);
    expect((await rep.client.patch(`/api/v1/users/${id}`, { teamId: team.id, version: 3 })).statusCode).toBe(403);
    expect((await rep.client.patch(`/api/v1/users/${adminMe.user.id}`, { name: 'Hacked', version: 1 })).statusCode).toBe(403);
    const manager = await addMember(app, admin, { role: 'manager' });
    expect((await manager.client.patch(`/api/v1/users/${id}`, { name: 'Renamed', version: 3 })).statusCode).toBe(403);

    const after = (await admin.get(`/api/v1/users/${id}`)).data;
    expect(after).toMatchObject({ name: 'Rita R.', role: 'rep', team: null, version: 3 });
    expect((await admin.get(`/api/v1/users/${adminMe.user.id}`)).data.name).toBe(adminMe.user.name);
  });

  it('lets an admin change role and team, refusing teams of other workspaces', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const team = (await admin.post('/api/v1/teams', { name: 'West' })).data;
    const theirs = (await other.client.post('/api/v1/teams', { name: 'Theirs' })).data;
    const rep = await addMember(app, admin, { role: 'rep' });
    const url = `/api/v1/users/${rep.me.user.id}`;

    const foreign = await admin.patch(url, { teamId: theirs.id, version: 1 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.data.error.details).toMatchObject([{ path: 'teamId' }]);

    const ok = await admin.patch(url, { role: 'manager', teamId: team.id, version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ role: 'manager', team: { id: team.id, name: 'West' }, version: 2 });
    // The change is theirs at once: their next request acts with the new role.
    expect((await rep.client.get('/api/v1/session')).data.user.role).toBe('manager');

    const history = (await admin.get(`${url}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'update', changes: { role: { before: 'rep', after: 'manager' }, teamId: { before: null, after: team.id } } });

    expect((await other.client.get(url)).statusCode).toBe(404);
    expect((await other.client.patch(url, { name: 'X', version: 2 })).statusCode).toBe(404);
  });

  it('refuses to remove the last active admin', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const url = `/api/v1/users/${me.user.id}`;
    const refused = await admin.patch(url, { role: 'rep', version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.data.error.code).toBe('rule_violation');
    expect((await admin.get(url)).data.role).toBe('admin');

    const second = await addMember(app, admin, { role: 'admin' });
    const ok = await admin.patch(url, { role: 'manager', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.data.role).toBe('manager');
    const last = await second.client.patch(`/api/v1/users/${second.me.user.id}`, { role: 'rep', version: 1 });
    expect(last.statusCode).toBe(422);
  });

  it('keeps one admin when two admins step down at the same moment', async () => {
    const first = await signUpWorkspace(app);
    const second = await addMember(app, first.client, { role: 'admin' });
    const results = await Promise.all(
      [first.client, second.client].map((client, i) => client.patch(`/api/v1/users/${[first.me.user.id, second.me.user.id][i]}`, { role: 'rep', version: 1 })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const roles = (await first.client.get('/api/v1/users')).data.data.map((u: { role: string }) => u.role);
    expect(roles.filter((r: string) => r === 'admin')).toHaveLength(1);
  });

  it('answers a stale version with 409 and the current person, and a missing one with 400', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const rep = await addMember(app, admin, { role: 'rep', name: 'Sam Rep' });
    const url = `/api/v1/users/${rep.me.user.id}`;
    expect((await admin.patch(url, { name: 'Sam Seller', version: 1 })).statusCode).toBe(200);
    const stale = await rep.client.patch(url, { name: 'Samuel', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { name: 'Sam Seller', version: 2 } });
    const missing = await rep.client.patch(url, { name: 'Samuel' });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.details).toMatchObject([{ path: 'version' }]);
  });

  it('leaves a team without a manager when its manager becomes a rep', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const manager = await addMember(app, admin, { role: 'manager' });
    const team = (await admin.post('/api/v1/teams', { name: 'North', managerId: manager.me.user.id })).data;
    expect(team.manager.id).toBe(manager.me.user.id);
    expect((await admin.patch(`/api/v1/users/${manager.me.user.id}`, { role: 'rep', version: 1 })).statusCode).toBe(200);
    const after = (await admin.get('/api/v1/teams')).data.data[0];
    expect(after).toMatchObject({ id: team.id, manager: null, version: 2 });
    const history = (await admin.get(`/api/v1/teams/${team.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'update', changes: { managerId: { before: manager.me.user.id, after: null } } });
  });

  it('needs a session', async () => {
    const { me } = await signUpWorkspace(app);
    expect((await new Client(app).get('/api/v1/users')).statusCode).toBe(401);
    expect((await new Client(app).get(`/api/v1/users/${me.user.id}`)).statusCode).toBe(401);
  });
});
