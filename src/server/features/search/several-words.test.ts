import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, createAccount, signUpWorkspace } from '../../test/factories.js';

/**
 * A query of several words, where some words start hundreds of records and others a handful: search
 * must find exactly the records a person expects, in the ranked order — checked against the rule
 * written out in the test (every word starts a word of the name; then the name that starts with the
 * query, whole words later in the name, a later word's start, words apart; shorter first, then the
 * older record), on SQLite and on PostgreSQL.
 */
const { app } = await testApp();

const SECTORS = ['Holdings', 'Logistics', 'Systems'];
const COUNT = 240;

/** The rule, on names: every query word starts a word of the name; then the ranking of core/search.ts. */
function expected(names: string[], q: string, limit: number): string[] {
  const fold = (s: string) => s.toLowerCase();
  const terms = [...new Set(fold(q).split(' '))];
  const phrase = terms.join(' ');
  const rank = (t: string) => (t.startsWith(phrase) ? -1 : ` ${t} `.includes(` ${phrase} `) ? 0 : ` ${t}`.includes(` ${phrase}`) ? 1 : 2);
  return names
    .map((name, created) => ({ name, text: fold(name), created }))
    .filter(({ text }) => terms.every((w) => ` ${text}`.includes(` ${w}`)))
    .sort((a, b) => rank(a.text) - rank(b.text) || (rank(a.text) === -1 ? (a.text < b.text ? -1 : a.text > b.text ? 1 : a.created - b.created) : a.text.length - b.text.length || a.created - b.created))
    .slice(0, limit)
    .map((r) => r.name);
}

describe('search by several words', () => {
  it('finds exactly the records that hold every word, ranked, whether its words are rare or common', async () => {
    const { client } = await signUpWorkspace(app);
    const names: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const name = `Quokka ${SECTORS[i % SECTORS.length]} ${i}`;
      await createAccount(client, { name });
      names.push(name);
    }
    // Names that share every query word's first three letters but not the words: SQLite's text
    // index is asked for those letters (core/search.ts `candidateQuery`), and these must not come back.
    for (const name of ['Quorum Hold 12', 'Quoll Logic 22', 'Sysop Quokkas 5', 'Hol Quo 1']) {
      await createAccount(client, { name });
      names.push(name);
    }
    // Another workspace's records never count among the results.
    const other = await signUpWorkspace(app);
    await createAccount(other.client, { name: 'Quokka Holdings 12' });

    const search = async (c: Client, q: string) => (await c.get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=20`)).data.accounts.data.map((a: { name: string }) => a.name);
    const queries = [
      'quokka 12', // "quokka" starts all 240 records
      'quokka holdings', // "holdings" starts 80
      'holdings 1', // "holdings" again, with a number's prefix
      'quokka logistics 22', // "logistics" starts 80
      'logis quok 10', // prefixes only
      'systems 239 quokka', // words in any order
      '23 quokka',
      'quokka systems 5',
    ];
    for (const q of queries) {
      const want = expected(names, q, 20);
      expect(want.length, q).toBeGreaterThan(0);
      expect(await search(client, q), q).toEqual(want);
    }
    expect(await search(other.client, 'quokka holdings 12')).toEqual(['Quokka Holdings 12']);
  });
});
