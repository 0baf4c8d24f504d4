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

    const res = await admin.post(`/api/v1/users/${leaver.me.user.id}/deactivate`, { transferToId: heir.me.user.id });
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
    expect((await admin.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: me.user.id })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/teams')).data.data[0]).toMatchObject({ id: team.id, manager: null });
    expect((await admin.get(`/api/v1/teams/${team.id}/history`)).data.data[0]).toMatchObject({ changes: { managerId: { before: manager.me.user.id, after: null } } });
    const again = await admin.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: me.user.id });
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
    await admin.post(`/api/v1/users/${gone.me.user.id}/deactivate`, { transferToId: me.user.id });
    const url = `/api/v1/users/${rep.me.user.id}/deactivate`;

    const self = await admin.post(`/api/v1/users/${me.user.id}/deactivate`, { transferToId: rep.me.user.id });
    expect(self.statusCode).toBe(422);
    expect(self.data.error.code).toBe('rule_violation');
    for (const transferToId of [rep.me.user.id, gone.me.user.id, other.me.user.id]) {
      const bad = await admin.post(url, { transferToId });
      expect(bad.statusCode).toBe(400);
      expect(bad.data.error.details).toMatchObject([{ path: 'transferToId' }]);
    }
    const manager = await addMember(app, admin, { role: 'manager' });
    expect((await manager.client.post(url, { transferToId: manager.me.user.id })).statusCode).toBe(403);
    expect((await rep.client.post(`/api/v1/users/${manager.me.user.id}/deactivate`, { transferToId: rep.me.user.id })).statusCode).toBe(403);
    expect((await other.client.post(url, { transferToId: other.me.user.id })).statusCode).toBe(404);

    expect((await admin.get(`/api/v1/users/${rep.me.user.id}`)).data.status).toBe('active');
    expect((await rep.client.get('/api/v1/session')).statusCode).toBe(200);
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

    expect((await admin.post(`/api/v1/users/${leaver.me.user.id}/deactivate`, { transferToId: heir.me.user.id })).statusCode).toBe(200);
    const after = async (id: string) => (await admin.get(`/api/v1/commitments/${id}`)).data;
    expect((await after(open.id)).owner).toMatchObject({ name: 'Hugo Heir' });
    expect((await after(done.id)).owner).toMatchObject({ name: 'Lena Leaver' });
  });
});
