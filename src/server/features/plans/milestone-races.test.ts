import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isPostgres, testApp } from '../../test/harness.js';
import { signUpWorkspace, type Res } from '../../test/factories.js';
import { addCommitment, addMilestone, createPlan, readLayout } from './fixtures.js';

/**
 * Archiving a milestone takes its commitments off it. Neither a commitment being edited at that
 * moment nor one being added to the milestone may turn that into a conflict the user did not cause,
 * or leave a commitment on an archived milestone. SQLite runs one write at a time; PostgreSQL runs
 * them side by side, where these races were seen.
 */
const { app, db } = await testApp();

async function setup() {
  const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
  const plan = await createPlan(admin.client);
  const milestone = await addMilestone(admin.client, plan.id, 'Security review');
  const commitment = await addCommitment(admin.client, plan.id, { title: 'Send the questionnaire', milestoneId: milestone.id, dueDate: '2030-01-15' });
  expect(commitment.milestoneId).toBe(milestone.id);
  return { client: admin.client, plan, milestone, commitment };
}

/** Until `n` backends of this test's database wait on a lock. */
async function waiters(n: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (rows[0].n >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`fewer than ${n} requests waited on a lock`);
}

describe.runIf(isPostgres())('archiving a milestone on PostgreSQL, while its commitments change', () => {
  it('waits for an edit of one of its commitments, then archives: no conflict, the edit kept, the commitment off the milestone', async () => {
    const { client, milestone, commitment } = await setup();
    let archive!: Promise<Res>;
    // Someone's edit of the commitment is under way: its row is taken, not yet committed.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('commitments').set((eb) => ({ title: 'Send the questionnaire (v2)', version: eb('version', '+', 1) })).where('id', '=', commitment.id).execute();
      archive = client.post(`/api/v1/milestones/${milestone.id}/archive`, { version: milestone.version });
      await waiters(1);
    });
    const res = await archive;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.archivedAt).not.toBeNull();
    const c = await db.selectFrom('commitments').select(['milestone_id', 'title', 'version']).where('id', '=', commitment.id).executeTakeFirstOrThrow();
    expect(c).toEqual({ milestone_id: null, title: 'Send the questionnaire (v2)', version: commitment.version + 2 });
  });

  it('takes off a commitment added to it while it was being archived', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const plan = await createPlan(admin.client);
    const m = await addMilestone(admin.client, plan.id, 'Legal');
    let create!: Promise<Res>;
    let archive!: Promise<Res>;
    // Hold the plan's row so that both requests are in flight at once: the new commitment inserted,
    // not yet committed, when the archive starts.
    await db.transaction().execute(async (trx) => {
      await sql`select id from plans where id = ${plan.id} for no key update`.execute(trx);
      create = admin.client.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'seller', title: 'Redline the MSA', dueDate: '2030-02-01', milestoneId: m.id });
      await waiters(1);
      archive = admin.client.post(`/api/v1/milestones/${m.id}/archive`, { version: m.version });
      await waiters(2);
    });
    const [c, a] = await Promise.all([create, archive]);
    expect(a.statusCode, a.body).toBe(200);
    if (c.statusCode === 201) {
      const row = await db.selectFrom('commitments').select('milestone_id').where('id', '=', c.data.id).executeTakeFirstOrThrow();
      expect(row.milestone_id).toBeNull();
    } else {
      // Or the addition waited for the archive and was refused, naming the milestone.
      expect(c.statusCode).toBe(400);
      expect(c.data.error.details[0].path).toBe('milestoneId');
    }
    const left = await db.selectFrom('commitments').select('id').where('milestone_id', '=', m.id).execute();
    expect(left).toEqual([]);
  });
});

describe.runIf(isPostgres())('moving a commitment into a milestone while it is archived (PostgreSQL)', () => {
  it('waits for the archive, then refuses the layout as stale: nothing lands on the archived milestone', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const plan = await createPlan(admin.client);
    const m = await addMilestone(admin.client, plan.id, 'Legal');
    const loose = await addCommitment(admin.client, plan.id, { title: 'Redline the MSA', dueDate: '2030-02-01' });
    const basis = await readLayout(admin.client, plan.id);
    // The layout the user drags to: the loose commitment into the milestone, the milestone staying first.
    const dragged = [{ id: m.id, commitmentIds: [loose.id] }, { id: null, commitmentIds: [] }];
    let layout!: Promise<Res>;
    // An archive of the milestone is under way: its row is taken (and archived), not yet committed.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('plan_milestones').set((eb) => ({ archived_at: new Date().toISOString(), version: eb('version', '+', 1) })).where('id', '=', m.id).execute();
      layout = admin.client.post(`/api/v1/plans/${plan.id}/layout`, { milestones: dragged, basis });
      await waiters(1);
    });
    const res = await layout;
    expect(res.statusCode, res.body).toBe(409);
    const c = await db.selectFrom('commitments').select('milestone_id').where('id', '=', loose.id).executeTakeFirstOrThrow();
    expect(c.milestone_id).toBeNull();
  });
});

describe(`an edit and an archive sent at once (${isPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('archives every time; the edit is saved or, if the archive came first, answered 409', async () => {
    for (let i = 0; i < 15; i++) {
      const { client, milestone, commitment } = await setup();
      const [edit, archive] = await Promise.all([
        client.patch(`/api/v1/commitments/${commitment.id}`, { title: `Edited ${i}`, version: commitment.version }),
        client.post(`/api/v1/milestones/${milestone.id}/archive`, { version: milestone.version }),
      ]);
      expect(archive.statusCode, archive.body).toBe(200);
      expect([200, 409]).toContain(edit.statusCode);
      const c = await db.selectFrom('commitments').select(['milestone_id', 'title']).where('id', '=', commitment.id).executeTakeFirstOrThrow();
      expect(c.milestone_id).toBeNull();
      expect(c.title).toBe(edit.statusCode === 200 ? `Edited ${i}` : 'Send the questionnaire');
    }
  });
});
