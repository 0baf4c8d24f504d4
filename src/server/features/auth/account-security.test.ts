import { describe, expect, it } from 'vitest';
import { Client, ORIGIN, PASSWORD, addMember, createApiToken, signUpWorkspace, type Signed } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import type { App } from '../../core/http.js';
import { WRONG_CURRENT_PASSWORDS_PER_PERSON_PER_HOUR } from '../../core/limits.js';
import { renderRow } from '../mail/render.js';

/**
 * A signed-in person's own account security: changing the password with the current one
 * (POST /session/password) and signing out everywhere else (DELETE /session/others).
 */
const plain = await testApp({ SIGNIN_MAX_FAILURES_PER_IP: '1000' });
const mailing = await testApp({ SMTP_URL: 'smtp://127.0.0.1:2' });
// Failed sign-ins slow an address down after 2 (the default is 5).
const strict = await testApp({ SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '2', SIGNIN_MAX_FAILURES_PER_IP: '1000' });

const NEW_PASSWORD = 'a brand new passphrase';
const CHANGE = '/api/v1/session/password';
const OTHERS = '/api/v1/session/others';

const signIn = (app: App, email: string, password: string) => new Client(app).post('/api/v1/session', { email, password });
async function signedInAgain(app: App, email: string, password = PASSWORD): Promise<Client> {
  const c = new Client(app);
  const res = await c.post('/api/v1/session', { email, password });
  if (res.statusCode !== 201) throw new Error(`sign in failed: ${res.statusCode} ${res.body}`);
  return c;
}
const hashOf = async (db: typeof plain.db, userId: string) =>
  (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()).password_hash;
