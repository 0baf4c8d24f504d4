import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { Client, PASSWORD, addMember, signUpWorkspace } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';

/**
 * Passwords as people type them: the same characters however the keyboard composed them, and no
 * password that is only spaces, one character repeated or a common one with a space added.
 */
const { app, db } = await testApp();
const mailing = await testApp({ SMTP_URL: 'smtp://127.0.0.1:2' });

// "café au lait" with é as one character (NFC) and as e + a combining acute accent (NFD).
const NFC = 'caf\u00e9 au lait';
const NFD = 'cafe\u0301 au lait';
const uniqEmail = (what: string) => `${what}-${Math.random().toString(36).slice(2)}@example.com`;
const signUpBody = (email: string, password: string) => ({ workspaceName: 'Unicode Co', name: 'Ana', email, password, timeZone: 'Europe/Paris' });
const signIn = (email: string, password: string, on = app) => new Client(on).post('/api/v1/session', { email, password });
const secretOf = async (on: typeof db, kind: string, to: string) => {
  const row = await on.selectFrom('mail_outbox').select('data').where('kind', '=', kind).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return JSON.parse(row.data).secret as string;
};

describe('Unicode forms of one password', () => {
  it('signs in with either form, whichever was chosen at sign-up', async () => {
    expect(NFC).not.toBe(NFD);
    const a = uniqEmail('nfc');
    expect((await new Client(app).post('/api/v1/signup', signUpBody(a, NFC))).statusCode).toBe(201);
    expect((await signIn(a, NFD)).statusCode).toBe(201);
    expect((await signIn(a, NFC)).statusCode).toBe(201);
    const b = uniqEmail('nfd');
    expect((await new Client(app).post('/api/v1/signup', signUpBody(b, NFD))).statusCode).toBe(201);
    expect((await signIn(b, NFC)).statusCode).toBe(201);
    expect((await signIn(b, 'cafe au lait')).statusCode).toBe(401);
  });

  it('accepting an invite, resetting a password and confirming a sign-up by email store the same form', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const email = uniqEmail('invitee');
    const inv = await admin.post('/api/v1/invites', { email, role: 'rep' });
    const token = new URL(inv.data.url).pathname.split('/').pop();
    expect((await new Client(app).post('/api/v1/invites/accept', { token, name: 'Ivy', password: NFD })).statusCode).toBe(201);
    expect((await signIn(email, NFC)).statusCode).toBe(201);

    const member = await addMember(app, admin, { role: 'rep' });
    await new Client(app).post('/api/v1/password-resets', { email: member.email });
    const reset = await new Client(app).post('/api/v1/password-resets/complete', { token: await secretOf(db, 'password_reset', member.email), password: NFC });
    expect(reset.statusCode).toBe(204);
    expect((await signIn(member.email, NFD)).statusCode).toBe(201);

    const byMail = uniqEmail('confirmed');
    await new Client(mailing.app).post('/api/v1/signup-requests', signUpBody(byMail, NFD));
    expect((await new Client(mailing.app).post('/api/v1/signup-requests/confirm', { token: await secretOf(mailing.db, 'signup_confirm', byMail) })).statusCode).toBe(201);
    expect((await signIn(byMail, NFC, mailing.app)).statusCode).toBe(201);
  });

  it('still signs in an account whose hash was made from the password as typed, before passwords were normalised', async () => {
    const { me, email } = await signUpWorkspace(app);
    // A hash of the NFD string itself, as the server made them before.
    await db.updateTable('users').set({ password_hash: await hash(NFD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }) }).where('id', '=', me.user.id).execute();
    expect((await signIn(email, NFD)).statusCode).toBe(201);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(401);
  });
});

describe('weak passwords', () => {
  const WEAK: [string, RegExp][] = [
    [' '.repeat(8), /only spaces/],
    ['\u00a0\t \u3000    ', /only spaces/],
    ['aaaaaaaa', /one character repeated/],
    ['AaAaAaAa', /one character repeated/],
    ['  zzzzzzzz  ', /one character repeated/],
    ['password ', /commonly used/],
    ['  Password123\t', /commonly used/],
  ];

  it('are refused at sign-up, naming the password field, and nothing is created', async () => {
    for (const [password, message] of WEAK) {
      const email = uniqEmail('weak');
      const res = await new Client(app).post('/api/v1/signup', signUpBody(email, password));
      expect(res.statusCode, JSON.stringify(password)).toBe(400);
      expect(res.data.error.details).toEqual([{ path: 'password', message: expect.stringMatching(message) }]);
      expect(await db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
    }
    // A password with spaces around real words, or of two characters, is fine.
    expect((await new Client(app).post('/api/v1/signup', signUpBody(uniqEmail('ok'), '  a quiet harbour  '))).statusCode).toBe(201);
    expect((await new Client(app).post('/api/v1/signup', signUpBody(uniqEmail('ok'), 'abababab'))).statusCode).toBe(201);
  });

  it('are refused when accepting an invite, resetting a password and asking to sign up by email', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const inv = await admin.post('/api/v1/invites', { email: uniqEmail('invitee'), role: 'rep' });
    const token = new URL(inv.data.url).pathname.split('/').pop();
    const member = await addMember(app, admin, { role: 'rep' });
    await new Client(app).post('/api/v1/password-resets', { email: member.email });
    const resetToken = await secretOf(db, 'password_reset', member.email);
    for (const [password, message] of WEAK) {
      const accepted = await new Client(app).post('/api/v1/invites/accept', { token, name: 'Weak', password });
      expect(accepted.statusCode).toBe(400);
      expect(accepted.data.error.details).toEqual([{ path: 'password', message: expect.stringMatching(message) }]);
      const reset = await new Client(app).post('/api/v1/password-resets/complete', { token: resetToken, password });
      expect(reset.statusCode).toBe(400);
      expect(reset.data.error.details).toEqual([{ path: 'password', message: expect.stringMatching(message) }]);
      const requested = await new Client(mailing.app).post('/api/v1/signup-requests', signUpBody(uniqEmail('weak'), password));
      expect(requested.statusCode).toBe(400);
      expect(requested.data.error.details).toEqual([{ path: 'password', message: expect.stringMatching(message) }]);
    }
    // Both links still work with a good password.
    expect((await new Client(app).post('/api/v1/invites/accept', { token, name: 'Strong', password: PASSWORD })).statusCode).toBe(201);
    expect((await new Client(app).post('/api/v1/password-resets/complete', { token: resetToken, password: 'a new and better passphrase' })).statusCode).toBe(204);
  });
});
