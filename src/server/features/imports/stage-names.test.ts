import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { createAccount, signUpWorkspace } from '../../test/factories.js';

const { app } = await testApp();

/**
 * A file's stage values are whatever the other CRM's users typed. The admin's map from value to
 * stage is a plain object: a value named like what every JavaScript object inherits must read as a
 * value like any other, not as the inherited function (which answered 500 and left a draft import
 * that answered 500 ever after).
 */
describe('an opportunity import whose stage values are named like object properties', () => {
  const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('lists them unmapped, reads the import, refuses their rows until mapped, and runs once they are', async () => {
    const { client: admin } = await signUpWorkspace(app);
    await createAccount(admin, { name: 'Acme' });
    const text = ['Name,Account Name,Amount,CloseDate,Stage', ...INHERITED.map((v, i) => `Deal ${i},Acme,100,2030-01-01,${v}`)].join('\r\n') + '\r\n';
    const created = await admin.post('/api/v1/imports', { entity: 'opportunities', fileName: 'Opportunity.csv', text });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.stageValues).toEqual(INHERITED.map((value) => ({ value, rows: 1, stageId: null })));
    expect((await admin.get(`/api/v1/imports/${created.data.id}`)).statusCode).toBe(200);

    const unmapped = await admin.post(`/api/v1/imports/${created.data.id}/dry-run`);
    expect(unmapped.statusCode, unmapped.body).toBe(200);
    expect(unmapped.data).toMatchObject({ rows: 5, wouldCreate: 0, wouldSkip: 5 });
    expect(unmapped.data.issues.map((i: { field: string }) => i.field)).toEqual(['stage', 'stage', 'stage', 'stage', 'stage']);

    // Mapped (all but __proto__, which a JSON object cannot carry as a key of its own), they read as their stage.
    const stage = (await admin.get('/api/v1/stages')).data.data[0];
    const mapped = INHERITED.filter((v) => v !== '__proto__');
    const patched = await admin.patch(`/api/v1/imports/${created.data.id}`, { options: { stageMap: Object.fromEntries(mapped.map((v) => [v, stage.id])) }, version: created.data.version });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data.stageValues).toEqual(INHERITED.map((value) => ({ value, rows: 1, stageId: value === '__proto__' ? null : stage.id })));
    const dry = await admin.post(`/api/v1/imports/${created.data.id}/dry-run`);
    expect(dry.data).toMatchObject({ rows: 5, wouldCreate: 4, wouldSkip: 1 });
  });
});
