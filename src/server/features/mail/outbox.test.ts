import { describe, expect, it } from 'vitest';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { Scope } from '../../core/scope.js';
import { Client, signUpWorkspace } from '../../test/factories.js';
import { isPostgres, testApp } from '../../test/harness.js';
import { startSmtp, until } from '../../test/smtp.js';
import { createInvite } from '../people/invites.service.js';
import { smtpTransport } from './transport.js';
import { messageIdFor } from './tokens.js';
import { createMailWorker, type WorkerOptions } from './worker.js';

/**
 * The outbox and its worker against a real SMTP server (smtp-server on a random port): a mail is
 * written in its event's transaction, sent once however many workers race for it, sent again with the
 * same Message-ID when a worker dies between the SMTP server's "250 OK" and marking it sent, and
 * given up (dead) after its attempts until an admin retries it.
 */
const { app, db, config, connectAgain } = await testApp({ MAIL_MAX_ATTEMPTS: '3' });
const engine = isPostgres() ? 'PostgreSQL' : 'SQLite';

function worker(smtpUrl: string, more: Partial<WorkerOptions> = {}, on: Db = db) {
  const withSmtp: Config = { ...config, mail: { ...config.mail, smtpUrl } };
  return createMailWorker({ db: on, config: withSmtp, transport: smtpTransport(withSmtp.mail), random: () => 0.5, scanEveryMs: Number.POSITIVE_INFINITY, ...more });
}

const outbox = () => db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
const later = (ms: number) => new Date(Date.now() + ms);

async function invite(admin: Client, email = `someone-${Math.random().toString(36).slice(2, 10)}@example.com`) {
  const res = await admin.post('/api/v1/invites', { email, role: 'rep' });
  expect(res.statusCode).toBe(201);
  return { email, url: res.data.url as string, id: res.data.invite.id as string };
}

