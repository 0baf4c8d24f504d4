import { DEFAULT_CHECK_IN_QUESTIONS, type CheckInQuestion, type CheckInTemplate, type UpdateCheckInTemplateBody } from '../../../shared/check-ins.js';
import { foldText } from '../../../domain/search-text.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, invalid } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';

/**
 * The workspace's check-in questions. Until an admin edits them the built-in ones apply (version 0,
 * no row); the first edit writes the row at version 1, later ones from the version read (409 with the
 * current questions otherwise). A check-in copies the questions when it is opened, so editing them
 * never rewrites a check-in already opened.
 */

export function parseQuestions(raw: string): CheckInQuestion[] {
  return JSON.parse(raw) as CheckInQuestion[];
}

/** The questions a check-in opened now asks. */
export async function currentQuestions(scope: Scope): Promise<CheckInQuestion[]> {
  const row = await scope.selectFrom('check_in_templates').select('questions').executeTakeFirst();
  return row ? parseQuestions(row.questions) : DEFAULT_CHECK_IN_QUESTIONS.map((q) => ({ ...q }));
}

export async function getTemplate(scope: Scope, actor: Actor): Promise<CheckInTemplate> {
  const row = await scope
    .selectFrom('check_in_templates')
    .leftJoin('users as by', 'by.id', 'check_in_templates.updated_by_id')
    .selectAll('check_in_templates')
    .select(['by.name as by_name'])
    .executeTakeFirst();
  const permissions = { canEdit: actor.role === 'admin' };
  if (!row) return { questions: DEFAULT_CHECK_IN_QUESTIONS.map((q) => ({ ...q })), version: 0, updatedAt: null, updatedBy: null, permissions };
  return {
    questions: parseQuestions(row.questions),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_id ? { id: row.updated_by_id, name: row.by_name ?? '' } : null,
    permissions,
  };
}

/** An id for a new question from its first words ("What did you learn?" → "what-did-you-learn"), unique among `taken`. */
function idFor(text: string, taken: Set<string>): string {
  const base = foldText(text).replace(/[^a-z0-9]+/g, ' ').split(' ').filter(Boolean).slice(0, 5).join('-').slice(0, 32).replace(/-+$/, '') || 'question';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export async function updateTemplate({ scope, actor, input }: { scope: Scope; actor: Actor; input: UpdateCheckInTemplateBody }): Promise<CheckInTemplate> {
  return scope.transaction(async (tx) => {
    const current = await tx.selectFrom('check_in_templates').selectAll('check_in_templates').executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw conflict(await getTemplate(tx, actor));
    const given = input.questions.flatMap((q) => (q.id ? [q.id] : []));
    const twice = given.find((id, i) => given.indexOf(id) !== i);
    if (twice) throw invalid(`questions.${given.lastIndexOf(twice)}.id`, 'Each question has its own id.');
    const taken = new Set(given);
    const questions = input.questions.map((q) => ({ id: q.id ?? idFor(q.text, taken), text: q.text }));
    const json = JSON.stringify(questions);
    const before = current ? current.questions : JSON.stringify(DEFAULT_CHECK_IN_QUESTIONS);
    if (json === before && current) return getTemplate(tx, actor);
    const now = nowIso();
    if (!current) {
      const id = newId();
      // Two admins saving the first edit at once: the unique workspace_id lets one through; the other gets 409.
      const inserted = await tx
        .insertRow('check_in_templates', { id, questions: json, updated_by_id: actor.id, version: 1, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('workspace_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict(await getTemplate(tx, actor));
      await audit(tx, actor, { entityType: 'check_in_template', entityId: id, action: 'create', before: { questions: before }, after: { questions: json } });
    } else {
      if (!(await updateAtVersion(tx, 'check_in_templates', current.id, current.version, { questions: json, updated_by_id: actor.id }))) throw conflict(await getTemplate(tx, actor));
      await audit(tx, actor, { entityType: 'check_in_template', entityId: current.id, action: 'update', before: { questions: before }, after: { questions: json } });
    }
    return getTemplate(tx, actor);
  });
}

/** Refuses answers to questions the check-in does not ask. */
export function checkAnswerIds(questions: readonly CheckInQuestion[], answers: readonly { questionId: string }[]): void {
  const asked = new Set(questions.map((q) => q.id));
  answers.forEach((a, i) => {
    if (!asked.has(a.questionId)) throw invalid(`answers.${i}.questionId`, 'Answer a question this check-in asks.');
  });
}
