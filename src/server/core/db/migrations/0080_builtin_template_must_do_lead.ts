import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * A plan made from a template is not "at risk" in its first minute: no must-do is due less than 3
 * days after the start. The built-in templates now say so, but the copies stored earlier — by
 * 0017_builtin_plan_templates, and by sign-ups before the rule — can still put a must-do sooner
 * ("Enterprise evaluation": the written summary at start + 2). Plan creation moves such a date and
 * says so, but the template itself should not need moving: this rewrites those offsets to 3 days
 * after the start, in built-in templates only (a `builtin_key`). Templates people made are theirs and
 * stay as they are. Each rewrite is a new version of the template, with history by "Advance".
 * Self-contained: the rule is copied here, so later code changes never change what this did.
 */
const MUST_DO_LEAD_DAYS = 3;

type Due = { anchor: 'start' | 'target'; days: number } | null;
type Content = { milestones: unknown[]; commitments: { mustDo?: boolean; due: Due }[] };

/** A UUIDv7 like the application's ids (time-ordered), without importing application code. */
function uuidv7(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Db = Kysely<{
  plan_templates: { id: string; workspace_id: string; builtin_key: string | null; length_days: number; content: string; version: number; updated_at: string };
  audit_events: {
    id: string; workspace_id: string; actor_id: string | null; actor_name: string; entity_type: string; entity_id: string;
    action: string; changes: string; occurred_at: string;
  };
}>;

/** The content with every must-do due at least MUST_DO_LEAD_DAYS after the start; null when none was sooner. */
function withMustDoLead(content: Content, lengthDays: number): Content | null {
  let changed = false;
  const commitments = content.commitments.map((c) => {
    if (!c.mustDo || !c.due) return c;
    // A target offset counts from the template's length: target = start + lengthDays.
    const fromStart = c.due.anchor === 'start' ? c.due.days : lengthDays + c.due.days;
    if (fromStart >= MUST_DO_LEAD_DAYS) return c;
    changed = true;
    const days = c.due.anchor === 'start' ? MUST_DO_LEAD_DAYS : MUST_DO_LEAD_DAYS - lengthDays;
    return { ...c, due: { anchor: c.due.anchor, days } };
  });
  return changed ? { ...content, commitments } : null;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const kdb = db as unknown as Db;
  const rows = await kdb
    .selectFrom('plan_templates')
    .select(['id', 'workspace_id', 'length_days', 'content', 'version'])
    .where('builtin_key', 'is not', null)
    .orderBy('id')
    .execute();
  const now = new Date();
  const at = now.toISOString();
  let n = 0;
  for (const row of rows) {
    const next = withMustDoLead(JSON.parse(row.content) as Content, row.length_days);
    if (!next) continue;
    const content = JSON.stringify(next);
    await kdb
      .updateTable('plan_templates')
      .set({ content, version: row.version + 1, updated_at: at })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .execute();
    await kdb
      .insertInto('audit_events')
      .values({
        id: uuidv7(now.getTime() + n++),
        workspace_id: row.workspace_id,
        actor_id: null,
        actor_name: 'Advance',
        entity_type: 'plan_template',
        entity_id: row.id,
        action: 'update',
        changes: JSON.stringify({ content: { before: row.content, after: content } }),
        occurred_at: at,
      })
      .execute();
  }
}