describe('the outbox', () => {
  it('writes the mail in the transaction of its event: an event rolled back leaves no mail, a committed one exactly one', async () => {
    const admin = await signUpWorkspace(app);
    const scope = new Scope(db, admin.me.workspace.id);
    const actor = { id: admin.me.user.id, name: admin.me.user.name, workspaceId: admin.me.workspace.id, role: 'admin' } as never;
    const input = { email: 'rolled-back@example.com', role: 'rep' as const };
    await expect(
      db.transaction().execute(async (trx) => {
        await createInvite({ scope: new Scope(trx, scope.workspaceId), actor, input, baseUrl: 'http://x', ttlMs: 60_000 });
        throw new Error('the event fails after its mail was queued');
      }),
    ).rejects.toThrow('the event fails');
    const none = await scope.selectFrom('mail_outbox').selectAll().where('mail_outbox.to_address', '=', 'rolled-back@example.com').execute();
    expect(none).toEqual([]);
    expect(await scope.selectFrom('invites').select('id').where('invites.email', '=', 'rolled-back@example.com').execute()).toEqual([]);

    await invite(admin.client, 'committed@example.com');
    const one = await scope.selectFrom('mail_outbox').selectAll().where('mail_outbox.to_address', '=', 'committed@example.com').execute();
    expect(one.map((m) => [m.kind, m.status])).toEqual([['invitation', 'pending']]);
  });

  it('sends an invitation with text and HTML parts, a deterministic Message-ID and one-click unsubscribe headers; its link works', async () => {
    const smtp = await startSmtp();
    const admin = await signUpWorkspace(app, { workspaceName: 'Northwind' });
    const { email, id } = await invite(admin.client);
    const result = await worker(smtp.url).tick();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const got = smtp.messages.find((m) => m.to.includes(email))!;
    expect(got.parsed.subject).toBe(`${admin.me.user.name} invited you to Northwind on Advance`);
    expect(got.parsed.text).toContain('/invite/');
    expect(got.parsed.html).toContain('Join Northwind');
    expect(got.messageId).toBe(messageIdFor(`invitation:${id}`, config.mail.domain));
    expect(got.header('List-Unsubscribe')).toMatch(/^<http:\/\/localhost:80\/unsubscribe\/[A-Za-z0-9_-]{46}>$/);
    expect(got.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // The link in the mail joins the workspace.
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(got.parsed.text ?? '')![1];
    const joined = await new Client(app).post('/api/v1/invites/accept', { token, name: 'Mia Mail', password: 'a long enough passphrase' });
    expect(joined.statusCode).toBe(201);
    // Our copy no longer holds the single-use link.
    const row = (await outbox()).find((m) => m.to_address === email)!;
    expect(row.status).toBe('sent');
    expect(row.data).not.toContain(token);
  });

  it('a name or a workspace name with a line break cannot add a header or a recipient to a mail', async () => {
    const smtp = await startSmtp();
    // Whatever the API lets through, the names are written as the mail's sender would find them.
    const admin = await signUpWorkspace(app, { workspaceName: 'Northwind Bcc' });
    const workspaceId = admin.me.workspace.id;
    await db.updateTable('workspaces').set({ name: 'Northwind\r\nBcc: eve@evil.test' }).where('id', '=', workspaceId).execute();
    await db.updateTable('users').set({ name: 'Ann\r\nCc: mallory@evil.test\r\n\r\nforged body' }).where('id', '=', admin.me.user.id).execute();
    const { email } = await invite(admin.client, `line-break-${Math.random().toString(36).slice(2, 10)}@example.com`);
    await worker(smtp.url).tick();
    const got = smtp.messages.find((m) => m.to.includes(email))!;
    expect(got.to).toEqual([email]);
    const headers = got.raw.split(/\r?\n\r?\n/)[0];
    expect(headers).not.toMatch(/^(bcc|cc):/im);
    expect(got.parsed.cc).toBeUndefined();
    expect(got.parsed.bcc).toBeUndefined();
    // The subject keeps the words on one line; the body is the invitation, not the forged text.
    expect(got.parsed.subject?.replace(/\u2060/g, '')).toMatch(/^Ann Cc: mallory@evil\.test +forged body invited you to Northwind Bcc: eve@evil\.test on Advance$/);
    expect(got.parsed.subject).not.toMatch(/[\r\n]/);
    expect(got.parsed.text).toContain('/invite/');
    expect(got.parsed.text?.trimStart().startsWith('forged body')).toBe(false);
  });

  it(`delivers each mail exactly once when two app instances race over one outbox (${engine})`, async () => {
    const smtp = await startSmtp();
    const admin = await signUpWorkspace(app);
    // Earlier tests' mails are done with: only these count.
    await db.updateTable('mail_outbox').set({ status: 'sent' }).where('status', '=', 'pending').execute();
    const N = 40;
    const ids = [];
    for (let i = 0; i < N; i++) ids.push((await invite(admin.client, `race-${i}@example.com`)).id);
    // Two instances: each its own connection pool, both claiming from the same rows at once.
    const a = worker(smtp.url, { batch: N });
    const b = worker(smtp.url, { batch: N }, connectAgain());
    const won = { a: 0, b: 0, lost: 0 };
    for (let round = 0; round < 5; round++) {
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      won.a += ra.sent;
      won.b += rb.sent;
      won.lost += ra.lost + rb.lost;
    }
    const byId = new Map<string, number>();
    for (const m of smtp.messages) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
    const expected = ids.map((id) => messageIdFor(`invitation:${id}`, config.mail.domain));
    console.log(`[mail] ${engine}: two workers, ${N} mails → ${smtp.messages.length} deliveries, ${byId.size} distinct Message-IDs (worker A sent ${won.a}, worker B ${won.b}; ${won.lost} claims lost to the other worker)`);
    expect(smtp.messages).toHaveLength(N);
    expect([...byId.keys()].sort()).toEqual(expected.sort());
    expect([...byId.values()].every((n) => n === 1)).toBe(true);
    expect(won.a + won.b).toBe(N);
    // They really raced: each found rows the other had already claimed.
    expect(won.lost).toBeGreaterThan(0);
    const rows = (await outbox()).filter((m) => m.to_address.startsWith('race-'));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it(`sends again with the same Message-ID when a worker dies after the SMTP server took the mail (${engine})`, async () => {
    const smtp = await startSmtp();
    const admin = await signUpWorkspace(app);
    await db.updateTable('mail_outbox').set({ status: 'sent' }).where('status', '=', 'pending').execute();
    const { email, id } = await invite(admin.client, 'killed-mid-send@example.com');
    // Worker A: the SMTP server answers 250, then A never gets to mark the mail sent (as if killed).
    const dying = worker(smtp.url, { afterSend: () => new Promise<void>(() => undefined) });
    void dying.tick();
    await until(() => smtp.messages.length === 1);
    // Worker B, another instance: the lease still holds, so it leaves the mail alone…
    const survivor = worker(smtp.url, {}, connectAgain());
    expect((await survivor.tick()).sent).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    // …until the lease ends; then it sends the mail again, with the same Message-ID.
    expect((await survivor.tick(later(config.mail.leaseMs + 1000))).sent).toBe(1);
    const ids = smtp.messages.map((m) => m.messageId);
    const distinct = new Set(ids);
    console.log(`[mail] ${engine}: worker killed after "250 OK" → ${ids.length} deliveries, ${distinct.size} distinct Message-ID; a receiver that keeps one message per Message-ID shows ${distinct.size}`);
    expect(ids).toEqual([messageIdFor(`invitation:${id}`, config.mail.domain), messageIdFor(`invitation:${id}`, config.mail.domain)]);
    expect(smtp.messages.every((m) => m.to.includes(email))).toBe(true);
    const row = (await outbox()).find((m) => m.to_address === email)!;
    expect([row.status, row.attempts]).toEqual(['sent', 2]);
  });

  it('retries with backoff, gives up after MAIL_MAX_ATTEMPTS (dead), and an admin sees it and sends it again', async () => {
    const smtp = await startSmtp({ refuse: () => true });
    const admin = await signUpWorkspace(app);
    const rep = await (await import('../../test/factories.js')).addMember(app, admin.client, { role: 'rep' });
    await db.updateTable('mail_outbox').set({ status: 'sent' }).where('status', '=', 'pending').execute();
    const { email } = await invite(admin.client, 'bounces@example.com');
    const w = worker(smtp.url);
    const row = async () => (await outbox()).find((m) => m.to_address === email)!;

    const t0 = Date.now();
    expect((await w.tick(new Date(t0))).failed).toBe(1);
    expect((await row()).attempts).toBe(1);
    // Backoff: the first retry waits a minute (60 s at the middle of the spread).
    expect(Date.parse((await row()).next_attempt_at) - t0).toBeGreaterThanOrEqual(59_000);
    expect((await w.tick(new Date(t0 + 30_000))).failed).toBe(0);
    expect((await w.tick(new Date(t0 + 61_000))).failed).toBe(1);
    // Then two minutes; the third failure uses up MAIL_MAX_ATTEMPTS=3.
    expect((await w.tick(new Date(t0 + 61_000 + 121_000))).dead).toBe(1);
    const dead = await row();
    expect([dead.status, dead.attempts]).toEqual(['dead', 3]);
    expect(dead.last_error).toMatch(/451/);

    const list = await admin.client.get('/api/v1/mails?status=dead');
    expect(list.statusCode).toBe(200);
    expect(list.data.dead).toBe(1);
    expect(list.data.data.map((m: { to: { address: string } }) => m.to.address)).toEqual([email]);
    // A rep may not look at the outbox or retry.
    expect((await rep.client.get('/api/v1/mails')).statusCode).toBe(403);
    expect((await rep.client.post(`/api/v1/mails/${dead.id}/retry`)).statusCode).toBe(403);

    const retried = await admin.client.post(`/api/v1/mails/${dead.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect([retried.data.status, retried.data.attempts]).toEqual(['pending', 0]);
    // Retrying what is not dead is refused.
    expect((await admin.client.post(`/api/v1/mails/${dead.id}/retry`)).data.error.code).toBe('rule_violation');
    smtp.setRefuse(() => false);
    expect((await w.tick()).sent).toBe(1);
    expect(smtp.messages.map((m) => m.to)).toEqual([[email]]);
    const history = await admin.client.get(`/api/v1/mails/${dead.id}`);
    expect(history.data.status).toBe('sent');
    expect(history.data.text).toContain('invited you');
  });
});