const sessionsOf = async (db: typeof plain.db, userId: string) => (await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

/** A change from a given address, with a person's cookie (the Client sends none of its own address). */
async function changeFrom(app: App, person: Client, ip: string, body: unknown) {
  const res = await app.inject({
    method: 'POST',
    url: CHANGE,
    remoteAddress: ip,
    headers: { origin: ORIGIN, 'content-type': 'application/json', cookie: person.cookie ?? '' },
    payload: JSON.stringify(body),
  });
  return { statusCode: res.statusCode, headers: res.headers, data: res.json() as any };
}

async function resetTokenFor(app: App, db: typeof plain.db, email: string): Promise<string> {
  await new Client(app).post('/api/v1/password-resets', { email });
  const row = await db.selectFrom('mail_outbox').select('data').where('kind', '=', 'password_reset').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return JSON.parse(row.data).secret as string;
}

describe('changing one’s password while signed in', () => {
  it('changes it: the old password no longer signs in, the new one does; other sessions end, this browser continues in a fresh session', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const laptop = await signedInAgain(app, admin.email);
    const phone = await signedInAgain(app, admin.email);
    const token = await createApiToken(admin);
    const resetLink = await resetTokenFor(app, db, admin.email);
    const oldCookie = admin.client.cookie;
    const oldHash = await hashOf(db, admin.me.user.id);

    const res = await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(204);
    // A new session cookie: the browser that changed it stays signed in, under a new id.
    expect(admin.client.cookie).toBeDefined();
    expect(admin.client.cookie).not.toBe(oldCookie);
    expect((await admin.client.get('/api/v1/session')).statusCode).toBe(200);
    expect((await admin.client.get('/api/v1/session')).data.user.id).toBe(admin.me.user.id);
    // The old cookie, and every other session of the person, are over.
    const stale = new Client(app);
    stale.cookie = oldCookie;
    expect((await stale.get('/api/v1/session')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/session')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/session')).statusCode).toBe(401);
    expect(await sessionsOf(db, admin.me.user.id)).toBe(1);
    // The password itself: argon2id, and only the new one signs in.
    const newHash = await hashOf(db, admin.me.user.id);
    expect(newHash).not.toBe(oldHash);
    expect(newHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(app, admin.email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(app, admin.email, NEW_PASSWORD)).statusCode).toBe(201);
    // A reset link asked for before is void.
    expect((await new Client(app).post('/api/v1/password-resets/lookup', { token: resetLink })).statusCode).toBe(404);
    expect((await new Client(app).post('/api/v1/password-resets/complete', { token: resetLink, password: 'someone else’s passphrase' })).statusCode).toBe(404);
    // API tokens are not sessions: they keep working.
    expect((await token.client.get('/api/v1/session')).statusCode).toBe(200);
    // Audited on the person, with neither password nor hash.
    const history = (await admin.client.get(`/api/v1/users/${admin.me.user.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'update' });
    const events = await db.selectFrom('audit_events').selectAll().where('entity_id', '=', admin.me.user.id).execute();
    const written = JSON.stringify(events);
    expect(written).toContain('passwordChangedAt');
    for (const secret of [PASSWORD, NEW_PASSWORD, oldHash, newHash, '$argon2']) expect(written).not.toContain(secret);
  });

  it('takes the new password in whichever Unicode form it was typed', async () => {
    const { app } = plain;
    const admin = await signUpWorkspace(app);
    const res = await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: 'cafe\u0301 au lait' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await signIn(app, admin.email, 'caf\u00e9 au lait')).statusCode).toBe(201);
  });

  it('refuses a wrong current password beside its field, and changes nothing', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const other = await signedInAgain(app, admin.email);
    const resetLink = await resetTokenFor(app, db, admin.email);
    const before = await hashOf(db, admin.me.user.id);
    const res = await admin.client.post(CHANGE, { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe('validation_failed');
    expect(res.data.error.details).toEqual([{ path: 'currentPassword', message: 'This is not your current password.' }]);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await hashOf(db, admin.me.user.id)).toBe(before);
    expect((await other.get('/api/v1/session')).statusCode).toBe(200);
    expect((await admin.client.get('/api/v1/session')).statusCode).toBe(200);
    expect((await new Client(app).post('/api/v1/password-resets/lookup', { token: resetLink })).statusCode).toBe(200);
    expect((await signIn(app, admin.email, PASSWORD)).statusCode).toBe(201);
    expect((await signIn(app, admin.email, NEW_PASSWORD)).statusCode).toBe(401);
    // Both fields' problems at once when the new one is weak too.
    const both = await admin.client.post(CHANGE, { currentPassword: 'still not my password', newPassword: 'password123' });
    expect(both.data.error.details.map((d: { path: string }) => d.path)).toEqual(['currentPassword', 'newPassword']);
  });

  it('refuses a weak new password with the messages of sign-up and reset, and changes nothing', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const other = await signedInAgain(app, admin.email);
    const before = await hashOf(db, admin.me.user.id);
    const cases: [string, string][] = [
      ['short', 'Use at least 8 characters.'],
      [' '.repeat(10), 'This password is only spaces. Choose another — a short sentence works well.'],
      ['aaaaaaaaaa', 'This password is one character repeated. Choose another — a short sentence works well.'],
      ['  Password123\t', 'This password is on a list of commonly used passwords. Choose another — a short sentence works well.'],
      [PASSWORD, 'This is your current password. Choose a new one.'],
    ];
    for (const [newPassword, message] of cases) {
      const res = await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, JSON.stringify(newPassword)).toBe(400);
      expect(res.data.error.details).toEqual([{ path: 'newPassword', message }]);
    }
    // The same words as sign-up gives.
    const signUp = await new Client(app).post('/api/v1/signup', { workspaceName: 'W', name: 'N', email: `weak-${Date.now()}@example.com`, password: '  Password123\t', timeZone: 'Europe/Paris' });
    expect(signUp.data.error.details).toEqual([{ path: 'password', message: cases[3][1] }]);
    // A password that sign-in would refuse (a NUL, half a character) is refused when it is set, not
    // after: accepted once, it would lock its owner out.
    for (const password of ['correct horse\u0000battery staple', 'correct horse \ud800 battery staple']) {
      const email = `unusable-${Date.now()}-${password.length}@example.com`;
      const refused = await new Client(app).post('/api/v1/signup', { workspaceName: 'W', name: 'N', email, password, timeZone: 'Europe/Paris' });
      expect(refused.statusCode, JSON.stringify(password)).toBe(400);
      expect(refused.data.error.details.map((d: { path: string }) => d.path)).toEqual(['password']);
      const changed = await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: password });
      expect(changed.statusCode).toBe(400);
      expect(changed.data.error.details.map((d: { path: string }) => d.path)).toEqual(['newPassword']);
    }
    expect(await hashOf(db, admin.me.user.id)).toBe(before);
    expect((await other.get('/api/v1/session')).statusCode).toBe(200);
    // A right current password with a refused new one is not a guess: nothing is held back.
    expect((await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
  });

  it('counts wrong current passwords as failed sign-ins: the address that keeps guessing waits (429), and the password stays', async () => {
    const { app, db } = strict;
    const admin = await signUpWorkspace(app);
    const before = await hashOf(db, admin.me.user.id);
    const ip = '198.51.100.7';
    for (let i = 0; i < 2; i++) expect((await changeFrom(app, admin.client, ip, { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    // Past the free tries, even the right password waits: the guesser cannot tell.
    const held = await changeFrom(app, admin.client, ip, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(held.statusCode).toBe(429);
    expect(held.data.error.code).toBe('too_many_requests');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(await hashOf(db, admin.me.user.id)).toBe(before);
    // The same counters as sign-in: signing in from that address waits too.
    const signInThere = await app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: ip, headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: JSON.stringify({ email: admin.email, password: PASSWORD }) });
    expect(signInThere.statusCode).toBe(429);
  });

  it('stops a guesser who spreads wrong current passwords over many addresses, past the per-person ceiling', async () => {
    const { app, db } = strict;
    const admin = await signUpWorkspace(app);
    const before = await hashOf(db, admin.me.user.id);
    for (let i = 0; i < WRONG_CURRENT_PASSWORDS_PER_PERSON_PER_HOUR; i++) {
      const res = await changeFrom(app, admin.client, `203.0.113.${i + 1}`, { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD });
      expect(res.statusCode, `guess ${i}`).toBe(400);
    }
    // A fresh address, the right password: held back all the same.
    const held = await changeFrom(app, admin.client, '203.0.113.200', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(held.statusCode).toBe(429);
    expect(held.data.error.message).toMatch(/Too many wrong current passwords/);
    expect(await hashOf(db, admin.me.user.id)).toBe(before);
    // The owner is not locked out of the account: they still sign in from their own address.
    expect((await app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '192.0.2.10', headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: JSON.stringify({ email: admin.email, password: PASSWORD }) })).statusCode).toBe(201);
  });

  it('only ever changes the caller’s own password: the route names nobody, and a body naming someone is refused', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const outsider = await signUpWorkspace(app);
    const repHash = await hashOf(db, rep.me.user.id);
    const outsiderHash = await hashOf(db, outsider.me.user.id);
    for (const extra of [{ userId: rep.me.user.id }, { email: rep.email }, { id: outsider.me.user.id }]) {
      const res = await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    expect((await admin.client.post(`${CHANGE}?userId=${rep.me.user.id}`, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    // An admin changing "a" password changes their own, and no one else's.
    expect((await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect(await hashOf(db, rep.me.user.id)).toBe(repHash);
    expect(await hashOf(db, outsider.me.user.id)).toBe(outsiderHash);
    expect((await signIn(app, rep.email, PASSWORD)).statusCode).toBe(201);
    expect((await rep.client.get('/api/v1/session')).statusCode).toBe(200);
    expect((await signIn(app, admin.email, NEW_PASSWORD)).statusCode).toBe(201);
    // A rep who knows the admin's password still only reaches their own account (and it is not theirs).
    const res = await rep.client.post(CHANGE, { currentPassword: NEW_PASSWORD, newPassword: 'the rep took over' });
    expect(res.statusCode).toBe(400);
    expect((await signIn(app, admin.email, NEW_PASSWORD)).statusCode).toBe(201);
  });

  it('is refused to API tokens (403), read and read-write alike, even with the session cookie beside them, and changes nothing', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const other = await signedInAgain(app, admin.email);
    const before = await hashOf(db, admin.me.user.id);
    for (const scope of ['read', 'read_write'] as const) {
      const token = await createApiToken(admin, { scope });
      const changed = await token.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.statusCode, scope).toBe(403);
      expect(changed.data.error.code).toBe('forbidden');
      const ended = await token.client.delete(OTHERS);
      expect(ended.statusCode, scope).toBe(403);
      // A token with the person's cookie: the token alone decides.
      const both = await token.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { cookie: admin.client.cookie as string });
      expect(both.statusCode, scope).toBe(403);
    }
    expect(await hashOf(db, admin.me.user.id)).toBe(before);
    expect((await other.get('/api/v1/session')).statusCode).toBe(200);
    expect((await signIn(app, admin.email, PASSWORD)).statusCode).toBe(201);
  });

  it('with mail: tells the person by email, with no password in it and no link to the Host the request named', async () => {
    const { app, db, config } = mailing;
    // Sign-up there confirms the address by email.
    const email = `mailed-${Date.now()}@example.com`;
    await new Client(app).post('/api/v1/signup-requests', { workspaceName: 'W', name: 'Mia', email, password: PASSWORD, timeZone: 'Europe/Paris' });
    const confirmRow = await db.selectFrom('mail_outbox').select('data').where('kind', '=', 'signup_confirm').where('to_address', '=', email).executeTakeFirstOrThrow();
    const admin = { client: new Client(app), email };
    expect((await admin.client.post('/api/v1/signup-requests/confirm', { token: JSON.parse(confirmRow.data).secret })).statusCode).toBe(201);
    // Someone with the cookie, calling through a Host of their own (the Origin check follows it without PUBLIC_URL).
    const res = await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { host: 'evil.example', origin: 'http://evil.example' });
    expect(res.statusCode, res.body).toBe(204);
    const rows = await db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'password_changed').execute();
    expect(rows.map((r) => r.to_address)).toEqual([admin.email]);
    expect(rows[0].contains_secret).toBe(0);
    expect(rows[0].base_url).toBeNull();
    const rendered = await renderRow(db, config, rows[0]);
    expect(rendered.subject).toBe('Your Advance password was changed');
    expect(rendered.text).toContain(admin.email);
    expect(rendered.text).toMatch(/http:\/\/localhost:\d+\/forgot-password/);
    expect(rendered.unsubscribeUrl).toBeNull();
    for (const text of [rendered.text, rendered.html, rows[0].data]) {
      expect(text).not.toContain(NEW_PASSWORD);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('evil.example');
    }
  });

  it('without mail: sends nothing (the outbox keeps no notice)', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    expect((await admin.client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect(await db.selectFrom('mail_outbox').select('id').where('kind', '=', 'password_changed').where('to_address', '=', admin.email).execute()).toEqual([]);
  });
});

describe('signing out everywhere else', () => {
  it('ends every other session of the person, says how many, and keeps this one and the API tokens', async () => {
    const { app, db } = plain;
    const admin: Signed = await signUpWorkspace(app);
    const others = [await signedInAgain(app, admin.email), await signedInAgain(app, admin.email), await signedInAgain(app, admin.email)];
    const expired = await signedInAgain(app, admin.email);
    // A session past its expiry is no longer live: ended, but not counted.
    await db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', (await db.selectFrom('sessions').select('id').where('user_id', '=', admin.me.user.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow()).id).execute();
    const token = await createApiToken(admin);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const repOther = await signedInAgain(app, rep.email);

    const res = await admin.client.delete(OTHERS);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toEqual({ ended: 3 });
    // Gone from the database, the expired one too (before a request with it would clear it).
    expect(await sessionsOf(db, admin.me.user.id)).toBe(1);
    for (const c of [...others, expired]) expect((await c.get('/api/v1/session')).statusCode).toBe(401);
    expect((await admin.client.get('/api/v1/session')).statusCode).toBe(200);
    expect((await token.client.get('/api/v1/session')).statusCode).toBe(200);
    // Nobody else's sessions.
    expect((await rep.client.get('/api/v1/session')).statusCode).toBe(200);
    expect((await repOther.get('/api/v1/session')).statusCode).toBe(200);
    // The password is unchanged, and again there is nothing left to end.
    expect((await signIn(app, admin.email, PASSWORD)).statusCode).toBe(201);
    const again = await new Client(app).post('/api/v1/session', { email: admin.email, password: PASSWORD });
    expect(again.statusCode).toBe(201);
    expect((await admin.client.delete(OTHERS)).data).toEqual({ ended: 2 });
    expect((await admin.client.delete(OTHERS)).data).toEqual({ ended: 0 });
  });

  it('answers 401 without a session', async () => {
    const res = await new Client(plain.app).delete(OTHERS);
    expect(res.statusCode).toBe(401);
  });
});

describe('the demo workspace', () => {
  it('refuses both with 422: its people and their published password are every visitor’s', async () => {
    const { app, db } = plain;
    const visitor = new Client(app);
    expect((await visitor.post('/api/v1/demo/session', {})).statusCode).toBe(201);
    const other = new Client(app);
    expect((await other.post('/api/v1/demo/session', {})).statusCode).toBe(201);
    const me = (await visitor.get('/api/v1/session')).data;
    const before = await hashOf(db, me.user.id);
    const changed = await visitor.post(CHANGE, { currentPassword: 'explore-advance', newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(422);
    expect(changed.data.error.code).toBe('rule_violation');
    expect(changed.data.error.message).toMatch(/demo/);
    expect(await hashOf(db, me.user.id)).toBe(before);
    const ended = await visitor.delete(OTHERS);
    expect(ended.statusCode).toBe(422);
    expect(ended.data.error.code).toBe('rule_violation');
    expect((await other.get('/api/v1/session')).statusCode).toBe(200);
    expect(await db.selectFrom('mail_outbox').select('id').where('kind', '=', 'password_changed').execute()).toEqual([]);
  });
});
