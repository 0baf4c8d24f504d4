import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, PASSWORD, addMember, signUpWorkspace } from '../../test/factories.js';
import { addressHash } from '../mail/tokens.js';

const { app, db } = await testApp();

const GONE = 'This invite link has expired, was revoked or was already used. Ask for a new one.';
const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() as string;

async function invite(admin: Client, body: Record<string, unknown> = {}) {
  const email = `new-${Math.random().toString(36).slice(2)}@example.com`;
  const res = await admin.post('/api/v1/invites', { email, role: 'rep', ...body });
  expect(res.statusCode).toBe(201);
  return { ...res.data, email: body.email ?? email, token: tokenOf(res.data.url) };
}

describe('invites', () => {
  it('invites someone with a role and team; accepting signs them in as that member', async () => {
    const { client: admin, me } = await signUpWorkspace(app, { workspaceName: 'Initech', name: 'Ada Admin', timeZone: 'Europe/Paris' });
    const team = (await admin.post('/api/v1/teams', { name: 'Nordics' })).data;
    const inv = await invite(admin, { email: 'Mia.Manager@Example.com', role: 'manager', teamId: team.id });
    expect(inv.url).toMatch(/^http:\/\/localhost:80\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(inv.invite).toMatchObject({ email: 'mia.manager@example.com', role: 'manager', team: { id: team.id, name: 'Nordics' }, status: 'pending', invitedBy: { id: me.user.id, name: 'Ada Admin' } });

    const guest = new Client(app);
    const preview = await guest.post('/api/v1/invites/lookup', { token: inv.token });
    expect(preview.statusCode).toBe(200);
    expect(preview.data).toEqual({ workspaceName: 'Initech', email: 'mia.manager@example.com', role: 'manager', teamName: 'Nordics', invitedByName: 'Ada Admin', expiresAt: inv.invite.expiresAt });

    const accepted = await guest.post('/api/v1/invites/accept', { token: inv.token, name: 'Mia Manager', password: PASSWORD });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.data.user).toMatchObject({ name: 'Mia Manager', email: 'mia.manager@example.com', role: 'manager', team: { id: team.id }, timeZone: 'Europe/Paris', ownTimeZone: null });
    expect(accepted.data.workspace.id).toBe(me.workspace.id);
    const session = await guest.get('/api/v1/session');
    expect(session.statusCode).toBe(200);
    expect(session.data.user.id).toBe(accepted.data.user.id);
    expect((await admin.get('/api/v1/teams')).data.data[0]).toMatchObject({ id: team.id, memberCount: 1 });

    const listed = await admin.get('/api/v1/invites');
    expect(listed.data.data.map((i: { status: string }) => i.status)).toEqual(['accepted']);
    // The token is shown once, at creation, and nowhere else.
    expect(listed.body).not.toContain(inv.token);
    expect(accepted.body).not.toContain(inv.token);

    const history = await admin.get(`/api/v1/users/${accepted.data.user.id}/history`);
    expect(history.data.data).toMatchObject([{ action: 'create', actor: { id: accepted.data.user.id, name: 'Mia Manager' } }]);
  });

  it('takes the invitee’s own time zone when they give one', async () => {
    const { client: admin } = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const member = await addMember(app, admin, { role: 'rep', timeZone: 'America/New_York' });
    expect(member.me.user).toMatchObject({ role: 'rep', team: null, timeZone: 'America/New_York', ownTimeZone: 'America/New_York' });
  });

  it('works once: a second use of the link gets the same not-found answer', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const inv = await invite(admin);
    expect((await new Client(app).post('/api/v1/invites/accept', { token: inv.token, name: 'First', password: PASSWORD })).statusCode).toBe(201);
    const again = await new Client(app).post('/api/v1/invites/accept', { token: inv.token, name: 'Second', password: PASSWORD });
    expect(again.statusCode).toBe(404);
    expect(again.data.error).toMatchObject({ code: 'not_found', message: GONE });
    expect(again.headers['set-cookie']).toBeUndefined();
    const lookup = await new Client(app).post('/api/v1/invites/lookup', { token: inv.token });
    expect(lookup.statusCode).toBe(404);
    expect(lookup.data.error.message).toBe(GONE);
    const revoke = await admin.post(`/api/v1/invites/${inv.invite.id}/revoke`);
    expect(revoke.statusCode).toBe(422);
    expect((await admin.get('/api/v1/invites')).data.data[0].status).toBe('accepted');
  });

  it('lets only one of two simultaneous uses of a link through', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const inv = await invite(admin);
    const results = await Promise.all(['One', 'Two'].map((name) => new Client(app).post('/api/v1/invites/accept', { token: inv.token, name, password: PASSWORD })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 404]);
    expect((await admin.get('/api/v1/users')).data.data).toHaveLength(2);
  });

  it('refuses expired, revoked and unknown links alike', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const expired = await invite(admin);
    await db.updateTable('invites').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.invite.id).execute();
    const revoked = await invite(admin);
    const revoke = await admin.post(`/api/v1/invites/${revoked.invite.id}/revoke`);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.data.status).toBe('revoked');

    for (const token of [expired.token, revoked.token, 'x'.repeat(43)]) {
      const guest = new Client(app);
      expect((await guest.post('/api/v1/invites/lookup', { token })).data.error).toMatchObject({ code: 'not_found', message: GONE });
      const res = await guest.post('/api/v1/invites/accept', { token, name: 'Late', password: PASSWORD });
      expect(res.statusCode).toBe(404);
      expect(res.data.error.message).toBe(GONE);
    }
    const statuses = (await admin.get('/api/v1/invites')).data.data.map((i: { id: string; status: string }) => [i.id, i.status]);
    expect(statuses).toEqual([
      [revoked.invite.id, 'revoked'],
      [expired.invite.id, 'expired'],
    ]);
    const users = await admin.get('/api/v1/users');
    expect(users.data.data).toHaveLength(1);
  });

  it('never changes an existing account through an invite for its email', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const email = `taken-${Math.random().toString(36).slice(2)}@example.com`;
    const inv = await invite(admin, { email });
    // The address gets an account elsewhere after the invite was sent.
    const other = await signUpWorkspace(app, { email, name: 'Original Name' });

    const res = await new Client(app).post('/api/v1/invites/accept', { token: inv.token, name: 'Intruder', password: 'another long passphrase' });
    expect(res.statusCode).toBe(409);
    expect(res.data.error).toMatchObject({ code: 'duplicate', details: [{ path: 'email' }] });
    expect(res.headers['set-cookie']).toBeUndefined();

    const signIn = await new Client(app).post('/api/v1/session', { email, password: PASSWORD });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.data.user).toMatchObject({ id: other.me.user.id, name: 'Original Name', role: 'admin' });
    expect(signIn.data.workspace.id).toBe(other.me.workspace.id);
    expect((await new Client(app).post('/api/v1/session', { email, password: 'another long passphrase' })).statusCode).toBe(401);

    // Inviting the address again answers as for any address: whether it has an account in another
    // workspace is not the inviter's to learn (anyone can sign up a workspace to ask). Its holder hears it.
    const unknown = await admin.post('/api/v1/invites', { email: `nobody-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' });
    const again = await admin.post('/api/v1/invites', { email: email.toUpperCase(), role: 'rep' });
    expect(again.statusCode).toBe(201);
    expect(Object.keys(again.data).sort()).toEqual(Object.keys(unknown.data).sort());
    expect(again.data.invite.status).toBe(unknown.data.invite.status);
    const token = new URL(again.data.url).pathname.split('/').pop();
    const held = await new Client(app).post('/api/v1/invites/accept', { token, name: 'Intruder', password: 'another long passphrase' });
    expect(held.statusCode).toBe(409);
    expect(held.data.error).toMatchObject({ code: 'duplicate', details: [{ path: 'email' }] });

    const colleague = await addMember(app, admin, { role: 'rep', name: 'Colleague Here' });
    const here = await admin.post('/api/v1/invites', { email: colleague.email, role: 'rep' });
    expect(here.statusCode).toBe(409);
    expect(here.data.error.details[0].message).toBe('Colleague Here already has an account in this workspace with this email — find them under People.');
  });

  it('refuses a common password and keeps the invite usable', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const inv = await invite(admin);
    const guest = new Client(app);
    const weak = await guest.post('/api/v1/invites/accept', { token: inv.token, name: 'Weak', password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.data.error.details).toMatchObject([{ path: 'password' }]);
    expect((await guest.post('/api/v1/invites/accept', { token: inv.token, name: 'Strong', password: PASSWORD })).statusCode).toBe(201);
  });

  it('refuses a team of another workspace', async () => {
    const a = await signUpWorkspace(app);
    const b = await signUpWorkspace(app);
    const theirTeam = (await b.client.post('/api/v1/teams', { name: 'Theirs' })).data;
    const res = await a.client.post('/api/v1/invites', { email: 'x@example.com', role: 'rep', teamId: theirTeam.id });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.details).toMatchObject([{ path: 'teamId' }]);
  });

  it('lets only admins invite, list and revoke', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const inv = await invite(admin);
    for (const role of ['manager', 'rep'] as const) {
      const { client } = await addMember(app, admin, { role });
      expect((await client.post('/api/v1/invites', { email: 'y@example.com', role: 'admin' })).statusCode).toBe(403);
      expect((await client.get('/api/v1/invites')).statusCode).toBe(403);
      expect((await client.post(`/api/v1/invites/${inv.invite.id}/revoke`)).statusCode).toBe(403);
    }
    const statuses = (await admin.get('/api/v1/invites')).data.data.filter((i: { id: string }) => i.id === inv.invite.id);
    expect(statuses[0].status).toBe('pending');
  });
});

describe('accepting an invite while signed in as someone else', () => {
  it('ends that other session: its cookie no longer answers', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const inv = await invite(admin);
    const stale = new Client(app);
    stale.cookie = other.client.cookie;
    const accepted = await other.client.post('/api/v1/invites/accept', { token: inv.token, name: 'Switching Person', password: PASSWORD });
    expect(accepted.statusCode).toBe(201);
    expect(other.client.cookie).not.toBe(stale.cookie);
    expect((await other.client.get('/api/v1/session')).data.user.id).toBe(accepted.data.user.id);
    expect((await stale.get('/api/v1/session')).statusCode).toBe(401);
  });
});

describe('invites on a server that sends mail (SMTP_URL set)', async () => {
  const mailing = await testApp({ SMTP_URL: 'smtp://127.0.0.1:2' });
  const { app: mApp, db: mDb } = mailing;
  const secretOfInvite = async (inviteId: string) => {
    const row = await mDb.selectFrom('mail_outbox').select('data').where('dedupe_key', '=', `invitation:${inviteId}`).executeTakeFirstOrThrow();
    return JSON.parse(row.data).secret as string;
  };
  /** Sign-up confirms the address by email there: request, then confirm with the emailed link. */
  async function signUpByEmail(email = `admin-${Math.random().toString(36).slice(2)}@example.com`) {
    const requested = await new Client(mApp).post('/api/v1/signup-requests', { workspaceName: 'Mailing Co', name: 'Ada Admin', email, password: PASSWORD, timeZone: 'Europe/Paris' });
    expect(requested.statusCode).toBe(202);
    const row = await mDb.selectFrom('mail_outbox').select('data').where('to_address', '=', email).where('kind', '=', 'signup_confirm').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const client = new Client(mApp);
    const me = await client.post('/api/v1/signup-requests/confirm', { token: JSON.parse(row.data).secret });
    expect(me.statusCode).toBe(201);
    return { client, me: me.data, email };
  }

  it('gives the admin no link: only the invited mailbox gets it, so nobody else can accept for the address', async () => {
    const { client: admin } = await signUpByEmail();
    const email = `new-${Math.random().toString(36).slice(2)}@example.com`;
    const res = await admin.post('/api/v1/invites', { email, role: 'rep' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ url: null, emailed: true, invite: { email, status: 'pending' } });
    const token = await secretOfInvite(res.data.invite.id);
    expect(res.body).not.toContain(token);
    // The mailbox's owner, with the emailed link, joins.
    const joined = await new Client(mApp).post('/api/v1/invites/accept', { token, name: 'Mailbox Owner', password: PASSWORD });
    expect(joined.statusCode).toBe(201);
    expect(joined.data.user.email).toBe(email);
  });

  it('tells the inviting admin nothing about whether the address has an account elsewhere', async () => {
    const elsewhere = await signUpByEmail();
    const { client: admin } = await signUpByEmail();
    const known = await admin.post('/api/v1/invites', { email: elsewhere.email, role: 'rep' });
    const unknown = await admin.post('/api/v1/invites', { email: `nobody-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' });
    expect([known.statusCode, unknown.statusCode]).toEqual([201, 201]);
    const shape = (d: { url: unknown; emailed: unknown; invite: { status: string } }) => ({ url: d.url, emailed: d.emailed, status: d.invite.status });
    expect(shape(known.data)).toEqual(shape(unknown.data));
    expect(known.data.url).toBeNull();
    // Only the holder of the emailed link — the account's owner — hears that the address has an account.
    const held = await new Client(mApp).post('/api/v1/invites/accept', { token: await secretOfInvite(known.data.invite.id), name: 'Owner', password: PASSWORD });
    expect(held.statusCode).toBe(409);
  });

  it('refuses to invite an address that stopped invitation emails (the link could reach it no other way)', async () => {
    const { client: admin, me } = await signUpByEmail();
    const email = `stopped-${Math.random().toString(36).slice(2)}@example.com`;
    await mDb.insertInto('mail_suppressions').values({ address_hash: addressHash(email).slice(0, 32), kind: 'invitation', created_at: new Date().toISOString() }).execute();
    const res = await admin.post('/api/v1/invites', { email, role: 'rep' });
    expect(res.statusCode).toBe(422);
    expect(res.data.error).toMatchObject({ code: 'rule_violation', details: [{ path: 'email' }] });
    expect(await mDb.selectFrom('invites').select('id').where('workspace_id', '=', me.workspace.id).where('email', '=', email).execute()).toEqual([]);
  });
});
