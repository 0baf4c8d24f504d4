import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../shared/stages.js';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace, type Client } from '../../test/factories.js';

const { app } = await testApp();

type StageOut = { id: string; name: string; position: number; archivedAt: string | null; version: number };
const stages = async (client: Client): Promise<StageOut[]> => (await client.get('/api/v1/stages')).data.data;
const names = async (client: Client) => (await stages(client)).map((s) => s.name);
/** The order as GET /stages lists it: a move's `basis`. */
const basisOf = async (client: Client) => (await stages(client)).map((s) => s.id);

describe('stages', () => {
  it('starts with the default pipeline, readable by everyone, and appends new stages at the end', async () => {
    const { client: admin } = await signUpWorkspace(app, { name: 'Ada Admin' });
    const rep = await addMember(app, admin, { role: 'rep' });
    const list = await stages(rep.client);
    expect(list.map((s) => [s.name, s.position])).toEqual(DEFAULT_STAGES.map((name, i) => [name, i]));

    const created = await admin.post('/api/v1/stages', { name: '  Verbal yes ' });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({ name: 'Verbal yes', position: DEFAULT_STAGES.length, archivedAt: null, version: 1 });
    expect((await names(rep.client)).at(-1)).toBe('Verbal yes');
    expect((await admin.get(`/api/v1/stages/${created.data.id}/history`)).data.data).toMatchObject([{ action: 'create', actor: { name: 'Ada Admin' } }]);

    const dup = await admin.post('/api/v1/stages', { name: 'proposal' });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error).toMatchObject({ code: 'duplicate', details: [{ path: 'name' }] });
  });

  it('moves a stage and renumbers the others in one change, each audited', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const before = await stages(admin);
    const commit = before.at(-1) as StageOut;
    const moved = await admin.patch(`/api/v1/stages/${commit.id}`, { position: 1, basis: before.map((s) => s.id), version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.data).toMatchObject({ position: 1, version: 2 });
    const after = await stages(admin);
    expect(after.map((s) => [s.name, s.position])).toEqual([
      ['Qualify', 0],
      ['Commit', 1],
      ['Discover', 2],
      ['Solution fit', 3],
      ['Proposal', 4],
      ['Negotiate', 5],
    ]);
    // Qualify did not move; every stage that did has a new version and an audit event.
    expect(after.map((s) => s.version)).toEqual([1, 2, 2, 2, 2, 2]);
    const discover = after[2];
    expect((await admin.get(`/api/v1/stages/${discover.id}/history`)).data.data[0]).toMatchObject({ action: 'update', changes: { position: { before: 1, after: 2 } } });

    // A position past the end means "last".
    const back = await admin.patch(`/api/v1/stages/${commit.id}`, { position: 999, basis: after.map((s) => s.id), version: 2 });
    expect(back.data.position).toBe(5);
    expect(await names(admin)).toEqual([...DEFAULT_STAGES]);
  });

  it('renames, archives and restores, keeping at least one active stage', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const list = await stages(admin);
    const renamed = await admin.patch(`/api/v1/stages/${list[0].id}`, { name: 'Qualified', version: 1 });
    expect(renamed.data).toMatchObject({ name: 'Qualified', version: 2 });

    for (const s of list.slice(1)) {
      const res = await admin.patch(`/api/v1/stages/${s.id}`, { archived: true, version: 1 });
      expect(res.statusCode).toBe(200);
      expect(res.data.archivedAt).not.toBeNull();
    }
    const last = await admin.patch(`/api/v1/stages/${list[0].id}`, { archived: true, version: 2 });
    expect(last.statusCode).toBe(422);
    expect(last.data.error.code).toBe('rule_violation');
    const all = await stages(admin);
    expect(all).toHaveLength(DEFAULT_STAGES.length);
    expect(all.filter((s) => s.archivedAt === null).map((s) => s.name)).toEqual(['Qualified']);

    const restored = await admin.patch(`/api/v1/stages/${list[1].id}`, { archived: false, version: 2 });
    expect(restored.data).toMatchObject({ archivedAt: null, version: 3 });
    const actions = (await admin.get(`/api/v1/stages/${list[1].id}/history`)).data.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['restore', 'archive']);
    // An archived name cannot be reused: the stage can be restored instead.
    const reuse = await admin.post('/api/v1/stages', { name: list[2].name });
    expect(reuse.statusCode).toBe(409);
  });

  it('answers a stale version with 409 and the current stage', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const [first, second] = await stages(admin);
    await admin.patch(`/api/v1/stages/${first.id}`, { name: 'Intro', version: 1 });
    const stale = await admin.patch(`/api/v1/stages/${first.id}`, { position: 3, basis: await basisOf(admin), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ name: 'Intro', position: 0, version: 2 });
    // Nothing moved.
    expect((await stages(admin)).map((s) => s.id).slice(0, 2)).toEqual([first.id, second.id]);
  });

  it('moves nothing when the stages are no longer in the order the mover read: 409 with the stage as it is', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const other = await addMember(app, admin, { role: 'admin' });
    const seen = await stages(admin); // Qualify, Discover, Solution fit, Proposal, Negotiate, Commit
    const basis = seen.map((s) => s.id);
    const byName = (n: string) => seen.find((s) => s.name === n) as StageOut;
    // The other admin moves Solution fit before Discover meanwhile.
    const theirs = await other.client.patch(`/api/v1/stages/${byName('Solution fit').id}`, { position: 1, basis, version: 1 });
    expect(theirs.statusCode).toBe(200);
    const afterTheirs = await stages(admin);
    // Our move of Commit "right after Discover" (index 2 in the order we read) would now land before it: refused.
    const mine = await admin.patch(`/api/v1/stages/${byName('Commit').id}`, { position: 2, basis, version: 1 });
    expect(mine.statusCode).toBe(409);
    expect(mine.data.error).toMatchObject({ code: 'version_conflict', current: { id: byName('Commit').id, name: 'Commit', position: 5, version: 1 } });
    expect(await stages(admin)).toEqual(afterTheirs);
    // A stage added meanwhile: the order read misses it, which is a conflict too.
    await admin.post('/api/v1/stages', { name: 'Verbal yes' });
    const missing = await admin.patch(`/api/v1/stages/${byName('Commit').id}`, { position: 0, basis: afterTheirs.map((s) => s.id), version: 1 });
    expect(missing.statusCode).toBe(409);
    // Without the order read: 400 naming basis, and nothing moves.
    const blind = await admin.patch(`/api/v1/stages/${byName('Commit').id}`, { position: 0, version: 1 });
    expect(blind.statusCode).toBe(400);
    expect(blind.data.error.details.map((d: { path: string }) => d.path)).toEqual(['basis']);
    expect(await names(admin)).toEqual(['Qualify', 'Solution fit', 'Discover', 'Proposal', 'Negotiate', 'Commit', 'Verbal yes']);
    // From the order as it is now, the same move goes through: Commit lands right after Discover.
    const fresh = await admin.patch(`/api/v1/stages/${byName('Commit').id}`, { position: 3, basis: await basisOf(admin), version: 1 });
    expect(fresh.statusCode).toBe(200);
    expect(await names(admin)).toEqual(['Qualify', 'Solution fit', 'Discover', 'Commit', 'Proposal', 'Negotiate', 'Verbal yes']);
    // A rename needs no order.
    expect((await admin.patch(`/api/v1/stages/${byName('Qualify').id}`, { name: 'Qualified', version: 1 })).statusCode).toBe(200);
  });

  it('lets only admins change stages, and only their own workspace’s', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const [first] = await stages(admin);
    for (const role of ['manager', 'rep'] as const) {
      const { client } = await addMember(app, admin, { role });
      expect((await client.post('/api/v1/stages', { name: 'Mine' })).statusCode).toBe(403);
      expect((await client.patch(`/api/v1/stages/${first.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(403);
    }
    expect((await other.client.patch(`/api/v1/stages/${first.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/stages/${first.id}/history`)).statusCode).toBe(404);
    expect(await names(admin)).toEqual([...DEFAULT_STAGES]);
  });
});
