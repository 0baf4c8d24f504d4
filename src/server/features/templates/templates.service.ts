import type { CreatePlanBody, DateAdjustment } from '../../../shared/plans.js';
import { layOutTemplateDates } from '../../../domain/template-dates.js';
import type { CreatePlanTemplateBody, DueOffset, PlanTemplate, SavePlanAsTemplateBody, TemplateContent } from '../../../shared/plan-templates.js';
import { TEMPLATE_LENGTH_MAX_DAYS } from '../../../shared/plan-templates.js';
import { isCalendarDate, LAST_CALENDAR_YEAR } from '../../../shared/common.js';
import { addDays, daysBetween, todayIn } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertVersionRead, updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { planAccess } from '../plans/access.js';
import { insertCommitments, type NewCommitment } from '../commitments/engine.js';
import { planSubject } from '../commitments/subjects.js';
import { insertPlan, type Op } from '../plans/plans.service.js';
import { findTemplate, normaliseContent } from './templates.js';

async function present(scope: Scope, actor: Actor, id: string): Promise<PlanTemplate> {
  const t = await findTemplate(scope, actor, id);
  if (!t) throw notFound('Plan template');
  return t;
}

async function insertTemplate(tx: Scope, actor: Actor, fields: { name: string; description: string | null; lengthDays: number; content: TemplateContent }): Promise<string> {
  const now = nowIso();
  const row = {
    id: newId(),
    name: fields.name,
    description: fields.description,
    builtin_key: null,
    length_days: fields.lengthDays,
    content: JSON.stringify(fields.content),
    created_by_id: actor.id,
    archived_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.insert('plan_templates', row);
  await audit(tx, actor, { entityType: 'plan_template', entityId: row.id, action: 'create', before: null, after: row });
  return row.id;
}

export async function createTemplate({ scope, actor, input }: Op<{ input: CreatePlanTemplateBody }>): Promise<PlanTemplate> {
  return scope.transaction(async (tx) => {
    const id = await insertTemplate(tx, actor, { name: input.name, description: input.description ?? null, lengthDays: input.lengthDays, content: normaliseContent(input) });
    return present(tx, actor, id);
  });
}

export async function archiveTemplate({ scope, actor, id, version }: Op<{ id: string; version: number | undefined }>): Promise<PlanTemplate> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('plan_templates').selectAll('plan_templates').where('plan_templates.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Plan template');
    await assertVersionRead(row, version, () => present(tx, actor, id));
    if (row.archived_at) return present(tx, actor, id);
    const archivedAt = nowIso();
    if (!(await updateAtVersion(tx, 'plan_templates', id, row.version, { archived_at: archivedAt }))) throw conflict(await present(tx, actor, id));
    await audit(tx, actor, { entityType: 'plan_template', entityId: id, action: 'archive', before: { archived_at: null }, after: { archived_at: archivedAt } });
    return present(tx, actor, id);
  });
}

const clampDays = (days: number) => Math.max(-TEMPLATE_LENGTH_MAX_DAYS, Math.min(TEMPLATE_LENGTH_MAX_DAYS, days));

/**
 * A template from a plan: its milestones and open or done commitments in order, each date as days
 * from the plan's start (or, without one, its target date). Customer-side owners become their role,
 * never their name: a template is shared across the workspace and its customers.
 */
export async function saveAsTemplate({ scope, actor, planId, input }: Op<{ planId: string; input: SavePlanAsTemplateBody }>): Promise<PlanTemplate> {
  return scope.transaction(async (tx) => {
    await planAccess(tx, actor, planId);
    const plan = await tx.selectFrom('plans').selectAll('plans').where('plans.id', '=', planId).executeTakeFirstOrThrow();
    const [milestones, commitments] = await Promise.all([
      tx.selectFrom('plan_milestones').selectAll('plan_milestones').where('plan_milestones.plan_id', '=', planId).where('plan_milestones.archived_at', 'is', null).orderBy('position').orderBy('id').execute(),
      tx.selectFrom('commitments').selectAll('commitments').where('commitments.plan_id', '=', planId).where('commitments.status', '!=', 'dropped').orderBy('position').orderBy('id').execute(),
    ]);
    const anchor: DueOffset['anchor'] = plan.start_date ? 'start' : 'target';
    const anchorDate = plan.start_date ?? plan.target_date;
    const offset = (date: string): DueOffset => ({ anchor, days: clampDays(daysBetween(anchorDate, date)) });
    const index = new Map(milestones.map((m, i) => [m.id, i]));
    const content: TemplateContent = {
      milestones: milestones.map((m) => ({ title: m.title, due: m.due_date ? offset(m.due_date) : null })),
      commitments: commitments.map((c) => ({
        milestoneIndex: c.milestone_id ? (index.get(c.milestone_id) ?? null) : null,
        side: c.side,
        role: c.role ?? (c.side === 'customer' ? 'Customer contact' : null),
        title: c.title,
        detail: c.detail,
        mustDo: c.must_do === 1,
        internalOnly: c.internal_only === 1,
        due: offset(c.due_date),
      })),
    };
    const from = plan.start_date ?? plan.created_at.slice(0, 10);
    const lengthDays = Math.min(TEMPLATE_LENGTH_MAX_DAYS, Math.max(1, daysBetween(from, plan.target_date)));
    const id = await insertTemplate(tx, actor, { name: input.name, description: input.description ?? null, lengthDays, content });
    return present(tx, actor, id);
  });
}

