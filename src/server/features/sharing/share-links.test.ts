import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { hashSecret } from '../../core/ids.js';
import { testApp } from '../../test/harness.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan, shareLink } from '../plans/fixtures.js';

const { app, db, config } = await testApp();

describe('share links', () => {
  it('shows the link once; afterwards only who it is for, when it expires and when it was last viewed', async () => {
    const { client } = await signUpWorkspace(app);
    const plan = await createPlan(client);
    const { link, url, token } = await shareLink(client, plan.id);
    expect(url).toMatch(/^http:\/\/localhost(:80)?\/p\/[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ recipientName: 'Carla Customer', recipientEmail: 'carla@customer.example', status: 'active', viewCount: 0, lastViewedAt: null, permissions: { canRevoke: true } });
    const days = (Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / 86_400_000;
    expect(days).toBe(90);
    const stored = await db.selectFrom('plan_share_links').selectAll().where('id', '=', link.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const short = await client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Ivan', expiresInDays: 7 });
    expect((Date.parse(short.data.shareLink.expiresAt) - Date.parse(short.data.shareLink.createdAt)) / 86_400_000).toBe(7);

    // Every view counts; a sitting of reloads is one visit (anyone holding the link may reload it at will).
    for (let i = 0; i < 12; i++) expect((await new Client(app).get(`/api/v1/shared/${token}`)).statusCode).toBe(200);
    const listed = (await client.get(`/api/v1/plans/${plan.id}/share-links`)).data.data;
    expect(listed.map((l: { recipientName: string }) => l.recipientName)).toEqual(['Ivan', 'Carla Customer']);
    expect(listed[1].viewCount).toBe(12);
    expect(listed[1].lastViewedAt).not.toBeNull();
    expect(await db.selectFrom('plan_share_visits').select('id').where('share_link_id', '=', link.id).execute()).toHaveLength(1);
    // Half an hour after the last view, the next is a visit of its own.
    await db.updateTable('plan_share_links').set({ last_viewed_at: new Date(Date.now() - 31 * 60_000).toISOString() }).where('id', '=', link.id).execute();
    await new Client(app).get(`/api/v1/shared/${token}`);
    expect(await db.selectFrom('plan_share_visits').select('id').where('share_link_id', '=', link.id).execute()).toHaveLength(2);
  });

  it('lets only the plan’s editors create and revoke links; a revoked or expired link fails on its very next request', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(admin.client);
    expect((await rep.client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'X' })).statusCode).toBe(403);
    const { link, api } = await shareLink(admin.client, plan.id);
    const expiring = await shareLink(admin.client, plan.id, { recipientName: 'Ivan' });
    const guest = new Client(app);
    expect((await guest.get(api)).statusCode).toBe(200);
    expect((await rep.client.get(`/api/v1/plans/${plan.id}/share-links`)).data.data[0].permissions.canRevoke).toBe(false);
    expect((await rep.client.post(`/api/v1/share-links/${link.id}/revoke`)).statusCode).toBe(403);

    const revoked = await admin.client.post(`/api/v1/share-links/${link.id}/revoke`);
    expect(revoked.data).toMatchObject({ status: 'revoked', permissions: { canRevoke: false } });
    expect((await admin.client.post(`/api/v1/share-links/${link.id}/revoke`)).data.revokedAt).toBe(revoked.data.revokedAt);
    await db.updateTable('plan_share_links').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expiring.link.id).execute();

    const unknown = await guest.get(`/api/v1/shared/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    for (const res of [await guest.get(api), await guest.post(`${api}/comments`, { body: 'Hello?' }), await guest.get(expiring.api)]) {
      expect(res.statusCode).toBe(404);
      expect(res.data.error).toMatchObject({ code: unknown.data.error.code, message: unknown.data.error.message });
    }
    expect((await admin.client.get(`/api/v1/plans/${plan.id}/share-links`)).data.data.map((l: { status: string }) => l.status)).toEqual(['expired', 'revoked']);
  });

  it('revokes once when revoked several times at once (a double click): one history event, one revocation time', async () => {
    const { client } = await signUpWorkspace(app);
    const plan = await createPlan(client);
    // On PostgreSQL the requests really run side by side; a few rounds make them meet.
    for (let round = 0; round < 8; round++) {
      const { link } = await shareLink(client, plan.id, { recipientName: `Round ${round}` });
      const answers = await Promise.all([1, 2, 3].map(() => client.post(`/api/v1/share-links/${link.id}/revoke`)));
      const stored = await db.selectFrom('plan_share_links').select('revoked_at').where('id', '=', link.id).executeTakeFirstOrThrow();
      expect(answers.map((a) => [a.statusCode, a.data.revokedAt])).toEqual(answers.map(() => [200, stored.revoked_at]));
      const events = await db.selectFrom('audit_events').select('action').where('entity_id', '=', link.id).where('action', '=', 'revoke').execute();
      expect(events).toHaveLength(1);
    }
  });

  it('keeps the token out of every other response and out of the logs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({ config: { ...config, logLevel: 'info' }, db, logger: true, logStream: stream });
    const { client } = await signUpWorkspace(logged);
    const plan = await createPlan(client);
    const customerSide = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla' });
    const { link, token, api } = await shareLink(client, plan.id);
    const guest = new Client(logged);
    const responses = [
      await guest.get(api),
      await guest.post(`${api}/commitments/${customerSide.id}/state`, { done: true }),
      await guest.post(`${api}/comments`, { body: 'Thanks' }),
      await guest.get(`${api}/nothing-here`),
      await logged.inject({ url: `/p/${token}` }),
      await client.get(`/api/v1/plans/${plan.id}`),
      await client.get(`/api/v1/plans/${plan.id}/share-links`),
      await client.get(`/api/v1/plans/${plan.id}/history`),
      await client.get(`/api/v1/plans/${plan.id}/comments`),
      await client.get('/api/v1/notifications'),
      await client.post(`/api/v1/share-links/${link.id}/revoke`),
      await guest.get(api),
    ];
    await logged.close();
    for (const res of responses) {
      expect(res.body).not.toContain(token);
      expect(JSON.stringify(res.headers)).not.toContain(token);
    }
    const text = lines.join('');
    expect(text).toContain('/api/v1/shared/[redacted]');
    expect(text).not.toContain(token);
  });
});
