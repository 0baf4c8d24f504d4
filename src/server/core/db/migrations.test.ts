import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyTestDb } from '../../test/harness.js';
import { BUILTIN_TEMPLATES } from '../../features/plans/builtin-templates.js';
import { normaliseContent } from '../../features/plans/templates.js';
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
