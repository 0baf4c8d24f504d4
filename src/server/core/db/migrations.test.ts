import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseAsOf, emptyTestDb } from '../../test/harness.js';
import { BUILTIN_TEMPLATES } from '../../features/templates/builtin-templates.js';
import { normaliseContent } from '../../features/templates/templates.js';
import { migrateTo, migrateToLatest, migrations } from './migrate.js';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

describe('migrations', () => {
  it('import nothing from the application, so later code changes never change what they did', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBe(Object.keys(migrations).length);
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const imports = [...source.matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
      for (const from of imports) expect(`${file}: ${from}`).toMatch(/: (kysely|node:[a-z]+)$/);
    }
  });

  it('are numbered in order and registered under their file names', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});

describe('0017_builtin_plan_templates', () => {
  it('gives a workspace that existed before templates the three built-in ones, with history', async () => {
    const db = await emptyTestDb();
    await migrateTo(db, '0016_plan_templates');
    const at = new Date().toISOString();
    await db.insertInto('workspaces').values({ id: '0190f0f0-0000-7000-8000-000000000001', name: 'Older', default_time_zone: 'Europe/Paris', is_demo: 0, version: 1, created_at: at, updated_at: at }).execute();
    await migrateToLatest(db);
    const templates = await db.selectFrom('plan_templates').select(['name', 'builtin_key', 'content', 'id']).orderBy('builtin_key').execute();
    expect(templates.map((t) => t.builtin_key)).toEqual(['enterprise_evaluation', 'pilot_to_purchase', 'renewal']);
    for (const t of templates) expect(JSON.parse(t.content).commitments.length).toBeGreaterThanOrEqual(6);
    const events = await db.selectFrom('audit_events').select(['entity_id', 'actor_name']).where('entity_type', '=', 'plan_template').where('action', '=', 'create').execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual(templates.map((t) => t.id).sort());
    expect(new Set(events.map((e) => e.actor_name))).toEqual(new Set(['Advance']));
  });
});

describe('0080_builtin_template_must_do_lead', () => {
  it('moves a stored built-in template’s must-do to 3 days after the start, leaving templates people made as they are', async () => {
    const db = await emptyTestDb();
    await migrateTo(db, '0016_plan_templates');
    const at = new Date().toISOString();
    const workspaceId = '0190f0f0-0000-7000-8000-000000000002';
    await db.insertInto('workspaces').values({ id: workspaceId, name: 'Older', default_time_zone: 'Europe/Paris', is_demo: 0, version: 1, created_at: at, updated_at: at }).execute();
    // The built-in templates as 0017 stored them, and everything up to the migration before this one.
    const names = Object.keys(migrations);
    await migrateTo(db, names[names.indexOf('0080_builtin_template_must_do_lead') - 1]);
    const mustDo = (title: string, due: { anchor: 'start' | 'target'; days: number }) => ({ milestoneIndex: null, side: 'seller', role: null, title, detail: null, mustDo: true, internalOnly: false, due });
    const template = (id: string, builtinKey: string | null, lengthDays: number, commitments: unknown[]) => ({
      id, workspace_id: workspaceId, name: id, description: null, builtin_key: builtinKey, length_days: lengthDays,
      content: JSON.stringify({ milestones: [], commitments }), created_by_id: null, archived_at: null, version: 1, created_at: at, updated_at: at,
    });
    const mine = template('0190f0f0-0000-7000-8000-0000000000a1', null, 30, [mustDo('Kick-off tomorrow', { anchor: 'start', days: 1 })]);
    const quick = template('0190f0f0-0000-7000-8000-0000000000a2', 'quick_close', 30, [mustDo('Sign', { anchor: 'target', days: -29 }), mustDo('Pay', { anchor: 'target', days: 0 })]);
    await db.insertInto('plan_templates').values([mine, quick]).execute();

    await migrateToLatest(db);
    const stored = await db.selectFrom('plan_templates').select(['id', 'builtin_key', 'content', 'version']).where('workspace_id', '=', workspaceId).execute();
    const byKey = new Map(stored.map((t) => [t.builtin_key ?? t.id, t]));
    // The workspace's built-ins now say what a new workspace gets at sign-up.
    for (const t of BUILTIN_TEMPLATES) expect(JSON.parse(byKey.get(t.key)?.content ?? ''), t.key).toEqual(normaliseContent(t));
    const evaluation = JSON.parse(byKey.get('enterprise_evaluation')?.content ?? '');
    expect(evaluation.commitments[0]).toMatchObject({ title: 'Send a written summary of the agreed outcome and this plan', mustDo: true, due: { anchor: 'start', days: 3 } });
    expect(byKey.get('enterprise_evaluation')?.version).toBe(2);
    expect(byKey.get('pilot_to_purchase')?.version).toBe(1);
    // A target offset moves by the template's length: 30 − 27 = 3 days after the start.
    expect(JSON.parse(byKey.get('quick_close')?.content ?? '').commitments.map((c: { due: unknown }) => c.due)).toEqual([{ anchor: 'target', days: -27 }, { anchor: 'target', days: 0 }]);
    // A template someone made stays exactly as they made it.
    expect(byKey.get(mine.id)).toMatchObject({ content: mine.content, version: 1 });

    const events = await db.selectFrom('audit_events').select(['entity_id', 'actor_name', 'changes']).where('entity_type', '=', 'plan_template').where('action', '=', 'update').execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual([byKey.get('enterprise_evaluation')?.id, quick.id].sort());
    for (const e of events) expect(e.actor_name).toBe('Advance');
    const change = JSON.parse(events.find((e) => e.entity_id === quick.id)?.changes ?? '{}');
    expect(change.content).toEqual({ before: quick.content, after: byKey.get('quick_close')?.content });
  });
});

