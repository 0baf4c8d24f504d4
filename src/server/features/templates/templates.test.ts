import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { up as seedExistingWorkspaces } from '../../core/db/migrations/0017_builtin_plan_templates.js';
import { addCommitment, addMilestone, createContact, createDeal, createPlan, withBuiltInTemplates } from '../plans/fixtures.js';

const { app, db } = await testApp();

type T = { id: string; name: string; builtIn: boolean; commitments: { side: string; mustDo: boolean; internalOnly: boolean; due: { anchor: string; days: number } }[] };
type C = { title: string; side: string; dueDate: string; owner: { kind: string; id: string | null; name: string }; role: string | null; milestoneId: string | null; mustDo: boolean; internalOnly: boolean };

const sample = {
  name: 'Quick pilot',
  lengthDays: 30,
  milestones: [{ title: 'Scoped', due: { anchor: 'start', days: 5 } }, { title: 'Decided' }],
  commitments: [
    { milestoneIndex: 0, side: 'customer', role: 'Security lead', title: 'Share the questionnaire', mustDo: true, due: { anchor: 'start', days: 3 } },
    { milestoneIndex: 1, side: 'seller', role: 'Solutions engineer', title: 'Answer it', internalOnly: true, due: { anchor: 'target', days: -10 } },
    { side: 'customer', title: 'Sign', due: { anchor: 'target', days: 0 } },
  ],
};

