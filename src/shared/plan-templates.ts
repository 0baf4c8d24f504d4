import { z } from 'zod';
import { Id, Instant, Permissions, UserRef, Version, listQueryBase, optionalText, page, requiredText } from './common.js';
import { COMMITMENT_DETAIL_MAX, COMMITMENT_TITLE_MAX, CommitmentSide } from './commitments.js';
import { MILESTONE_TITLE_MAX } from './plans.js';

/**
 * Workspace plan templates: milestones and commitments with a side, a role placeholder ("Security
 * lead") and a due date given as days from the plan's start or target date.
 */

export const DateAnchor = z.enum(['start', 'target']);
export type DateAnchor = z.infer<typeof DateAnchor>;

/** Days from the plan's start or target date (negative: before it). */
export const DueOffset = z.object({
  anchor: DateAnchor,
  days: z.number().int().min(-730).max(730),
});
export type DueOffset = z.infer<typeof DueOffset>;
/** A due offset as a template's author writes it: strict, like every input (a key it does not take is refused, never dropped). */
const DueOffsetInput = z.strictObject(DueOffset.shape);

export const TemplateMilestone = z.strictObject({
  title: requiredText(MILESTONE_TITLE_MAX, 'Title'),
  due: DueOffsetInput.nullable().optional(),
});

export const TemplateCommitment = z.strictObject({
  /** Index into the template's milestones; null or absent: no milestone. */
  milestoneIndex: z.number().int().min(0).nullable().optional(),
  side: CommitmentSide,
  /** Who takes it on, as a role: "Solutions engineer", "Security lead". */
  role: optionalText(120),
  title: requiredText(COMMITMENT_TITLE_MAX, 'Title'),
  detail: optionalText(COMMITMENT_DETAIL_MAX),
  mustDo: z.boolean().optional(),
  internalOnly: z.boolean().optional(),
  due: DueOffsetInput,
});
export type TemplateCommitment = z.infer<typeof TemplateCommitment>;

export const TEMPLATE_LENGTH_MAX_DAYS = 730;

const templateFields = {
  name: requiredText(120, 'Name'),
  description: optionalText(2000),
  /** A plan made from it ends this many days after its start, unless a target date is given. */
  lengthDays: z.number().int().min(1).max(TEMPLATE_LENGTH_MAX_DAYS),
  milestones: z.array(TemplateMilestone).max(50),
  commitments: z.array(TemplateCommitment).max(100),
};

type Content = { milestones: unknown[]; commitments: { milestoneIndex?: number | null; side: string; internalOnly?: boolean }[] };

function contentRule(v: Content, ctx: z.RefinementCtx) {
  v.commitments.forEach((c, i) => {
    if (c.milestoneIndex != null && c.milestoneIndex >= v.milestones.length) {
      ctx.addIssue({ code: 'custom', path: ['commitments', i, 'milestoneIndex'], message: 'Point to one of the template’s milestones.' });
    }
    if (c.side === 'customer' && c.internalOnly) {
      ctx.addIssue({ code: 'custom', path: ['commitments', i, 'internalOnly'], message: 'Only seller-side commitments can be internal.' });
    }
  });
}

export const CreatePlanTemplateBody = z.strictObject(templateFields).superRefine(contentRule).meta({ id: 'CreatePlanTemplateBody' });
export type CreatePlanTemplateBody = z.infer<typeof CreatePlanTemplateBody>;

/** Saving a plan as a template: its milestones and commitments, dates as offsets, no customer names. */
export const SavePlanAsTemplateBody = z
  .strictObject({ name: templateFields.name, description: templateFields.description })
  .meta({ id: 'SavePlanAsTemplateBody' });
export type SavePlanAsTemplateBody = z.infer<typeof SavePlanAsTemplateBody>;

export const PlanTemplate = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    /** Shipped with Advance (enterprise evaluation, pilot to purchase, renewal). */
    builtIn: z.boolean(),
    lengthDays: z.number().int(),
    milestones: z.array(z.object({ title: z.string(), due: DueOffset.nullable() })),
    commitments: z.array(
      z.object({
        milestoneIndex: z.number().int().nullable(),
        side: CommitmentSide,
        role: z.string().nullable(),
        title: z.string(),
        detail: z.string().nullable(),
        mustDo: z.boolean(),
        internalOnly: z.boolean(),
        due: DueOffset,
      }),
    ),
    createdBy: UserRef.nullable(),
    archivedAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: Permissions,
  })
  .meta({ id: 'PlanTemplate' });
export type PlanTemplate = z.infer<typeof PlanTemplate>;

export const PlanTemplateListQuery = z.strictObject({ ...listQueryBase });
export const PlanTemplateList = page(PlanTemplate).meta({ id: 'PlanTemplateList' });
export type PlanTemplateList = z.infer<typeof PlanTemplateList>;

/** The stored content of a template (milestones and commitments), normalised. */
export type TemplateContent = Pick<PlanTemplate, 'milestones' | 'commitments'>;
