import { describe, expect, it } from 'vitest';
import { isPostgres, testApp } from '../../test/harness.js';
import { createAccount, signUpWorkspace } from '../../test/factories.js';
import { compactSearchIndexes, segmentCount } from './search-compaction.js';

const { app, db } = await testApp();

const COMPANIES = ['Northwind', 'Müller', 'Zoë', 'Tailspin', 'Contoso'];

describe('compacting the search indexes', () => {
  it('puts an index written by many small transactions into one segment, and search finds the same records in the same order', async () => {
    const { client } = await signUpWorkspace(app);
    // One account per request: each is its own transaction, so each adds a segment to the index.
    for (let i = 0; i < 40; i++) await createAccount(client, { name: `${COMPANIES[i % COMPANIES.length]} ${['Traders', 'Systems', 'Labs'][i % 3]} ${i}` });
    const queries = ['northwind', 'muller sys', 'zoe 1', 'labs', 'contoso traders 3', 'tailspin 2'];
    const found = async () => Promise.all(queries.map(async (q) => (await client.get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=20`)).data.accounts.data.map((a: { name: string }) => a.name)));
    const before = await found();
    expect(before[0]).toHaveLength(8); // "northwind": accounts 0, 5, …, 35
    expect(before[2]).toEqual(['Zoë Labs 17', 'Zoë Traders 12']); // words apart: the shorter text first

    if (isPostgres()) {
      // GIN indexes need no compaction: a round does nothing.
      expect(await compactSearchIndexes(db)).toBe(0);
      expect(await found()).toEqual(before);
      return;
    }
    expect(await segmentCount(db, 'accounts_fts')).toBeGreaterThanOrEqual(3);
    expect(await compactSearchIndexes(db)).toBeGreaterThan(0);
    expect(await segmentCount(db, 'accounts_fts')).toBe(1);
    expect(await found()).toEqual(before);
    // A round over indexes already in one piece (or empty) takes no step.
    expect(await compactSearchIndexes(db)).toBe(0);
  });
});
