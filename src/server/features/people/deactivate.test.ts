import { describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../core/ids.js';
import { testApp } from '../../test/harness.js';
import { Client, PASSWORD, addMember, createAccount, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan } from '../plans/fixtures.js';

const { app, db } = await testApp();

/** Opportunities are another feature; the row is written directly so this test stands alone. */
async function insertOpportunity(workspaceId: string, accountId: string, stageId: string, ownerId: string) {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('opportunities')
    .values({ id, workspace_id: workspaceId, account_id: accountId, name: 'Renewal', amount_minor: 1_000_00, currency: 'EUR', stage_id: stageId, close_date: '2030-01-31', owner_id: ownerId, status: 'open', close_reason: null, closed_at: null, archived_at: null, version: 1, created_at: now, updated_at: now, search_text: 'renewal' })
    .execute();
  return id;
}

describe('deactivating a person', () => {
  it('hands their records over in one go, ends their sessions and keeps their name in history', async () => {
    const { client: admin, me } = await signUpWorkspace(app, { name: 'Ada Admin' });
    const manager = await addMember(app, admin, { role: 'manager', name: 'Max Manager' });
    const team = (await admin.post('/api/v1/teams', { name: 'South', managerId: manager.me.user.id })).data;
    const leaver = await addMember(app, admin, { role: 'rep', name: 'Lena Leaver', teamId: team.id });
    const heir = await addMember(app, admin, { role: 'rep', name: 'Hugo Heir' });
    const accounts = [await createAccount(leaver.client, { name: 'Acme' }), await createAccount(leaver.client, { name: 'Globex' })];
    const kept = await createAccount(heir.client, { name: 'Initech' });
    const stage = (await admin.get('/api/v1/stages')).data.data[0];
    const oppId = await insertOpportunity(me.workspace.id, accounts[0].id, stage.id, leaver.me.user.id);
    // A second browser of the leaver: every session ends, not just one.
    const secondBrowser = new Client(app);
    expect((await secondBrowser.post('/api/v1/session', { email: leaver.email, password: PASSWORD })).statusCode).toBe(201);

    const seen = (await admin.get(`/api/v1/users/${leaver.me.user.id}`)).data;
    const res = await admin.post(`/api/v1/users/${leaver.me.user.id}/deactivate`, { transferToId: heir.me.user.id, version: seen.version });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ name: 'Lena Leaver', status: 'deactivated', permissions: { canEdit: false, canDeactivate: false } });
    expect(res.data.deactivatedAt).not.toBeNull();

    expect((await leaver.client.get('/api/v1/accounts')).statusCode).toBe(401);
    expect((await secondBrowser.get('/api/v1/session')).statusCode).toBe(401);
    expect((await new Client(app).post('/api/v1/session', { email: leaver.email, password: PASSWORD })).statusCode).toBe(401);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', leaver.me.user.id).execute()).toEqual([]);

    for (const acc of accounts) {
      const after = (await admin.get(`/api/v1/accounts/${acc.id}`)).data;
      expect(after).toMatchObject({ owner: { id: heir.me.user.id, name: 'Hugo Heir' }, version: 2 });
      const history = (await admin.get(`/api/v1/accounts/${acc.id}/history`)).data.data;
      expect(history).toMatchObject([
        { action: 'transfer', actor: { name: 'Ada Admin' }, changes: { ownerId: { before: leaver.me.user.id, after: heir.me.user.id } } },
        // Written by the leaver, and still shown under the name they had.
        { action: 'create', actor: { id: leaver.me.user.id, name: 'Lena Leaver' } },
      ]);
    }
    expect((await admin.get(`/api/v1/accounts/${kept.id}`)).data.version).toBe(1);
    const opp = await db.selectFrom('opportunities').select(['owner_id', 'version']).where('id', '=', oppId).executeTakeFirstOrThrow();
    expect(opp).toEqual({ owner_id: heir.me.user.id, version: 2 });
    const oppEvents = await db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', oppId).execute();
    expect(oppEvents.map((e) => [e.action, JSON.parse(e.changes)])).toEqual([['transfer', { ownerId: { before: leaver.me.user.id, after: heir.me.user.id } }]]);

    const userHistory = (await admin.get(`/api/v1/users/${leaver.me.user.id}/history`)).data.data;
    expect(userHistory[0]).toMatchObject({ action: 'deactivate', changes: { status: { before: 'active', after: 'deactivated' }, transferredToId: { after: heir.me.user.id } } });
    expect((await admin.get('/api/v1/users')).data.data.map((u: { name: string }) => u.name)).not.toContain('Lena Leaver');
    expect((await admin.get('/api/v1/users?status=deactivated')).data.data.map((u: { name: string }) => u.name)).toEqual(['Lena Leaver']);
    // A deactivated person no longer counts as a member of their team.
    expect((await admin.get('/api/v1/teams')).data.data[0]).toMatchObject({ id: team.id, memberCount: 0 });
  });

  it('leaves the teams they led without a manager', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const manager = await addMember(app, admin, { role: 'manager' });
    const team = (await admin.post('/api/v1/teams', { name: 'Central', managerId: manager.me.user.id })).data;
    expect((await admin.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: me.user.id, version: manager.me.user.version })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/teams')).data.data[0]).toMatchObject({ id: team.id, manager: null });
    expect((await admin.get(`/api/v1/teams/${team.id}/history`)).data.data[0]).toMatchObject({ changes: { managerId: { before: manager.me.user.id, after: null } } });
    // Again from the version read before: 409 with them deactivated; from the version now: 422.
    const stale = await admin.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: me.user.id, version: manager.me.user.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ id: manager.me.user.id, status: 'deactivated', version: 2 });
    const again = await admin.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: me.user.id, version: 2 });
    expect(again.statusCode).toBe(422);
    // Their profile is frozen as it was.
    const edit = await admin.patch(`/api/v1/users/${manager.me.user.id}`, { name: 'Renamed', version: 2 });
    expect(edit.statusCode).toBe(422);
    expect((await admin.get(`/api/v1/users/${manager.me.user.id}`)).data.name).toBe(manager.me.user.name);
  });

  it('refuses yourself, a bad recipient, and anyone but an admin', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const rep = await addMember(app, admin, { role: 'rep' });
    const gone = await addMember(app, admin, { role: 'rep' });
    await admin.post(`/api/v1/users/${gone.me.user.id}/deactivate`, { transferToId: me.user.id, version: gone.me.user.version });
    const url = `/api/v1/users/${rep.me.user.id}/deactivate`;
    const version = rep.me.user.version;

    const self = await admin.post(`/api/v1/users/${me.user.id}/deactivate`, { transferToId: rep.me.user.id, version: me.user.version });
    expect(self.statusCode).toBe(422);
    expect(self.data.error.code).toBe('rule_violation');
    for (const transferToId of [rep.me.user.id, gone.me.user.id, other.me.user.id]) {
      const bad = await admin.post(url, { transferToId, version });
      expect(bad.statusCode).toBe(400);
      expect(bad.data.error.details).toMatchObject([{ path: 'transferToId' }]);
    }
    const manager = await addMember(app, admin, { role: 'manager' });
    expect((await manager.client.post(url, { transferToId: manager.me.user.id, version })).statusCode).toBe(403);
    expect((await rep.client.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: rep.me.user.id, version: manager.me.user.version })).statusCode).toBe(403);
    // Another workspace's person is not found, whatever version is sent or not.
    expect((await other.client.post(url, { transferToId: other.me.user.id, version })).statusCode).toBe(404);
    expect((await other.client.post(url, { transferToId: other.me.user.id })).statusCode).toBe(404);

    expect((await admin.get(`/api/v1/users/${rep.me.user.id}`)).data.status).toBe('active');
    expect((await rep.client.get('/api/v1/session')).statusCode).toBe(200);
  });

  it('deactivates only from the person as the admin read them: none is 400 naming version, an old one 409 with them as they are now, and nothing changes', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const other = await addMember(app, admin, { role: 'admin', name: 'Other Admin' });
    const leaver = await addMember(app, admin, { role: 'rep', name: 'Lena Leaver' });
    const account = await createAccount(leaver.client, { name: 'Acme' });
    const url = `/api/v1/users/${leaver.me.user.id}/deactivate`;
    const seen = (await admin.get(`/api/v1/users/${leaver.me.user.id}`)).data;
    // Another admin makes them a manager meanwhile.
    const changed = await other.client.patch(`/api/v1/users/${leaver.me.user.id}`, { role: 'manager', version: seen.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.data.version).toBe(seen.version + 1);

    const unversioned = await admin.post(url, { transferToId: me.user.id });
    expect(unversioned.statusCode).toBe(400);
    expect(unversioned.data.error.code).toBe('validation_failed');
    expect(unversioned.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    for (const stale of [
      await admin.post(url, { transferToId: me.user.id, version: seen.version }),
      await admin.post(url, { transferToId: me.user.id }, { 'if-match': `"${seen.version}"` }),
      // The version is checked before anything else: before the recipient too.
      await admin.post(url, { transferToId: leaver.me.user.id, version: seen.version }),
    ]) {
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.data.error.code).toBe('version_conflict');
      expect(stale.data.error.current).toMatchObject({ id: leaver.me.user.id, role: 'manager', status: 'active', version: changed.data.version });
    }
    // Nothing happened: still active and signed in, still the owner, no deactivation in history.
    expect((await admin.get(`/api/v1/users/${leaver.me.user.id}`)).data).toMatchObject({ status: 'active', deactivatedAt: null, version: changed.data.version });
    expect((await leaver.client.get('/api/v1/session')).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).data).toMatchObject({ owner: { id: leaver.me.user.id }, version: account.version });
    expect((await admin.get(`/api/v1/users/${leaver.me.user.id}/history`)).data.data.map((e: { action: string }) => e.action)).not.toContain('deactivate');

    // From the version now shown (here as If-Match): done.
    const done = await admin.post(url, { transferToId: me.user.id }, { 'if-match': `"${changed.data.version}"` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.data).toMatchObject({ status: 'deactivated', version: changed.data.version + 1 });
    // The other admin, still looking at them active, gets them as they now are.
    const late = await other.client.post(url, { transferToId: other.me.user.id, version: changed.data.version });
    expect(late.statusCode).toBe(409);
    expect(late.data.error.current).toMatchObject({ status: 'deactivated' });
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).data.owner).toMatchObject({ id: me.user.id });
  });
});

describe('deactivating someone with promises to customers', () => {
  it('hands their open seller-side commitments to the heir, leaving done ones as history', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const leaver = await addMember(app, admin, { role: 'rep', name: 'Lena Leaver' });
    const heir = await addMember(app, admin, { role: 'rep', name: 'Hugo Heir' });
    const plan = await createPlan(leaver.client);
    const open = await addCommitment(leaver.client, plan.id, { title: 'Send the security pack' });
    const done = await addCommitment(leaver.client, plan.id, { title: 'Kick-off call' });
    expect((await leaver.client.patch(`/api/v1/commitments/${done.id}`, { status: 'done', version: done.version })).statusCode).toBe(200);

    expect((await admin.post(`/api/v1/users/${leaver.me.user.id}/deactivate`, { transferToId: heir.me.user.id, version: leaver.me.user.version })).statusCode).toBe(200);
    const after = async (id: string) => (await admin.get(`/api/v1/commitments/${id}`)).data;
    expect((await after(open.id)).owner).toMatchObject({ name: 'Hugo Heir' });
    expect((await after(done.id)).owner).toMatchObject({ name: 'Lena Leaver' });
  });
});
