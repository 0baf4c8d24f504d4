import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, addMember, createAccount, signUpWorkspace, type Res } from '../../test/factories.js';
import { createDeal, createPlan } from '../plans/fixtures.js';

/**
 * Runs unchanged on SQLite and on PostgreSQL (TEST_DATABASE_URL): every expectation is an exact,
 * ordered list of the records created here, so both engines must find and rank the same records.
 */
const { app } = await testApp();

type Hit = { id: string };
type Results = Record<'accounts' | 'contacts' | 'opportunities' | 'plans', { data: Hit[]; more: boolean }>;

async function contact(client: Client, accountId: string, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/contacts', { accountId, ...body });
  expect(res.statusCode).toBe(201);
  return res.data as { id: string };
}

/** A workspace of records whose names need folding, prefixes and ranking to be found in order. */
async function corpus() {
  const { client } = await signUpWorkspace(app);
  const a = {
    northwind: await createAccount(client, { name: 'Northwind Traders', domain: 'northwind.example' }),
    acmeNorth: await createAccount(client, { name: 'Acme North America' }),
    norte: await createAccount(client, { name: 'Norte Logística' }),
    southwind: await createAccount(client, { name: 'Southwind Ltd', domain: 'southwind.example' }),
    tailspin: await createAccount(client, { name: 'Tailspin Toys', domain: 'northtail.example' }),
    muller: await createAccount(client, { name: 'Müller Maschinenbau GmbH', domain: 'mueller-mb.de' }),
    archived: await createAccount(client, { name: 'Northwind Archive Co' }),
  };
  expect((await client.post(`/api/v1/accounts/${a.archived.id}/archive`, { version: a.archived.version })).statusCode).toBe(200);
  const c = {
    zoe: await contact(client, a.northwind.id, { name: 'Zoë Adams', email: 'zoe.adams@northwind.example', title: 'Head of Procurement' }),
    jurgen: await contact(client, a.muller.id, { name: 'Jürgen Müller', email: 'j.muller@mueller-mb.de' }),
    zoey: await contact(client, a.tailspin.id, { name: 'Zoey Park', email: 'zoey@tailspin.example' }),
  };
  const o = {
    renewal: await createDeal(client, { accountId: a.northwind.id, name: 'Northwind renewal 2027' }),
    muller: await createDeal(client, { accountId: a.muller.id, name: 'Müller line expansion' }),
    pilot: await createDeal(client, { accountId: a.acmeNorth.id, name: 'North America pilot' }),
  };
  const p = {
    rollout: await createPlan(client, o.renewal.id, { title: 'Northwind rollout' }),
    golive: await createPlan(client, o.muller.id, { title: 'Go-live with Müller' }),
  };
  return { client, a, c, o, p };
}