/**
 * A new plan laid out from a template: dates follow from the start date (default: today for the
 * person creating it) and the target date (default: start + the template's length). Seller-side
 * commitments go to the deal's owner and customer-side ones to their role, until someone is named.
 */
export async function createPlanFromTemplate(
  tx: Scope,
  actor: Actor,
  opts: { opportunityId: string; ownerId: string; ownerTimeZone: string; defaultTimeZone: string; templateId: string; fields: Omit<CreatePlanBody, 'templateId'> },
): Promise<{ planId: string; adjustments: DateAdjustment[] }> {
  const template = await tx
    .selectFrom('plan_templates')
    .selectAll('plan_templates')
    .where('plan_templates.id', '=', opts.templateId)
    .where('plan_templates.archived_at', 'is', null)
    .executeTakeFirst();
  if (!template) throw invalid('templateId', 'Choose a plan template of this workspace.');
  const content = JSON.parse(template.content) as TemplateContent;
  const startDate = opts.fields.startDate ?? todayIn(actor.timeZone, new Date());
  const targetDate = opts.fields.targetDate ?? addDays(startDate, template.length_days);
  // Counted from a start near the end of the calendar, the template's days can step past it.
  if (!isCalendarDate(targetDate)) {
    throw invalid('startDate', `This template’s plan runs ${template.length_days} days and would end after ${LAST_CALENDAR_YEAR}: choose an earlier start date.`);
  }
  const planId = await insertPlan(tx, actor, opts.opportunityId, opts.defaultTimeZone, { ...opts.fields, title: opts.fields.title ?? template.name, startDate, targetDate });
  // Fair dates: never before today where each is judged, and no must-do within 3 days of the start.
  const at = new Date();
  const todayFor = (side: 'seller' | 'customer' | null) =>
    todayIn(side === 'customer' ? (opts.fields.customerTimeZone ?? opts.defaultTimeZone) : side === 'seller' ? opts.ownerTimeZone : actor.timeZone, at);
  const layout = layOutTemplateDates({
    startDate,
    targetDate,
    items: [
      ...content.milestones.map((m) => ({ kind: 'milestone' as const, title: m.title, due: m.due, mustDo: false, today: todayFor(null) })),
      ...content.commitments.map((c) => ({ kind: 'commitment' as const, title: c.title, due: c.due, mustDo: c.mustDo, today: todayFor(c.side) })),
    ],
  });
  if (layout.dates.some((date) => date !== null && !isCalendarDate(date))) {
    throw invalid(opts.fields.targetDate ? 'targetDate' : 'startDate', `This template would put some dates after ${LAST_CALENDAR_YEAR}: choose earlier dates.`);
  }
  const milestoneDates = layout.dates.slice(0, content.milestones.length);
  const commitmentDates = layout.dates.slice(content.milestones.length);
  const now = nowIso();

  const milestoneIds = content.milestones.map(() => newId());
  const milestones = content.milestones.map((m, position) => ({
    id: milestoneIds[position],
    plan_id: planId,
    title: m.title,
    due_date: milestoneDates[position] ?? null,
    position,
    archived_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  await tx.insert('plan_milestones', milestones);
  await audit(tx, actor, milestones.map((m) => ({ entityType: 'milestone' as const, entityId: m.id, action: 'create' as const, before: null, after: m })));
  await insertCommitments(
    tx,
    actor,
    planSubject(planId),
    content.commitments.map((c, position): NewCommitment => ({
      side: c.side,
      owner_user_id: c.side === 'seller' ? opts.ownerId : null,
      owner_contact_id: null,
      owner_name: c.side === 'customer' ? (c.role ?? 'Customer contact') : null,
      owner_email: null,
      milestoneId: c.milestoneIndex !== null ? (milestoneIds[c.milestoneIndex] ?? null) : null,
      role: c.role,
      title: c.title,
      detail: c.detail,
      dueDate: commitmentDates[position] ?? startDate,
      mustDo: c.mustDo,
      internalOnly: c.internalOnly,
    })),
    { now, touch: false },
  );
  return { planId, adjustments: layout.adjustments };
}
