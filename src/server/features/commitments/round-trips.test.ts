import { describe, expect, it } from 'vitest';
import { resolveSession } from '../../core/auth/sessions.js';
import { AppError } from '../../core/errors.js';
import { Scope } from '../../core/scope.js';
import { isPostgres, testApp } from '../../test/harness.js';
import { readCommitmentForChange, updateCommitment } from './commitments.service.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { statementsDuring } from '../../test/statements.js';
import { addCommitment, createPlan } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock();
const { app, db, config } = await testApp();

/** The full row of a commitment, and a plan's access facts (its deal's owner and team): what a tick's check and write need. */
const readsCommitmentRow = (s: string) => /^select "commitments"\.\* from "commitments" where/.test(s);
const readsPlanAccess = (s: string) => /^select "plans"\."id", "plans"\."opportunity_id", "plans"\."customer_time_zone", "plans"\."status"/.test(s);

describe('a commitment tick', () => {
  it('reads the commitment and its plan once: the permission check hands what it read to the write', async () => {
    const admin = await signUpWorkspace(app);
    const plan = await createPlan(admin.client, undefined, { status: 'active' });
    const c = await addCommitment(admin.client, plan.id);
    let res: Awaited<ReturnType<typeof admin.client.patch>> | undefined;
    const seen = (await statementsDuring(async () => (res = await admin.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version })))).filter((s) => !/"imports"/.test(s));
    expect(res?.statusCode).toBe(200);
    expect(res?.data).toMatchObject({ status: 'done', version: c.version + 1 });
    expect(seen.filter(readsCommitmentRow)).toHaveLength(1);
    expect(seen.filter(readsPlanAccess)).toHaveLength(1);
    // PostgreSQL, where each is a round trip: the session, the commitment, its plan, BEGIN, the
    // update, its audit event, the commitment as it is now with its date changes (one statement),
    // the plan's last activity, COMMIT.
    if (isPostgres()) expect(seen.length).toBeLessThanOrEqual(9);
  });

  it('a customer-side tick judges the deal’s customer word again without reading the plan’s deal twice', async () => {
    const admin = await signUpWorkspace(app);
    const plan = await createPlan(admin.client, undefined, { status: 'active' });
    const c = await addCommitment(admin.client, plan.id, { side: 'customer', ownerName: 'Priya Shah' });
    let res: Awaited<ReturnType<typeof admin.client.patch>> | undefined;
    const seen = (await statementsDuring(async () => (res = await admin.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version })))).filter((s) => !/"imports"/.test(s));
    expect(res?.statusCode).toBe(200);
    expect(seen.filter(readsPlanAccess)).toHaveLength(1);
    expect(seen.filter((s) => /^select "plans"\."id", "plans"\."opportunity_id" from "plans"/.test(s))).toHaveLength(0);
    // The deal's stored word follows: its customer side has one commitment, open until now, kept.
    const deal = (await admin.client.get(`/api/v1/plans/${plan.id}`)).data.opportunity.id as string;
    const row = await db.selectFrom('opportunities').select(['customer_open_count', 'customer_judged_count', 'customer_kept_count']).where('id', '=', deal).executeTakeFirstOrThrow();
    expect(row).toEqual({ customer_open_count: 0, customer_judged_count: 1, customer_kept_count: 1 });
    if (isPostgres()) expect(seen.length).toBeLessThanOrEqual(14);
  });

  it('still refuses a person who may not change it, and a stale version gets the commitment as it is now', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(admin.client, undefined, { status: 'active' });
    const c = await addCommitment(admin.client, plan.id);
    const refused = await rep.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version });
    expect(refused.statusCode).toBe(403);
    await admin.client.patch(`/api/v1/commitments/${c.id}`, { title: 'Renamed', version: c.version });
    const stale = await admin.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ title: 'Renamed', status: 'open', version: c.version + 1 });
  });

  it('writes nothing when the commitment changed between the check and the write', async () => {
    const admin = await signUpWorkspace(app);
    const plan = await createPlan(admin.client, undefined, { status: 'active' });
    const c = await addCommitment(admin.client, plan.id);
    const actor = (await resolveSession(db, config, admin.client.cookie!.split('=')[1]))!;
    const scope = new Scope(db, actor.workspaceId);
    // The check reads version 1 and hands it on; another writer then renames it (version 2).
    expect(await readCommitmentForChange(scope, actor, c.id)).toBeDefined();
    await admin.client.patch(`/api/v1/commitments/${c.id}`, { title: 'Renamed', version: c.version });
    const write = updateCommitment({ scope, actor, id: c.id, input: { status: 'done' }, version: c.version });
    await expect(write).rejects.toBeInstanceOf(AppError);
    await expect(write).rejects.toMatchObject({ code: 'version_conflict', extra: { current: { title: 'Renamed', status: 'open', version: c.version + 1 } } });
    expect((await admin.client.get(`/api/v1/commitments/${c.id}`)).data).toMatchObject({ status: 'open', version: c.version + 1 });
  });
});
