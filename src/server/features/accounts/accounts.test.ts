import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, createAccount, signUpWorkspace } from '../../test/factories.js';

const { app, db } = await testApp();

describe('accounts', () => {
  it('creates, finds by search, edits with a version and keeps history', async () => {
    const { client } = await signUpWorkspace(app);
    const acc = await createAccount(client, { name: 'Globex Corporation', domain: 'Globex.com', size: '201-1000' });
    expect(acc).toMatchObject({ name: 'Globex Corporation', domain: 'globex.com', version: 1, permissions: { canEdit: true } });

    const found = await client.get('/api/v1/accounts?q=GLOBEX');
    expect(found.data.data.map((a: { id: string }) => a.id)).toEqual([acc.id]);

    const ok = await client.patch(`/api/v1/accounts/${acc.id}`, { industry: 'Manufacturing', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ industry: 'Manufacturing', version: 2 });

    const stale = await client.patch(`/api/v1/accounts/${acc.id}`, { industry: 'Retail', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(stale.data.error.current).toMatchObject({ industry: 'Manufacturing', version: 2 });

    const history = await client.get(`/api/v1/accounts/${acc.id}/history`);
    expect(history.data.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.data.data[0].changes).toEqual({ industry: { before: null, after: 'Manufacturing' } });
  });

  it('refuses unknown fields and names every bad field, changing nothing', async () => {
    const { client } = await signUpWorkspace(app);
    const res = await client.post('/api/v1/accounts', { name: '', domain: 'not a domain', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe('validation_failed');
    expect(res.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['colour', 'domain', 'name']);
    const list = await client.get('/api/v1/accounts');
    expect(list.data.data).toEqual([]);
  });

  it('pages through a long list with a cursor, in order, without repeats', async () => {
    const { client } = await signUpWorkspace(app);
    for (let i = 0; i < 7; i++) await createAccount(client, { name: `Acct ${String(i).padStart(2, '0')}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await client.get(`/api/v1/accounts?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.data.data.map((a: { name: string }) => a.name));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Acct 00', 'Acct 01', 'Acct 02', 'Acct 03', 'Acct 04', 'Acct 05', 'Acct 06']);
  });

  it('archives and restores, hiding archived accounts from the default list', async () => {
    const { client } = await signUpWorkspace(app);
    const acc = await createAccount(client);
    expect((await client.post(`/api/v1/accounts/${acc.id}/archive`, { version: acc.version })).data.archivedAt).not.toBeNull();
    expect((await client.get('/api/v1/accounts')).data.data).toEqual([]);
    expect((await client.get('/api/v1/accounts?archived=archived')).data.data).toHaveLength(1);
    expect((await client.post(`/api/v1/accounts/${acc.id}/restore`, { version: acc.version + 1 })).data.archivedAt).toBeNull();
    const actions = (await client.get(`/api/v1/accounts/${acc.id}/history`)).data.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['restore', 'archive', 'create']);
  });

  it('treats another workspace’s account exactly like a missing one', async () => {
    const a = await signUpWorkspace(app);
    const b = await signUpWorkspace(app);
    const acc = await createAccount(a.client);
    const theirs = await b.client.get(`/api/v1/accounts/${acc.id}`);
    const missing = await b.client.get('/api/v1/accounts/01a00000-0000-7000-8000-000000000000');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.data.error.code).toBe(missing.data.error.code);
    expect(theirs.data.error.message).toBe(missing.data.error.message);
    expect((await new Client(app).get('/api/v1/accounts')).statusCode).toBe(401);
  });
});

describe('history', () => {
  it('cannot be changed or deleted, even directly in the database', async () => {
    const { client } = await signUpWorkspace(app);
    const acc = await createAccount(client);
    const row = await db.selectFrom('audit_events').select('id').where('entity_id', '=', acc.id).executeTakeFirstOrThrow();
    await expect(db.updateTable('audit_events').set({ actor_name: 'Someone else' }).where('id', '=', row.id).execute()).rejects.toThrow(/cannot be changed/);
    await expect(db.deleteFrom('audit_events').where('id', '=', row.id).execute()).rejects.toThrow(/cannot be changed/);
    expect((await client.get(`/api/v1/accounts/${acc.id}/history`)).data.data).toHaveLength(1);
  });
});