describe('plan templates', () => {
  it('ships three good built-in templates to every workspace, once', async () => {
    const { client, me } = await signUpWorkspace(app);
    await withBuiltInTemplates(db, me.workspace.id);
    await seedExistingWorkspaces(db as unknown as Parameters<typeof seedExistingWorkspaces>[0]);
    const list: T[] = (await client.get('/api/v1/plan-templates')).data.data;
    expect(list.map((t) => [t.name, t.builtIn])).toEqual([
      ['Enterprise evaluation', true],
      ['Pilot to purchase', true],
      ['Renewal', true],
    ]);
    for (const t of list) {
      expect(t.commitments.length, t.name).toBeGreaterThanOrEqual(6);
      expect(t.commitments.length, t.name).toBeLessThanOrEqual(20);
      expect(new Set(t.commitments.map((c) => c.side)), t.name).toEqual(new Set(['seller', 'customer']));
      expect(t.commitments.some((c) => c.mustDo), t.name).toBe(true);
      expect(t.commitments.some((c) => c.side === 'customer' && c.internalOnly), t.name).toBe(false);
      // A plan fresh from a built-in template is on track: no must-do within 3 days of the start.
      const early = t.commitments.filter((c) => c.mustDo && c.due.anchor === 'start' && c.due.days < 3);
      expect(early, t.name).toEqual([]);
    }
  });

  it('lays out a new plan from a template, dates counted from its start and target', async () => {
    const { client, me } = await signUpWorkspace(app);
    await withBuiltInTemplates(db, me.workspace.id);
    const evaluation = (await client.get('/api/v1/plan-templates')).data.data[0];
    const deal = await createDeal(client);
    const res = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId: evaluation.id, startDate: '2030-01-01' });
    expect(res.statusCode).toBe(201);
    const plan = res.data;
    expect(plan).toMatchObject({ title: 'Enterprise evaluation', startDate: '2030-01-01', targetDate: '2030-03-17', status: 'draft', dateAdjustments: [] });
    expect(plan.milestones.map((m: { title: string; dueDate: string }) => [m.title, m.dueDate])).toEqual([
      ['Outcome and plan agreed', '2030-01-08'],
      ['Technical and security validation', '2030-02-05'],
      ['Business case and terms', '2030-03-03'],
      ['Decision and signature', '2030-03-17'],
    ]);
    const commitments: C[] = plan.commitments;
    expect(commitments).toHaveLength(evaluation.commitments.length);
    expect(commitments[0]).toMatchObject({ side: 'seller', owner: { kind: 'user', id: me.user.id }, role: 'Account executive', dueDate: '2030-01-04', mustDo: true, milestoneId: plan.milestones[0].id });
    const sign = commitments.find((c) => c.title === 'Sign the order form');
    expect(sign).toMatchObject({ side: 'customer', owner: { kind: 'person', id: null, name: 'Executive sponsor' }, dueDate: '2030-03-17', milestoneId: plan.milestones[3].id });
    expect(commitments.filter((c) => c.internalOnly).every((c) => c.side === 'seller')).toBe(true);

    const other = await createDeal(client);
    const aimed = (await client.post(`/api/v1/opportunities/${other.id}/plan`, { templateId: evaluation.id, startDate: '2030-01-01', targetDate: '2030-06-30', title: 'Globex evaluation' })).data;
    expect(aimed).toMatchObject({ title: 'Globex evaluation', targetDate: '2030-06-30' });
    expect(aimed.commitments.find((c: C) => c.title === 'Sign the order form').dueDate).toBe('2030-06-30');
  });

  it('creates templates, refuses inconsistent ones, and makes plans from them', async () => {
    const { client } = await signUpWorkspace(app);
    const bad = await client.post('/api/v1/plan-templates', {
      ...sample,
      commitments: [{ ...sample.commitments[0], milestoneIndex: 5, internalOnly: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['commitments.0.internalOnly', 'commitments.0.milestoneIndex']);

    const created = await client.post('/api/v1/plan-templates', sample);
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({ name: 'Quick pilot', builtIn: false, lengthDays: 30, permissions: { canEdit: true } });
    expect(created.data.milestones[1]).toEqual({ title: 'Decided', due: null });
    const deal = await createDeal(client);
    const plan = (await client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId: created.data.id, startDate: '2030-05-01' })).data;
    expect(plan.targetDate).toBe('2030-05-31');
    expect(plan.commitments.map((c: C) => [c.title, c.dueDate, c.owner.name])).toEqual([
      ['Share the questionnaire', '2030-05-04', 'Security lead'],
      ['Answer it', '2030-05-21', plan.owner.name],
      ['Sign', '2030-05-31', 'Customer contact'],
    ]);
  });

  it('refuses a due offset with a key it does not take, naming it, instead of dropping it', async () => {
    const { client } = await signUpWorkspace(app);
    const res = await client.post('/api/v1/plan-templates', {
      ...sample,
      milestones: [{ title: 'Scoped', due: { anchor: 'start', days: 5, months: 2 } }],
      commitments: [{ side: 'seller', title: 'Kick-off', due: { anchor: 'start', days: 1, weekday: 'monday' } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['commitments.0.due.weekday', 'milestones.0.due.months']);
    expect((await client.get('/api/v1/plan-templates')).data.data.filter((t: T) => !t.builtIn)).toEqual([]);
  });

  it('refuses a plan from a template whose dates would fall after 2999, and writes nothing', async () => {
    const { client } = await signUpWorkspace(app);
    const created = (await client.post('/api/v1/plan-templates', sample)).data;
    const deal = await createDeal(client);
    // 30 days from 2999-12-20 is in 3000: past the calendar every other date of the API keeps to.
    const late = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId: created.id, startDate: '2999-12-20' });
    expect(late.statusCode).toBe(400);
    expect(late.data.error.details.map((d: { path: string }) => d.path)).toEqual(['startDate']);
    // A target date in range, but a step anchored after it lands in 3000.
    const after = (await client.post('/api/v1/plan-templates', { ...sample, commitments: [{ side: 'seller', title: 'Follow up', due: { anchor: 'target', days: 20 } }] })).data;
    const aimed = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId: after.id, startDate: '2999-12-01', targetDate: '2999-12-31' });
    expect(aimed.statusCode).toBe(400);
    expect(aimed.data.error.details.map((d: { path: string }) => d.path)).toEqual(['targetDate']);
    expect((await client.get(`/api/v1/opportunities/${deal.id}/plan`)).statusCode).toBe(404);
    const ok = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId: created.id, startDate: '2999-12-01' });
    expect(ok.statusCode).toBe(201);
    expect(ok.data.targetDate).toBe('2999-12-31');
  });

  it('saves a plan as a template: same shape and relative dates, roles instead of customer names', async () => {
    const { client } = await signUpWorkspace(app);
    const deal = await createDeal(client);
    const carla = await createContact(client, deal.account.id, 'Carla Champion');
    const plan = await createPlan(client, deal.id, { startDate: '2030-01-01', targetDate: '2030-02-01' });
    const m = await addMilestone(client, plan.id, 'Validate');
    await client.patch(`/api/v1/milestones/${m.id}`, { dueDate: '2030-01-15', version: 1 });
    await addCommitment(client, plan.id, { side: 'customer', ownerContactId: carla.id, title: 'Security review', dueDate: '2030-01-10', milestoneId: m.id, mustDo: true });
    await addCommitment(client, plan.id, { title: 'Proposal', dueDate: '2030-01-20', internalOnly: true });
    const dropped = await addCommitment(client, plan.id, { title: 'Dropped thing', dueDate: '2030-01-20' });
    await client.patch(`/api/v1/commitments/${dropped.id}`, { status: 'dropped', dropReason: 'Not needed', version: 1 });

    const saved = await client.post(`/api/v1/plans/${plan.id}/template`, { name: 'Our evaluation' });
    expect(saved.statusCode).toBe(201);
    expect(saved.data).toMatchObject({ name: 'Our evaluation', lengthDays: 31, milestones: [{ title: 'Validate', due: { anchor: 'start', days: 14 } }] });
    expect(saved.data.commitments).toEqual([
      { milestoneIndex: 0, side: 'customer', role: 'Customer contact', title: 'Security review', detail: null, mustDo: true, internalOnly: false, due: { anchor: 'start', days: 9 } },
      { milestoneIndex: null, side: 'seller', role: null, title: 'Proposal', detail: null, mustDo: false, internalOnly: true, due: { anchor: 'start', days: 19 } },
    ]);
    expect(JSON.stringify(saved.data)).not.toContain('Carla');

    const next = await createDeal(client);
    const copy = (await client.post(`/api/v1/opportunities/${next.id}/plan`, { templateId: saved.data.id, startDate: '2030-03-01' })).data;
    expect(copy.commitments.map((c: C) => [c.title, c.dueDate])).toEqual([
      ['Security review', '2030-03-10'],
      ['Proposal', '2030-03-20'],
    ]);
  });

  it('lets the maker or an admin archive a template; archived and foreign templates cannot be used', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const other = await signUpWorkspace(app);
    const mine = (await rep.client.post('/api/v1/plan-templates', sample)).data;
    const foreign = (await other.client.post('/api/v1/plan-templates', sample)).data;
    const theirs = (await admin.client.post('/api/v1/plan-templates', { ...sample, name: 'Admin’s' })).data;
    expect((await rep.client.get(`/api/v1/plan-templates/${theirs.id}`)).data.permissions.canEdit).toBe(false);
    expect((await rep.client.post(`/api/v1/plan-templates/${theirs.id}/archive`, { version: theirs.version })).statusCode).toBe(403);
    // Like every change, from the version read: none is a field error, an old one a conflict; neither archives.
    const unversioned = await rep.client.post(`/api/v1/plan-templates/${mine.id}/archive`, {});
    expect(unversioned.statusCode).toBe(400);
    expect(unversioned.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    const stale = await rep.client.post(`/api/v1/plan-templates/${mine.id}/archive`, { version: mine.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ id: mine.id, archivedAt: null });
    const archived = await rep.client.post(`/api/v1/plan-templates/${mine.id}/archive`, { version: mine.version });
    expect(archived.data.archivedAt).not.toBeNull();
    // Archiving it again from the version read then changes nothing; from an older one is a conflict.
    expect((await rep.client.post(`/api/v1/plan-templates/${mine.id}/archive`, {}, { 'if-match': `"${archived.data.version}"` })).data.version).toBe(archived.data.version);
    expect((await rep.client.post(`/api/v1/plan-templates/${mine.id}/archive`, { version: mine.version })).statusCode).toBe(409);
    // Built-ins aside (sign-up gives them), only the admin's template is left.
    expect((await rep.client.get('/api/v1/plan-templates')).data.data.filter((t: T) => !t.builtIn).map((t: T) => t.name)).toEqual(['Admin’s']);

    const deal = await createDeal(rep.client);
    for (const templateId of [mine.id, foreign.id]) {
      const res = await rep.client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId });
      expect(res.statusCode).toBe(400);
      expect(res.data.error.details[0].path).toBe('templateId');
    }
    expect((await rep.client.get(`/api/v1/opportunities/${deal.id}/plan`)).statusCode).toBe(404);
    expect((await rep.client.post(`/api/v1/opportunities/${deal.id}/plan`, { agreedOutcome: 'x' })).data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['targetDate', 'title']);
  });
});
