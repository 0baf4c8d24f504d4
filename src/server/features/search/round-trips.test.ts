import { describe, expect, it } from 'vitest';
import { isPostgres, testApp } from '../../test/harness.js';
import { createAccount, signUpWorkspace } from '../../test/factories.js';
import { statementsDuring } from '../../test/statements.js';

const { app } = await testApp();

describe('global search, statement by statement', () => {
  it('ranks names that start with the query first, then the other matches, each kind in one statement on PostgreSQL', async () => {
    const admin = await signUpWorkspace(app);
    const made: string[] = [];
    for (const name of ['Acme One', 'Big Acme', 'Acme Two']) made.push((await createAccount(admin.client, { name })).id);
    let found: { accounts: { data: { id: string }[]; more: boolean } } | undefined;
    const seen = await statementsDuring(async () => (found = (await admin.client.get('/api/v1/search?q=acme&limit=3')).data));
    // The names that start with "acme" (in byte order), then the one where it is a later word.
    expect(found?.accounts.data.map((a) => a.id)).toEqual([made[0], made[2], made[1]]);
    expect(found?.accounts.more).toBe(false);
    const fewer = (await admin.client.get('/api/v1/search?q=acme&limit=2')).data;
    expect(fewer.accounts).toMatchObject({ data: [{ id: made[0] }, { id: made[2] }], more: true });
    // PostgreSQL, where each statement is a round trip: the session, then one per kind of record.
    if (isPostgres()) expect(seen.length).toBeLessThanOrEqual(5);
  });
});
