import { describe, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { testApp } from '../../test/harness.js';
import { Client, signUpWorkspace } from '../../test/factories.js';
import { enqueueMail, type MailDraft } from '../mail/outbox.js';
import { createMailWorker } from '../mail/worker.js';
import { createPlan } from '../plans/fixtures.js';
import { DEMO_PASSWORD, demoEmail } from './catalogue.js';

/**
 * Anyone can enter the demo workspace, and its passwords are published: it must not be a way to make
 * this server mail a visitor's text to any address. What a visitor asks to email is refused, saying
 * so; and the outbox writes no mail of the demo's, nor does the worker send one it finds there.
 */
const { app, db, config } = await testApp();

const PHISHING_NAME = 'IT Support - verify at https://evil.example/login';
const outside = () => `victim-${Math.random().toString(36).slice(2)}@outside.example`;
const mailsTo = (address: string) => db.selectFrom('mail_outbox').select(['kind', 'status']).where('to_address', '=', address).execute();

async function demoVisit() {
  const visitor = new Client(app);
  const res = await visitor.post('/api/v1/demo/session');
  expect(res.statusCode).toBe(201);
  return { visitor, me: res.data };
}

describe('the demo workspace sends no email', () => {
  it('refuses to email a share link, naming `sendEmail`, and creates nothing; the same link without email is made as anywhere', async () => {
    const { visitor, me } = await demoVisit();
    // The probe: a name that reads as a phishing line becomes the mail's sender and subject. With
    // its address it is refused anywhere (a name holds no address); without, it is still a lure.
    expect((await visitor.patch(`/api/v1/users/${me.user.id}`, { name: PHISHING_NAME, version: me.user.version })).statusCode).toBe(400);
    expect((await visitor.patch(`/api/v1/users/${me.user.id}`, { name: 'IT Support - verify your account today', version: me.user.version })).statusCode).toBe(200);
    const plan = await createPlan(visitor);
    const victim = outside();
    const refused = await visitor.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Vic', recipientEmail: victim, sendEmail: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.data.error).toEqual({
      code: 'rule_violation',
      message: expect.stringContaining('The demo workspace sends no email'),
      details: [{ path: 'sendEmail', message: expect.stringContaining('send it yourself') }],
      requestId: expect.any(String),
    });
    expect((await visitor.get(`/api/v1/plans/${plan.id}/share-links`)).data.data).toEqual([]);

    // Copied and sent by hand, the link is the visitor's own business: no mail either.
    const byHand = await visitor.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Vic', recipientEmail: victim });
    expect(byHand.statusCode).toBe(201);
    expect(byHand.data.shareLink).toMatchObject({ recipientEmail: victim, emailedAt: null });
    expect(await mailsTo(victim)).toEqual([]);
  });

  it('refuses invitations from the demo admin (whose password is published), naming `email`, and queues nothing', async () => {
    await demoVisit(); // the demo exists
    const admin = new Client(app);
    expect((await admin.post('/api/v1/session', { email: demoEmail('admin'), password: DEMO_PASSWORD })).statusCode).toBe(201);
    const victim = outside();
    const refused = await admin.post('/api/v1/invites', { email: victim, role: 'rep' });
    expect(refused.statusCode).toBe(422);
    expect(refused.data.error).toMatchObject({ code: 'rule_violation', message: expect.stringContaining('The demo workspace sends no email'), details: [{ path: 'email', message: expect.any(String) }] });
    expect((await admin.get('/api/v1/invites')).data.data.map((i: { email: string }) => i.email)).not.toContain(victim);
    expect(await mailsTo(victim)).toEqual([]);
  });

  it('writes no mail of the demo to the outbox, whoever it is for; another workspace’s goes in', async () => {
    const { me } = await demoVisit();
    const draft = (workspaceId: string, address: string): MailDraft => ({
      workspaceId,
      key: `customer_link:test-${address}`,
      to: { address, name: 'Vic', timeZone: 'UTC' },
      data: { kind: 'customer_link', name: 'Vic', timeZone: 'UTC', planTitle: PHISHING_NAME, sellerName: PHISHING_NAME, workspaceName: 'Demo', expiresAt: new Date().toISOString() },
    });
    const victim = outside();
    expect(await enqueueMail(db, draft(me.workspace.id, victim))).toBe(false);
    expect(await mailsTo(victim)).toEqual([]);

    const other = await signUpWorkspace(app);
    const customer = outside();
    expect(await enqueueMail(db, draft(other.me.workspace.id, customer))).toBe(true);
    expect(await mailsTo(customer)).toEqual([{ kind: 'customer_link', status: 'pending' }]);
  });

  it('has the worker skip a demo mail already in the outbox (queued before, or retried): it is never sent', async () => {
    const { visitor, me } = await demoVisit();
    const plan = await createPlan(visitor);
    const victim = outside();
    const link = (await visitor.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Vic', recipientEmail: victim })).data.shareLink;
    const at = new Date(Date.now() - 60_000).toISOString();
    // As a demo link's email was written before the outbox refused them.
    await db
      .insertInto('mail_outbox')
      .values({
        id: newId(),
        workspace_id: me.workspace.id,
        dedupe_key: `customer_link:${link.id}`,
        kind: 'customer_link',
        to_address: victim,
        to_name: 'Vic',
        user_id: null,
        share_link_id: link.id,
        data: JSON.stringify({ kind: 'customer_link', name: 'Vic', timeZone: 'UTC', planTitle: plan.title, sellerName: PHISHING_NAME, workspaceName: 'Demo', expiresAt: link.expiresAt, secret: 'x'.repeat(43) }),
        base_url: 'http://localhost',
        contains_secret: 1,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        claimed_until: null,
        claim_token: null,
        last_error: null,
        created_at: at,
        updated_at: at,
        sent_at: null,
      })
      .execute();
    const sent: unknown[] = [];
    const transport = { sendMail: async (m: unknown) => (sent.push(m), {}) } as never;
    await createMailWorker({ db, config, transport, scanEveryMs: Number.POSITIVE_INFINITY }).tick();
    expect(sent).toEqual([]);
    expect(await mailsTo(victim)).toEqual([{ kind: 'customer_link', status: 'skipped' }]);
  });
});
