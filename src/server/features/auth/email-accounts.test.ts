import { describe, expect, it } from 'vitest';
import { Client, PASSWORD, signUpWorkspace } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { renderRow } from '../mail/render.js';

/**
 * Accounts by email: a password reset link that works once and expires, and — on a server that
 * sends mail — a sign-up that confirms the address and says the same thing whoever asks.
 */
const plain = await testApp();
const mailing = await testApp({ SMTP_URL: 'smtp://127.0.0.1:2' });

const NEW_PASSWORD = 'a brand new passphrase';
const secretOf = async (db: typeof plain.db, key: string) => {
  const row = await db.selectFrom('mail_outbox').select(['data', 'dedupe_key']).where('dedupe_key', 'like', `${key}%`).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return JSON.parse(row.data).secret as string;
};

describe('password reset', () => {
  it('answers the same for a known and an unknown address, and mails only the account', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const anonymous = new Client(app);
    const known = await anonymous.post('/api/v1/password-resets', { email: admin.email.toUpperCase() });
    const unknown = await anonymous.post('/api/v1/password-resets', { email: 'nobody-here@example.com' });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.data).toEqual({ status: 'check_your_email', email: admin.email });
    expect(unknown.data).toEqual({ status: 'check_your_email', email: 'nobody-here@example.com' });
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    const mails = await db.selectFrom('mail_outbox').select(['to_address', 'kind', 'contains_secret']).where('kind', '=', 'password_reset').execute();
    expect(mails).toEqual([{ to_address: admin.email, kind: 'password_reset', contains_secret: 1 }]);
  });

  it('sets a new password once with the emailed link, ends every session, and the link is then used up', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    const other = new Client(app);
    await other.post('/api/v1/session', { email: admin.email, password: PASSWORD });
    await new Client(app).post('/api/v1/password-resets', { email: admin.email });
    const token = await secretOf(db, 'password_reset:');
    const anonymous = new Client(app);
    const preview = await anonymous.post('/api/v1/password-resets/lookup', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.data.email).toBe(admin.email);
    // A common password is refused, and the link stays usable.
    expect((await anonymous.post('/api/v1/password-resets/complete', { token, password: 'password123' })).statusCode).toBe(400);
    expect((await anonymous.post('/api/v1/password-resets/complete', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    // Both sessions are over; the old password no longer works, the new one does.
    expect((await admin.client.get('/api/v1/session')).statusCode).toBe(401);
    expect((await other.get('/api/v1/session')).statusCode).toBe(401);
    expect((await new Client(app).post('/api/v1/session', { email: admin.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await new Client(app).post('/api/v1/session', { email: admin.email, password: NEW_PASSWORD })).statusCode).toBe(201);
    // Single use.
    const again = await anonymous.post('/api/v1/password-resets/complete', { token, password: 'yet another passphrase' });
    expect(again.statusCode).toBe(404);
    expect((await anonymous.post('/api/v1/password-resets/lookup', { token })).statusCode).toBe(404);
    // Audited on the person.
    const back = new Client(app);
    await back.post('/api/v1/session', { email: admin.email, password: NEW_PASSWORD });
    const history = (await back.get(`/api/v1/users/${admin.me.user.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'reset' });
  });

  it('expires', async () => {
    const { app, db } = plain;
    const admin = await signUpWorkspace(app);
    await new Client(app).post('/api/v1/password-resets', { email: admin.email });
    const token = await secretOf(db, 'password_reset:');
    await db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', admin.me.user.id).execute();
    const res = await new Client(app).post('/api/v1/password-resets/complete', { token, password: NEW_PASSWORD });
    expect(res.statusCode).toBe(404);
    expect(res.data.error.message).toMatch(/expired or was already used/);
  });

  it('is rate-limited per address asked for, whether or not it has an account', async () => {
    const { app } = plain;
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await new Client(app).post('/api/v1/password-resets', { email: 'limited@example.com' })).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe('sign-up', () => {
  it('without mail: creates the workspace at once and says so when the address is taken (documented: it can tell who has an account)', async () => {
    const { app } = plain;
    const admin = await signUpWorkspace(app);
    const again = await new Client(app).post('/api/v1/signup', { workspaceName: 'Again', name: 'Ada', email: admin.email, password: PASSWORD, timeZone: 'Europe/Paris' });
    expect(again.statusCode).toBe(409);
    expect((await new Client(app).post('/api/v1/signup-requests', { workspaceName: 'W', name: 'Ada', email: 'x@example.com', password: PASSWORD, timeZone: 'Europe/Paris' })).data.error.code).toBe('rule_violation');
    expect((await new Client(app).get('/api/v1/setup')).data.signUpByEmail).toBe(false);
  });

  it('with mail: answers the same whether or not the address has an account; the confirmation link creates the workspace once', async () => {
    const { app, db } = mailing;
    expect((await new Client(app).get('/api/v1/setup')).data.signUpByEmail).toBe(true);
    const body = (email: string) => ({ workspaceName: 'Globex', name: 'Gina', email, password: PASSWORD, timeZone: 'America/New_York' });
    // The direct route is closed: it would tell who has an account.
    expect((await new Client(app).post('/api/v1/signup', body('gina@globex.example'))).data.error.code).toBe('rule_violation');

    const first = await new Client(app).post('/api/v1/signup-requests', body('gina@globex.example'));
    expect(first.statusCode).toBe(202);
    // Nothing exists until the address is confirmed.
    expect(await db.selectFrom('users').select('id').where('email', '=', 'gina@globex.example').execute()).toEqual([]);
    const token = await secretOf(db, 'signup_confirm:');
    const confirmed = new Client(app);
    const me = await confirmed.post('/api/v1/signup-requests/confirm', { token });
    expect(me.statusCode).toBe(201);
    expect(me.data.workspace.name).toBe('Globex');
    expect((await confirmed.get('/api/v1/session')).data.user.email).toBe('gina@globex.example');
    expect((await new Client(app).post('/api/v1/signup-requests/confirm', { token })).statusCode).toBe(404);

    // Now the address has an account: the same answer as for a new one.
    const known = await new Client(app).post('/api/v1/signup-requests', body('GINA@globex.example'));
    const fresh = await new Client(app).post('/api/v1/signup-requests', body('new-person@globex.example'));
    expect([known.statusCode, fresh.statusCode]).toEqual([202, 202]);
    expect(known.data).toEqual({ status: 'check_your_email', email: 'gina@globex.example' });
    expect(fresh.data).toEqual({ status: 'check_your_email', email: 'new-person@globex.example' });
    // …but the mails differ: a note to the account, a confirmation to the new address.
    const kinds = await db.selectFrom('mail_outbox').select(['to_address', 'kind']).where('kind', 'in', ['signup_existing', 'signup_confirm']).orderBy('id').execute();
    expect(kinds).toEqual([
      { to_address: 'gina@globex.example', kind: 'signup_confirm' },
      { to_address: 'gina@globex.example', kind: 'signup_existing' },
      { to_address: 'new-person@globex.example', kind: 'signup_confirm' },
    ]);
    expect(await db.selectFrom('workspaces').select('id').where('name', '=', 'Globex').execute()).toHaveLength(1);
  });
});

describe('links in mails an anonymous caller asks for', () => {
  const forged = { host: 'attacker.example', origin: 'http://attacker.example', 'content-type': 'application/json' };
  const ask = (app: typeof plain.app, url: string, body: unknown) => app.inject({ method: 'POST', url, headers: forged, payload: JSON.stringify(body) });
  const textOf = async (app: typeof plain.app, db: typeof plain.db, kind: string, to: string) => {
    const row = await db.selectFrom('mail_outbox').selectAll().where('kind', '=', kind).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
    return { row, text: (await renderRow(db, app.config, row)).text };
  };

  it('never point at the Host the request names: a reset mailed to someone else carries no link to the caller’s site', async () => {
    const { app, db } = mailing;
    const victim = await signUpWorkspace(plain.app);
    // The account lives on the plain app's database; the mailing app has its own: sign one up there.
    const target = `target-${Math.random().toString(36).slice(2)}@example.com`;
    expect((await ask(app, '/api/v1/signup-requests', { workspaceName: 'W', name: 'Tia', email: target, password: PASSWORD, timeZone: 'Europe/Paris' })).statusCode).toBe(202);
    const confirm = await textOf(app, db, 'signup_confirm', target);
    expect(confirm.row.base_url).toBeNull();
    expect(confirm.text).not.toContain('attacker.example');
    const reset = await ask(plain.app, '/api/v1/password-resets', { email: victim.email });
    expect(reset.statusCode).toBe(202);
    const mail = await textOf(plain.app, plain.db, 'password_reset', victim.email);
    expect(mail.row.base_url).toBeNull();
    expect(mail.text).not.toContain('attacker.example');
    expect(mail.text).toMatch(/http:\/\/localhost:\d+\/reset-password\//);
    // On the development mail page (no SMTP), the links point where the page is read.
    const page = await victim.client.get(`/api/v1/mails/${mail.row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.data.text).toContain('http://localhost:80/reset-password/');
  });

  it('point at PUBLIC_URL when it is set, whatever the Host', async () => {
    const { app, db } = await testApp({ PUBLIC_URL: 'https://advance.example.com' });
    const headers = { ...forged, origin: 'https://advance.example.com' };
    const email = `pub-${Math.random().toString(36).slice(2)}@example.com`;
    const signUp = await app.inject({ method: 'POST', url: '/api/v1/signup', headers, payload: JSON.stringify({ workspaceName: 'W', name: 'Pia', email, password: PASSWORD, timeZone: 'Europe/Paris' }) });
    expect(signUp.statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/password-resets', headers, payload: JSON.stringify({ email }) })).statusCode).toBe(202);
    const { text } = await textOf(app, db, 'password_reset', email);
    expect(text).toContain('https://advance.example.com/reset-password/');
    expect(text).not.toContain('attacker.example');
  });
});

describe('a browser that was signed in as someone else', () => {
  it('ends that session when it confirms a sign-up (with mail) or signs up (without)', async () => {
    // With mail: the confirmation link opened in a browser signed in as another person.
    {
      const { app, db } = mailing;
      const signUpBy = async (email: string, client = new Client(app)) => {
        await new Client(app).post('/api/v1/signup-requests', { workspaceName: 'Switch Co', name: 'Sam', email, password: PASSWORD, timeZone: 'Europe/Paris' });
        const row = await db.selectFrom('mail_outbox').select('data').where('to_address', '=', email).where('kind', '=', 'signup_confirm').executeTakeFirstOrThrow();
        const res = await client.post('/api/v1/signup-requests/confirm', { token: JSON.parse(row.data).secret });
        expect(res.statusCode).toBe(201);
        return client;
      };
      const browser = await signUpBy('first-switch@example.com');
      const stale = new Client(app);
      stale.cookie = browser.cookie;
      await signUpBy('second-switch@example.com', browser);
      expect((await browser.get('/api/v1/session')).data.user.email).toBe('second-switch@example.com');
      expect((await stale.get('/api/v1/session')).statusCode).toBe(401);
    }
    // Without mail: sign-up in a browser signed in as another person.
    {
      const { app } = plain;
      const first = await signUpWorkspace(app);
      const stale = new Client(app);
      stale.cookie = first.client.cookie;
      const res = await first.client.post('/api/v1/signup', { workspaceName: 'Switch Co', name: 'Sam', email: `switch-${Math.random().toString(36).slice(2)}@example.com`, password: PASSWORD, timeZone: 'Europe/Paris' });
      expect(res.statusCode).toBe(201);
      expect((await stale.get('/api/v1/session')).statusCode).toBe(401);
    }
  });
});
