import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';

const { app, db } = await testApp();

describe('workspace settings', () => {
  it('shows the workspace to everyone and lets an admin rename it and change the default time zone', async () => {
    const { client: admin, me } = await signUpWorkspace(app, { workspaceName: 'Initech', timeZone: 'Europe/Paris' });
    const rep = await addMember(app, admin, { role: 'rep' });
    expect((await rep.client.get('/api/v1/workspace')).data).toEqual({ id: me.workspace.id, name: 'Initech', defaultTimeZone: 'Europe/Paris', isDemo: false, version: 1 });

    const res = await admin.patch('/api/v1/workspace', { name: 'Initech Ltd', defaultTimeZone: 'America/Chicago', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ name: 'Initech Ltd', defaultTimeZone: 'America/Chicago', version: 2 });
    // People without a time zone of their own follow the new default.
    expect((await rep.client.get('/api/v1/session')).data.user).toMatchObject({ timeZone: 'America/Chicago', ownTimeZone: null });

    const events = await db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', me.workspace.id).orderBy('id').execute();
    expect(events.map((e) => [e.action, JSON.parse(e.changes)])).toEqual([
      ['create', expect.any(Object)],
      ['update', { name: { before: 'Initech', after: 'Initech Ltd' }, defaultTimeZone: { before: 'Europe/Paris', after: 'America/Chicago' } }],
    ]);
  });

  it('refuses a stale version, a missing version and an unknown time zone', async () => {
    const { client: admin } = await signUpWorkspace(app, { workspaceName: 'Hooli' });
    expect((await admin.patch('/api/v1/workspace', { name: 'Hooli XYZ', version: 1 })).statusCode).toBe(200);
    const stale = await admin.patch('/api/v1/workspace', { name: 'Hooli 2', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { name: 'Hooli XYZ', version: 2 } });
    const missing = await admin.patch('/api/v1/workspace', { name: 'Hooli 3' });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.details).toMatchObject([{ path: 'version' }]);
    const tz = await admin.patch('/api/v1/workspace', { defaultTimeZone: 'Mars/Olympus', version: 2 });
    expect(tz.statusCode).toBe(400);
    expect(tz.data.error.details).toMatchObject([{ path: 'defaultTimeZone' }]);
    expect((await admin.get('/api/v1/workspace')).data).toMatchObject({ name: 'Hooli XYZ', version: 2 });
  });

  it('lets only admins change it', async () => {
    const { client: admin } = await signUpWorkspace(app, { workspaceName: 'Vandelay' });
    for (const role of ['manager', 'rep'] as const) {
      const { client } = await addMember(app, admin, { role });
      const res = await client.patch('/api/v1/workspace', { name: 'Mine', version: 1 });
      expect(res.statusCode).toBe(403);
      expect(res.data.error.code).toBe('forbidden');
    }
    expect((await admin.get('/api/v1/workspace')).data).toMatchObject({ name: 'Vandelay', version: 1 });
  });
});
