import type { PlanTemplate, TemplateContent } from '../../../shared/plan-templates.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { PlanTemplateTable } from '../../core/db/schema.js';
import { newId, nowIso } from '../../core/ids.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';

/** Reading plan templates, and giving a workspace the built-in ones. */

export function selectTemplates(scope: Scope) {
  return scope
    .selectFrom('plan_templates')
    .leftJoin('users as creator', 'creator.id', 'plan_templates.created_by_id')
    .selectAll('plan_templates')
    .select('creator.name as creator_name');
}

type TemplateRow = PlanTemplateTable & { creator_name: string | null };

/** Admins manage every template; people manage the ones they made. Built-ins are the admins'. */
export const canEditTemplate = (actor: Actor, row: Pick<PlanTemplateTable, 'builtin_key' | 'created_by_id'>) =>
  actor.role === 'admin' || (row.builtin_key === null && row.created_by_id === actor.id);

export function presentTemplate(row: TemplateRow, actor: Actor): PlanTemplate {
  const content = JSON.parse(row.content) as TemplateContent;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: row.builtin_key !== null,
    lengthDays: row.length_days,
    milestones: content.milestones,
    commitments: content.commitments,
    createdBy: row.created_by_id ? { id: row.created_by_id, name: row.creator_name ?? '' } : null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEdit: canEditTemplate(actor, row) },
  };
}

export async function findTemplate(scope: Scope, actor: Actor, id: string): Promise<PlanTemplate | undefined> {
  const row = await selectTemplates(scope).where('plan_templates.id', '=', id).executeTakeFirst();
  return row && presentTemplate(row, actor);
}

/** Active templates by name. */
export async function listTemplates(scope: Scope, actor: Actor, query: { limit: number; cursor?: string }) {
  const q = selectTemplates(scope).where('plan_templates.archived_at', 'is', null);
  const rows = await keyset(q, { column: 'plan_templates.name', idColumn: 'plan_templates.id', descending: false, cursor: query.cursor, limit: query.limit }).execute();
  return toPage(rows, query.limit, (r) => [r.name, r.id], (r) => presentTemplate(r, actor));
}

/** Normalises content to the stored shape: every optional field present. */
export function normaliseContent(content: {
  milestones: { title: string; due?: TemplateContent['milestones'][number]['due'] }[];
  commitments: (Partial<TemplateContent['commitments'][number]> & Pick<TemplateContent['commitments'][number], 'side' | 'title' | 'due'>)[];
}): TemplateContent {
  return {
    milestones: content.milestones.map((m) => ({ title: m.title, due: m.due ?? null })),
    commitments: content.commitments.map((c) => ({
      milestoneIndex: c.milestoneIndex ?? null,
      side: c.side,
      role: c.role ?? null,
      title: c.title,
      detail: c.detail ?? null,
      mustDo: c.mustDo ?? false,
      internalOnly: c.side === 'seller' && (c.internalOnly ?? false),
      due: c.due,
    })),
  };
}

/**
 * Gives a workspace the built-in templates it does not have yet (safe to call again). Sign-up calls
 * it for new workspaces; a migration did it for the ones that existed before.
 */
export async function seedBuiltInTemplates(scope: Scope): Promise<void> {
  const have = new Set(
    (await scope.selectFrom('plan_templates').select('builtin_key').where('plan_templates.builtin_key', 'is not', null).execute()).map((r) => r.builtin_key),
  );
  const now = nowIso();
  const rows = BUILTIN_TEMPLATES.filter((t) => !have.has(t.key)).map((t) => ({
    id: newId(),
    name: t.name,
    description: t.description,
    builtin_key: t.key,
    length_days: t.lengthDays,
    content: JSON.stringify(normaliseContent(t)),
    created_by_id: null,
    archived_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  if (rows.length === 0) return;
  await scope.insert('plan_templates', rows);
  await audit(
    scope,
    null,
    rows.map((r) => ({ entityType: 'plan_template' as const, entityId: r.id, action: 'create' as const, before: null, after: { name: r.name, builtin_key: r.builtin_key } })),
  );
}