const search = async (client: Client, q: string, limit?: number): Promise<Res<Results>> =>
  client.get(`/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);

const ids = (r: Res<Results>) => ({
  accounts: r.data.accounts.data.map((h) => h.id),
  contacts: r.data.contacts.data.map((h) => h.id),
  opportunities: r.data.opportunities.data.map((h) => h.id),
  plans: r.data.plans.data.map((h) => h.id),
});

describe('global search', () => {
  it('ignores accents and case, finds words by their start, and ranks the closest match first', async () => {
    const { client, a, c, o, p } = await corpus();
    // Another workspace with the same names never shows up.
    const other = await signUpWorkspace(app);
    await createAccount(other.client, { name: 'Northwind Traders' });

    const north = await search(client, 'north');
    expect(north.statusCode).toBe(200);
    expect(ids(north)).toEqual({
      // Name starts with the word, then the whole word later, then a later word starting with it;
      // the archived Northwind is left out.
      accounts: [a.northwind.id, a.acmeNorth.id, a.tailspin.id],
      contacts: [c.zoe.id], // by her email's domain
      opportunities: [o.pilot.id, o.renewal.id],
      plans: [p.rollout.id],
    });

    expect(ids(await search(client, 'zoe')).contacts).toEqual([c.zoe.id, c.zoey.id]);
    expect(ids(await search(client, 'ZOË')).contacts).toEqual([c.zoe.id, c.zoey.id]);

    const muller = ids(await search(client, 'muller'));
    expect(muller).toEqual({ accounts: [a.muller.id], contacts: [c.jurgen.id], opportunities: [o.muller.id], plans: [p.golive.id] });
    expect(ids(await search(client, 'MÜLLER'))).toEqual(muller);

    // A prefix finds the words it starts; shorter of two equal matches first.
    expect(ids(await search(client, 'nor')).accounts).toEqual([a.norte.id, a.northwind.id, a.acmeNorth.id, a.tailspin.id]);
    // Every word must match: "north tr" is Northwind Traders only.
    expect(ids(await search(client, 'north tr')).accounts).toEqual([a.northwind.id]);
    expect(ids(await search(client, 'logistica')).accounts).toEqual([a.norte.id]);
    expect(ids(await search(client, 'northwind.example')).contacts).toEqual([c.zoe.id]);
  });

  it('orders names that start with the query word by word, the same on both engines', async () => {
    const { client } = await signUpWorkspace(app);
    // A collation that skips spaces (PostgreSQL's en_US) would put "Abacus" first.
    const abacus = await createAccount(client, { name: 'Abacus' });
    const abZeta = await createAccount(client, { name: 'Ab Zeta' });
    const ab = await createAccount(client, { name: 'AB' });
    const labs = await createAccount(client, { name: 'Kestrel Ab Labs' });
    expect(ids(await search(client, 'ab')).accounts).toEqual([ab.id, abZeta.id, abacus.id, labs.id]);
  });

  it('says when there are more matches than the limit', async () => {
    const { client, a } = await corpus();
    const r = await search(client, 'nor', 2);
    expect(r.data.accounts).toMatchObject({ more: true });
    expect(r.data.accounts.data.map((h) => h.id)).toEqual([a.norte.id, a.northwind.id]);
    expect(r.data.plans).toEqual({ data: [expect.objectContaining({ title: 'Northwind rollout', opportunity: expect.objectContaining({ name: 'Northwind renewal 2027' }) })], more: false });
  });

  it('follows renames, archiving and restoring at once', async () => {
    const { client, a, c, p } = await corpus();
    const renamed = await client.patch(`/api/v1/accounts/${a.southwind.id}`, { name: 'Northbound Ltd', version: a.southwind.version });
    expect(renamed.statusCode).toBe(200);
    expect(ids(await search(client, 'northb')).accounts).toEqual([a.southwind.id]);
    expect(ids(await search(client, 'southwind')).accounts).toEqual([a.southwind.id]); // still its domain

    const zoe = (await client.get(`/api/v1/contacts/${c.zoe.id}`)).data;
    await client.patch(`/api/v1/contacts/${c.zoe.id}`, { name: 'Zoë Lindqvist', version: zoe.version });
    expect(ids(await search(client, 'lindq')).contacts).toEqual([c.zoe.id]);
    expect(ids(await search(client, 'adams')).contacts).toEqual([c.zoe.id]); // her email still says adams

    await client.patch(`/api/v1/plans/${p.rollout.id}`, { title: 'Łódź expansion', version: p.rollout.version });
    expect(ids(await search(client, 'lodz')).plans).toEqual([p.rollout.id]);
    expect(ids(await search(client, 'rollout')).plans).toEqual([]);

    const norte = await client.post(`/api/v1/accounts/${a.norte.id}/archive`, { version: (await client.get(`/api/v1/accounts/${a.norte.id}`)).data.version });
    expect(norte.statusCode).toBe(200);
    expect(ids(await search(client, 'norte')).accounts).toEqual([]);
    expect((await client.post(`/api/v1/accounts/${a.norte.id}/restore`, { version: norte.data.version })).statusCode).toBe(200);
    expect(ids(await search(client, 'norte')).accounts).toEqual([a.norte.id]);
  });

  it('answers punctuation alone with nothing, and names a bad query or limit', async () => {
    const { client } = await corpus();
    const nothing = await search(client, '—!?');
    expect(nothing.statusCode).toBe(200);
    expect(nothing.data).toEqual({ accounts: { data: [], more: false }, contacts: { data: [], more: false }, opportunities: { data: [], more: false }, plans: { data: [], more: false } });

    const missing = await client.get('/api/v1/search');
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.details).toEqual([expect.objectContaining({ path: 'q' })]);
    const bad = await client.get(`/api/v1/search?q=x&limit=0&extra=1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['extra', 'limit']);
    // A NUL in the query is refused like in every list's `q`, not searched for.
    const nul = await client.get('/api/v1/search?q=north%00');
    expect(nul.statusCode).toBe(400);
    expect(nul.data.error.details.map((d: { path: string }) => d.path)).toEqual(['q']);
  });

  it('finds a Greek name however its sigmas are typed, the same on both engines', async () => {
    const { client } = await corpus();
    const sisyphus = await createAccount(client, { name: 'ΣΊΣΥΦΟΣ Greek' });
    // Lowercased, the name ends in a final sigma (ς); a person may type either form.
    for (const q of ['σισυφοσ', 'σισυφος', 'ΣΙΣΥΦΟΣ', 'sisyfos σισ']) {
      const found = await search(client, q);
      expect(found.data.accounts.data.map((h: { id: string }) => h.id), q).toEqual(q.startsWith('sisyfos') ? [] : [sisyphus.id]);
    }
  });

  it('is open to every member of the workspace and to nobody signed out', async () => {
    const { client, a } = await corpus();
    const admin = client;
    const rep = await addMember(app, admin, { role: 'rep' });
    expect(ids(await search(rep.client, 'tailspin')).accounts).toEqual([a.tailspin.id]);
    const anonymous = await new Client(app).get('/api/v1/search?q=tailspin');
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('list filters with q', () => {
  it('page through every match with a cursor, accents folded, in the list’s order', async () => {
    const { client } = await signUpWorkspace(app);
    const names = ['Zeta 1', 'Zeta 2', 'Zeta 3', 'Zeta 4', 'Zeta 5', 'Zeta 6', 'Zeta 7', 'Zêta 8'];
    for (const name of [...names].reverse()) await createAccount(client, { name });
    await createAccount(client, { name: 'Beta Zed' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Res = await client.get(`/api/v1/accounts?q=zeta&sort=name&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.data.data.map((x: { name: string }) => x.name));
      cursor = res.data.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(names);
    expect(pages).toBe(3);
  });

  it('pages a deal list by words of the deal or of its account, each page exact whichever way it is found', async () => {
    const { client } = await signUpWorkspace(app);
    const kestrel = await createAccount(client, { name: 'Kestrël Holdings' });
    const other = await createAccount(client, { name: 'Osprey Mills', domain: 'kestrelish.example' });
    const plain = await createAccount(client, { name: 'Plain Co' });
    // Each deal with the queries that find it (newest first is the default sort).
    const made: { id: string; found: string[] }[] = [];
    const deal = async (accountId: string, name: string, found: string[]) => made.push({ id: (await createDeal(client, { accountId, name })).id, found });
    await deal(kestrel.id, 'Renewal', ['kestrel', 'KESTREL holdings']); // by its account's name
    await deal(plain.id, 'Kestrel pilot', ['kestrel']); // by its own name
    await deal(plain.id, 'Other pilot', []);
    await deal(other.id, 'Expansion', ['kestrel']); // its account's domain has a word starting with "kestrel"
    await deal(plain.id, 'Holdings kestrel', ['kestrel', 'KESTREL holdings']);
    await deal(plain.id, 'Holdings', []); // "kestrel" in no word of the deal or of its account
    await deal(kestrel.id, 'Second', ['kestrel', 'KESTREL holdings']);
    await deal(plain.id, 'Akestrel', []); // not the start of a word
    await deal(other.id, 'Holdings renewal', ['kestrel']); // for both words: "holdings" is the deal's, "kestrel…" its account's, not one record's
    for (const q of ['kestrel', 'KESTREL holdings']) {
      const want = made.filter((d) => d.found.includes(q)).map((d) => d.id).reverse();
      // A page of one or two: the list is walked in order (more matches than the page); all at once: the text index.
      for (const limit of [1, 2, 50]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: Res = await client.get(`/api/v1/opportunities?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.statusCode).toBe(200);
          seen.push(...res.data.data.map((x: Hit) => x.id));
          cursor = res.data.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        expect(seen, `q=${q} limit=${limit}`).toEqual(want);
      }
    }
  });

  it('finds contacts and opportunities by folded words too (an opportunity also by its account)', async () => {
    const { client, a, c, o } = await corpus();
    // Sorted by name, "Zoë" and "Zoey" order by each engine's collation: compare the set.
    const contacts = await client.get('/api/v1/contacts?q=zoe&sort=name');
    expect(contacts.data.data.map((x: Hit) => x.id).sort()).toEqual([c.zoe.id, c.zoey.id].sort());
    const deals = await client.get('/api/v1/opportunities?q=muller&sort=name');
    expect(deals.data.data.map((x: Hit) => x.id)).toEqual([o.muller.id]);
    const byAccount = await client.get(`/api/v1/opportunities?q=${encodeURIComponent('acme north')}&sort=name`);
    expect(byAccount.data.data.map((x: Hit) => x.id)).toEqual([o.pilot.id]);
    const accounts = await client.get('/api/v1/accounts?q=M%C3%BCLLER');
    expect(accounts.data.data.map((x: Hit) => x.id)).toEqual([a.muller.id]);
  });
});
