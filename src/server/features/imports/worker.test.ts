import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { signUpWorkspace } from '../../test/factories.js';
import { createImportWorker } from './worker.js';

const { app, db } = await testApp();

const rows = (n: number) => ['Id,Name', ...Array.from({ length: n }, (_, i) => `A${i},Account ${i}`)].join('\r\n');

describe('the import worker', () => {
  it('resumes after the last chunk written when a worker dies mid-import, creating nothing twice', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const draft = (await admin.post('/api/v1/imports', { entity: 'accounts', fileName: 'a.csv', text: rows(7) })).data;
    // Queued without the route's nudge, so the test's workers are the ones that take it.
    await db.updateTable('imports').set({ status: 'queued' }).where('id', '=', draft.id).execute();

    let hung = false;
    const dying = createImportWorker({ db, chunkSize: 3, leaseMs: 200, afterChunk: () => { hung = true; return new Promise(() => {}); } });
    void dying.tick();
    while (!hung) await new Promise((r) => setTimeout(r, 10));
    const midway = (await admin.get(`/api/v1/imports/${draft.id}`)).data;
    expect(midway).toMatchObject({ status: 'running', processedRows: 3, counts: { created: 3 } });

    // Its lease ends; another instance takes over at row 4.
    await new Promise((r) => setTimeout(r, 250));
    const next = createImportWorker({ db, chunkSize: 3, leaseMs: 5_000 });
    await next.tick();
    let done = (await admin.get(`/api/v1/imports/${draft.id}`)).data;
    for (let i = 0; done.status !== 'done' && i < 100; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      done = (await admin.get(`/api/v1/imports/${draft.id}`)).data;
    }
    expect(done).toMatchObject({ status: 'done', processedRows: 7, counts: { created: 7, updated: 0, unchanged: 0, skipped: 0 } });
    const names = (await admin.get('/api/v1/accounts?limit=50')).data.data.map((a: { name: string }) => a.name).sort();
    expect(names).toEqual(Array.from({ length: 7 }, (_, i) => `Account ${i}`));
    const results = (await admin.get(`/api/v1/imports/${draft.id}/results`)).data.data;
    expect(results.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('fails an import whose admin is no longer an admin, writing nothing', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const draft = (await admin.post('/api/v1/imports', { entity: 'accounts', fileName: 'a.csv', text: rows(2) })).data;
    await db.updateTable('imports').set({ status: 'queued' }).where('id', '=', draft.id).execute();
    await db.updateTable('users').set({ role: 'rep' }).where('id', '=', me.user.id).execute();
    await createImportWorker({ db }).tick();
    const row = await db.selectFrom('imports').select(['status', 'error', 'created_count']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('no longer an active admin'), created_count: 0 });
  });
});
