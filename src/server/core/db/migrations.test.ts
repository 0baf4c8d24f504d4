import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyTestDb } from '../../test/harness.js';
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
    const events = await db.selectFrom('audit_events').select(['entity_id', 'actor_name']).where('entity_type', '=', 'plan_template').execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual(templates.map((t) => t.id).sort());
    expect(new Set(events.map((e) => e.actor_name))).toEqual(new Set(['Advance']));
  });
});
