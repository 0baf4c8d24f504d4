import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';

const { app } = await testApp();

type ContactOut = { id: string; name: string; email: string | null; updatedAt: string; version: number };

async function createContact(signed: Signed, body: Record<string, unknown>): Promise<ContactOut> {
  const res = await signed.client.post('/api/v1/contacts', { name: 'Ana Pereira', ...body });
  if (res.statusCode !== 201) throw new Error(`create contact failed: ${res.statusCode} ${res.body}`);
  return res.data;
}

async function allPages(client: Client, url: string, limit: number): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { statusCode: number; data: { data: { name: string }[]; nextCursor: string | null } } = await client.get(
      `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    names.push(...res.data.data.map((c) => c.name));
    cursor = res.data.nextCursor;
  } while (cursor);
  return names;
}

describe('contacts', () => {
  it('adds a contact to an account, finds it, edits it with a version and keeps history', async () => {
    const admin = await signUpWorkspace(app);
    const acc = await createAccount(admin.client, { name: 'Globex' });
    const res = await admin.client.post('/api/v1/contacts', { accountId: acc.id, name: 'Ana Pereira', title: 'CFO', email: 'Ana.Pereira@Globex.COM', buyingRole: 'economic_buyer' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      account: { id: acc.id, name: 'Globex' },
      name: 'Ana Pereira',
      email: 'ana.pereira@globex.com',
      buyingRole: 'economic_buyer',
      archivedAt: null,
      version: 1,
      permissions: { canEdit: true },
    });
    const id = res.data.id;
    expect((await admin.client.get(`/api/v1/contacts/${id}`)).data).toEqual(res.data);

    const byBody = await admin.client.patch(`/api/v1/contacts/${id}`, { title: 'Chief Financial Officer', version: 1 });
    expect(byBody.statusCode).toBe(200);
    expect(byBody.data).toMatchObject({ title: 'Chief Financial Officer', version: 2 });
    const byHeader = await admin.client.patch(`/api/v1/contacts/${id}`, { phone: '+351 21 000 0000' }, { 'if-match': '"2"' });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.data).toMatchObject({ phone: '+351 21 000 0000', version: 3 });

    const stale = await admin.client.patch(`/api/v1/contacts/${id}`, { title: 'CEO', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(stale.data.error.current).toMatchObject({ title: 'Chief Financial Officer', phone: '+351 21 000 0000', version: 3 });
    const noVersion = await admin.client.patch(`/api/v1/contacts/${id}`, { title: 'CEO' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);

    const history = await admin.client.get(`/api/v1/contacts/${id}/history`);
    expect(history.data.data.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history.data.data[1].changes).toEqual({ title: { before: 'CFO', after: 'Chief Financial Officer' } });
    expect(history.data.data[0].actor.name).toBe('Ada Admin');
  });

  it('searches name, email and title, case-insensitively, and filters by account', async () => {
    const admin = await signUpWorkspace(app);
    const globex = await createAccount(admin.client, { name: 'Globex' });
    const initech = await createAccount(admin.client, { name: 'Initech' });
    await createContact(admin, { accountId: globex.id, name: 'Ana Pereira', email: 'ana@globex.com', title: 'CFO' });
    await createContact(admin, { accountId: globex.id, name: 'Bo Chen', email: 'bo@globex.com', title: 'Head of IT' });
    await createContact(admin, { accountId: initech.id, name: 'Cy Okafor', email: 'cy@initech.example', title: 'Buyer' });
    const names = async (query: string) => (await admin.client.get(`/api/v1/contacts?${query}`)).data.data.map((c: { name: string }) => c.name);

    expect(await names('q=PEREIRA')).toEqual(['Ana Pereira']);
    expect(await names('q=initech.EX')).toEqual(['Cy Okafor']);
    expect(await names('q=head%20of')).toEqual(['Bo Chen']);
    expect(await names('q=globex')).toEqual(['Ana Pereira', 'Bo Chen']);
    expect(await names('q=100%25')).toEqual([]); // % is a literal, not a wildcard
    expect(await names(`accountId=${globex.id}`)).toEqual(['Ana Pereira', 'Bo Chen']);
    expect(await names(`accountId=${initech.id}&q=ana`)).toEqual([]);
  });

  it('pages through every sort without repeats or gaps', async () => {
    const admin = await signUpWorkspace(app);
    const acc = await createAccount(admin.client);
    const made: ContactOut[] = [];
    for (const n of [4, 1, 6, 0, 3, 5, 2]) made.push(await createContact(admin, { accountId: acc.id, name: `Person ${n}` }));
    // Touch two contacts so the update order differs from both creation order and name order.
    for (const c of [made[3], made[0]]) {
      const res = await admin.client.patch(`/api/v1/contacts/${c.id}`, { title: 'Touched', version: 1 });
      Object.assign(c, res.data);
    }
    const byName = made.map((c) => c.name).sort();
    const byUpdated = [...made].sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1)).map((c) => c.name);
    expect(await allPages(admin.client, '/api/v1/contacts', 3)).toEqual(byName);
    expect(await allPages(admin.client, '/api/v1/contacts?sort=name', 2)).toEqual(byName);
    expect(await allPages(admin.client, '/api/v1/contacts?sort=-name', 2)).toEqual([...byName].reverse());
    expect(await allPages(admin.client, '/api/v1/contacts?sort=updatedAt', 2)).toEqual(byUpdated);
    expect(await allPages(admin.client, '/api/v1/contacts?sort=-updatedAt', 2)).toEqual([...byUpdated].reverse());
    expect(byUpdated.slice(-2)).toEqual(['Person 0', 'Person 4']);
    expect(await allPages(admin.client, `/api/v1/contacts?accountId=${acc.id}&sort=-name`, 2)).toEqual([...byName].reverse());
    expect(await allPages(admin.client, `/api/v1/contacts?accountId=${acc.id}&sort=-updatedAt`, 2)).toEqual([...byUpdated].reverse());
  });

  it('names every bad field, refuses unknown ones and accounts of other workspaces, changing nothing', async () => {
    const admin = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const acc = await createAccount(admin.client);
    const theirs = await createAccount(other.client);

    const bad = await admin.client.post('/api/v1/contacts', { accountId: acc.id, name: ' ', email: 'not-an-email', phone: 'call me', buyingRole: 'boss', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.code).toBe('validation_failed');
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['buyingRole', 'colour', 'email', 'name', 'phone']);

    for (const accountId of [theirs.id, '01a00000-0000-7000-8000-000000000000']) {
      const res = await admin.client.post('/api/v1/contacts', { accountId, name: 'Ana' });
      expect(res.statusCode).toBe(400);
      expect(res.data.error.details).toEqual([{ path: 'accountId', message: 'Choose an account in this workspace.' }]);
    }
    const contact = await createContact(admin, { accountId: acc.id });
    const move = await admin.client.patch(`/api/v1/contacts/${contact.id}`, { accountId: theirs.id, version: 1 });
    expect(move.statusCode).toBe(400);
    expect(move.data.error.details.map((d: { path: string }) => d.path)).toEqual(['accountId']);
    expect((await admin.client.get('/api/v1/contacts')).data.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    expect((await other.client.get('/api/v1/contacts')).data.data).toEqual([]);
  });

  it('archives and restores, hiding archived contacts from the default list', async () => {
    const admin = await signUpWorkspace(app);
    const acc = await createAccount(admin.client);
    const contact = await createContact(admin, { accountId: acc.id });
    const archived = await admin.client.post(`/api/v1/contacts/${contact.id}/archive`, { version: contact.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.data.archivedAt).not.toBeNull();
    expect((await admin.client.get('/api/v1/contacts')).data.data).toEqual([]);
    expect((await admin.client.get('/api/v1/contacts?archived=archived')).data.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    expect((await admin.client.get('/api/v1/contacts?archived=all')).data.data).toHaveLength(1);
    // Archiving it again from the version read before: someone else's archive came first (409), and
    // without a version the request says which field is missing — even though nothing would change.
    const again = await admin.client.post(`/api/v1/contacts/${contact.id}/archive`, { version: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.data.error.current).toMatchObject({ version: 2 });
    expect(archived.data.archivedAt).toBe(again.data.error.current.archivedAt);
    const noVersion = await admin.client.post(`/api/v1/contacts/${contact.id}/archive`, {});
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    expect((await admin.client.post(`/api/v1/contacts/${contact.id}/archive`, { version: 2 })).data).toMatchObject({ archivedAt: archived.data.archivedAt, version: 2 });
    const stale = await admin.client.post(`/api/v1/contacts/${contact.id}/restore`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const restored = await admin.client.post(`/api/v1/contacts/${contact.id}/restore`, { version: 2 });
    expect(restored.data).toMatchObject({ archivedAt: null, version: 3 });
    expect((await admin.client.get('/api/v1/contacts')).data.data).toHaveLength(1);
    const actions = (await admin.client.get(`/api/v1/contacts/${contact.id}/history`)).data.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['restore', 'archive', 'create']);
  });

  it('treats another workspace’s contact exactly like a missing one', async () => {
    const a = await signUpWorkspace(app);
    const b = await signUpWorkspace(app);
    const contact = await createContact(a, { accountId: (await createAccount(a.client)).id });
    const missingId = '01a00000-0000-7000-8000-000000000000';
    const pairs: [string, (id: string) => Promise<{ statusCode: number; data: { error: { code: string; message: string } } }>][] = [
      ['get', (id) => b.client.get(`/api/v1/contacts/${id}`)],
      ['patch', (id) => b.client.patch(`/api/v1/contacts/${id}`, { name: 'Mine now', version: 1 })],
      ['archive', (id) => b.client.post(`/api/v1/contacts/${id}/archive`)],
      ['history', (id) => b.client.get(`/api/v1/contacts/${id}/history`)],
    ];
    for (const [, call] of pairs) {
      const theirs = await call(contact.id);
      const missing = await call(missingId);
      expect(theirs.statusCode).toBe(404);
      expect({ code: theirs.data.error.code, message: theirs.data.error.message }).toEqual({ code: missing.data.error.code, message: missing.data.error.message });
    }
    expect((await a.client.get(`/api/v1/contacts/${contact.id}`)).data.name).toBe('Ana Pereira');
    expect((await new Client(app).get('/api/v1/contacts')).statusCode).toBe(401);
  });

  it('lets a rep read contacts on the admin’s account but change only those on accounts they may edit', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const adminsAccount = await createAccount(admin.client, { name: 'Admin Co' });
    const repsAccount = await createAccount(rep.client, { name: 'Rep Co' });
    const adminsContact = await createContact(admin, { accountId: adminsAccount.id, name: 'Dee Admin-side' });

    const read = await rep.client.get(`/api/v1/contacts/${adminsContact.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data.permissions).toEqual({ canEdit: false });
    expect((await rep.client.get('/api/v1/contacts')).data.data.map((c: { name: string }) => c.name)).toEqual(['Dee Admin-side']);

    expect((await rep.client.patch(`/api/v1/contacts/${adminsContact.id}`, { title: 'Hacked', version: 1 })).statusCode).toBe(403);
    expect((await rep.client.post(`/api/v1/contacts/${adminsContact.id}/archive`)).statusCode).toBe(403);
    const refused = await rep.client.post('/api/v1/contacts', { accountId: adminsAccount.id, name: 'Eve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.code).toBe('forbidden');

    const own = await createContact(rep, { accountId: repsAccount.id, name: 'Fay Rep-side' });
    expect((await rep.client.get(`/api/v1/contacts/${own.id}`)).data.permissions).toEqual({ canEdit: true });
    // Moving their contact onto an account they may not edit is refused too.
    expect((await rep.client.patch(`/api/v1/contacts/${own.id}`, { accountId: adminsAccount.id, version: 1 })).statusCode).toBe(403);
    // The admin may edit anyone's.
    expect((await admin.client.patch(`/api/v1/contacts/${own.id}`, { title: 'Buyer', version: 1 })).statusCode).toBe(200);
    expect((await admin.client.get(`/api/v1/contacts/${adminsContact.id}`)).data).toMatchObject({ title: null, version: 1 });
  });
});