describe('0090_commitment_subjects', () => {
  it('moves every commitment and renegotiation onto its plan as subject, keeps the foreign keys and refuses a row with no subject or two', async () => {
    const db = await emptyTestDb();
    const names = Object.keys(migrations);
    await migrateTo(db, names[names.indexOf('0090_commitment_subjects') - 1]);
    const at = '2026-01-05T10:00:00.000Z';
    const id = (n: number) => `0190f0f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const ws = id(1);
    const insert = (table: string, values: Record<string, unknown>) => db.insertInto(table as never).values(values as never).execute();
    await insert('workspaces', { id: ws, name: 'Older', default_time_zone: 'Europe/Paris', is_demo: 0, version: 1, created_at: at, updated_at: at });
    await insert('users', { id: id(2), workspace_id: ws, email: 'rep@older.test', name: 'Rep', password_hash: 'x', role: 'rep', created_at: at, updated_at: at });
    await insert('accounts', { id: id(3), workspace_id: ws, name: 'Acme', owner_id: id(2), created_at: at, updated_at: at });
    await insert('stages', { id: id(4), workspace_id: ws, name: 'Qualify', position: 0, created_at: at, updated_at: at });
    await insert('opportunities', { id: id(5), workspace_id: ws, account_id: id(3), name: 'Deal', amount_minor: 100, currency: 'EUR', stage_id: id(4), close_date: '2026-03-01', owner_id: id(2), created_at: at, updated_at: at });
    await insert('plans', { id: id(6), workspace_id: ws, opportunity_id: id(5), title: 'Plan', target_date: '2026-03-01', customer_time_zone: 'Europe/Paris', last_activity_at: at, created_at: at, updated_at: at });
    const commitment = (n: number, position: number, extra: Record<string, unknown> = {}) => ({
      id: id(n), workspace_id: ws, plan_id: id(6), milestone_id: null, position, side: 'seller', owner_user_id: id(2), owner_contact_id: null, owner_name: null, owner_email: null,
      role: null, title: `C${n}`, detail: 'why', due_date: '2026-02-01', original_due_date: '2026-01-20', must_do: 1, internal_only: 0, status: 'open', drop_reason: null, done_at: null,
      version: 3, created_at: at, updated_at: at, ...extra,
    });
    await insert('commitments', commitment(10, 0));
    await insert('commitments', commitment(11, 1, { side: 'customer', owner_user_id: null, owner_name: 'Ann', status: 'dropped', drop_reason: 'no longer needed', must_do: 0 }));
    const reneg = {
      id: id(20), workspace_id: ws, plan_id: id(6), commitment_id: id(10), from_date: '2026-01-20', to_date: '2026-02-01', reason: 'later', status: 'pending',
      requested_by_side: 'customer', requested_by_user_id: null, requested_by_name: 'Ann', requested_at: at, in_advance: 1, decided_by_side: null, decided_by_user_id: null,
      decided_by_name: null, decided_at: null, note: null,
    };
    await insert('commitment_renegotiations', reneg);
    const before = await db.selectFrom('commitments').selectAll().orderBy('id').execute();

    await migrateToLatest(db);
    const after = await db.selectFrom('commitments').selectAll().orderBy('id').execute();
    // 0105 adds where a commitment was agreed (an interaction): nothing before it was. 0205 fixes the zone each is judged in (the rep has none of their own: the workspace's; the plan's customer zone).
    expect(after).toEqual(before.map((c) => ({ ...c, subject_kind: 'plan', subject_id: c.plan_id, agreed_in_interaction_id: null, time_zone: 'Europe/Paris' })));
    expect(await db.selectFrom('commitment_renegotiations').selectAll().execute()).toEqual([reneg]);

    // Exactly one subject: a plan's commitment names its plan, anything else has no plan_id.
    const refused = async (values: Record<string, unknown>) => {
      await expect(insert('commitments', values)).rejects.toThrow();
      expect(await db.selectFrom('commitments').select('id').where('id', '=', values.id as string).execute()).toEqual([]);
    };
    await refused({ ...commitment(30, 2), subject_kind: 'plan', subject_id: id(6), plan_id: null });
    await refused({ ...commitment(31, 2), subject_kind: 'objective', subject_id: id(99) });
    await refused({ ...commitment(32, 2), subject_kind: 'plan', subject_id: id(99) });
    await refused({ ...commitment(33, 2), subject_kind: 'goal', subject_id: id(6) });
    // Foreign keys survive the rebuild: a plan that does not exist, a renegotiation of nothing.
    await refused({ ...commitment(34, 2), subject_kind: 'plan', subject_id: id(98), plan_id: id(98) });
    await expect(insert('commitment_renegotiations', { ...reneg, id: id(21), status: 'declined', commitment_id: id(97) })).rejects.toThrow();
    // At most one pending new date per commitment, as before.
    await expect(insert('commitment_renegotiations', { ...reneg, id: id(22) })).rejects.toThrow();

    // A commitment of another kind: no plan, and a re-date of it with no plan either.
    await insert('commitments', { ...commitment(40, 0), subject_kind: 'objective', subject_id: id(50), plan_id: null });
    await insert('commitment_renegotiations', { ...reneg, id: id(23), plan_id: null, commitment_id: id(40) });
    const ofSubject = await db.selectFrom('commitments').select('id').where('subject_kind', '=', 'objective').where('subject_id', '=', id(50)).execute();
    expect(ofSubject).toEqual([{ id: id(40) }]);
  });
});

describe('0205_commitment_time_zone', () => {
  it('fixes on each commitment the zone it was judged in: the owner’s, the plan’s customer zone, else the workspace’s', async () => {
    const { db, insert, stamp } = await databaseAsOf('0200_customer_unreliable_in_update_order');
    await insert('users', { id: 'u2', workspace_id: 'w1', email: 'tokyo@example.com', name: 'Taro', password_hash: 'x', role: 'rep', time_zone: 'Asia/Tokyo', ...stamp });
    await insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'Acme', owner_id: 'u1', search_text: 'acme', ...stamp });
    await insert('opportunities', { id: 'o1', workspace_id: 'w1', account_id: 'a1', name: 'Deal', amount_minor: 100, currency: 'EUR', stage_id: 's1', close_date: '2026-03-01', owner_id: 'u2', search_text: 'deal', ...stamp });
    await insert('plans', { id: 'p1', workspace_id: 'w1', opportunity_id: 'o1', title: 'Plan', target_date: '2026-03-01', customer_time_zone: 'America/Chicago', last_activity_at: stamp.created_at, search_text: 'plan', ...stamp });
    const commitment = (id: string, extra: Record<string, unknown>) => ({
      id, workspace_id: 'w1', subject_kind: 'plan', subject_id: 'p1', plan_id: 'p1', position: 0, side: 'seller', owner_user_id: null, title: id, due_date: '2026-02-01',
      original_due_date: '2026-02-01', must_do: 0, internal_only: 0, status: 'open', ...stamp, ...extra,
    });
    await insert('commitments', commitment('own-zone', { owner_user_id: 'u2' }));
    await insert('commitments', commitment('no-zone', { owner_user_id: 'u1', position: 1 }));
    await insert('commitments', commitment('customer', { side: 'customer', owner_name: 'Ann', position: 2 }));
    await insert('commitments', commitment('not-on-plan', { subject_kind: 'objective', subject_id: 'x1', plan_id: null, side: 'customer', owner_name: 'Bob', position: 3 }));

    await migrateToLatest(db);
    const rows = await db.selectFrom('commitments').select(['id', 'time_zone']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'customer', time_zone: 'America/Chicago' },
      { id: 'no-zone', time_zone: 'Europe/Paris' },
      { id: 'not-on-plan', time_zone: 'Europe/Paris' },
      { id: 'own-zone', time_zone: 'Asia/Tokyo' },
    ]);
  });
});
