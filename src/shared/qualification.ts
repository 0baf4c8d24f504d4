import { z } from 'zod';
import { CalendarDate, Id, Instant, Money, Permissions, Version, moveFields, needsBasis, optionalText, requiredText } from './common.js';

/**
 * Qualifying a deal: the workspace's sweet-spot criteria and stage gate, and each opportunity's
 * fit, commitment to change, cost of inaction and compelling event (method part 3).
 */

export const CHANGE_COMMITMENTS = ['none', 'stated', 'evidenced'] as const;
export const ChangeCommitment = z.enum(CHANGE_COMMITMENTS);
export type ChangeCommitment = z.infer<typeof ChangeCommitment>;

export const CHANGE_COMMITMENT_LABELS: Record<ChangeCommitment, string> = {
  none: 'None yet',
  stated: 'Stated',
  evidenced: 'Evidenced',
};

export const CRITERION_ANSWERS = ['met', 'not_met', 'unknown'] as const;
export const CriterionAnswer = z.enum(CRITERION_ANSWERS);
export type CriterionAnswer = z.infer<typeof CriterionAnswer>;

export const CRITERION_ANSWER_LABELS: Record<CriterionAnswer, string> = { met: 'Met', not_met: 'Not met', unknown: 'Unknown' };

export const CRITERION_LABEL_MAX = 200;
export const EVIDENCE_MAX = 2000;
export const COST_OF_INACTION_MAX = 2000;
export const COMPELLING_EVENT_MAX = 500;
export const SAID_BY_NAME_MAX = 200;

// ---- The workspace's sweet-spot criteria (admins) ----

export const SweetSpotCriterion = z
  .object({ id: Id, label: z.string(), position: z.number().int(), archivedAt: Instant.nullable(), version: Version })
  .meta({ id: 'SweetSpotCriterion' });
export type SweetSpotCriterion = z.infer<typeof SweetSpotCriterion>;

export const SweetSpotCriterionList = z.object({ data: z.array(SweetSpotCriterion) }).meta({ id: 'SweetSpotCriterionList' });
export type SweetSpotCriterionList = z.infer<typeof SweetSpotCriterionList>;

export const CreateSweetSpotCriterionBody = z.strictObject({ label: requiredText(CRITERION_LABEL_MAX, 'The criterion') }).meta({ id: 'CreateSweetSpotCriterionBody' });
export type CreateSweetSpotCriterionBody = z.infer<typeof CreateSweetSpotCriterionBody>;

export const UpdateSweetSpotCriterionBody = z
  .strictObject({
    label: requiredText(CRITERION_LABEL_MAX, 'The criterion').optional(),
    ...moveFields('criteria', 'criterion', 'GET /sweet-spot-criteria'),
    archived: z.boolean().optional(),
    version: Version.optional(),
  })
  .superRefine(needsBasis)
  .meta({ id: 'UpdateSweetSpotCriterionBody' });
export type UpdateSweetSpotCriterionBody = z.infer<typeof UpdateSweetSpotCriterionBody>;

// ---- The workspace's stage gate (admins) ----

export const StageGate = z
  .object({
    /** The stage from which an evidenced commitment to change is needed; null when the gate is off. */
    stage: z.object({ id: Id, name: z.string(), position: z.number().int(), archivedAt: Instant.nullable() }).nullable(),
    /** The workspace's version: the gate is a workspace setting. */
    version: Version,
  })
  .meta({ id: 'StageGate' });
export type StageGate = z.infer<typeof StageGate>;

export const UpdateStageGateBody = z
  .strictObject({ stageId: Id.nullable(), version: Version.optional() })
  .meta({ id: 'UpdateStageGateBody', description: 'An active stage of the workspace, or null to turn the gate off.' });
export type UpdateStageGateBody = z.infer<typeof UpdateStageGateBody>;

// ---- An opportunity's qualification ----

export const CriterionFit = z.object({
  criterionId: Id,
  label: z.string(),
  /** An archived criterion is listed only while this deal has an answer to it. */
  archived: z.boolean(),
  answer: CriterionAnswer,
});
export type CriterionFit = z.infer<typeof CriterionFit>;

export const OpportunityQualification = z
  .object({
    /** The opportunity's id and version: qualifying a deal changes the deal. */
    id: Id,
    version: Version,
    /** The deal's currency: the cost of inaction per month is in it. */
    currency: z.string(),
    criteria: z.array(CriterionFit),
    changeCommitment: ChangeCommitment,
    changeEvidence: z.string().nullable(),
    changeSaidByContact: z.object({ id: Id, name: z.string() }).nullable(),
    changeSaidByName: z.string().nullable(),
    changeSaidOn: CalendarDate.nullable(),
    costOfInaction: z.string().nullable(),
    costPerMonth: Money.nullable(),
    compellingEvent: z.string().nullable(),
    compellingEventDate: CalendarDate.nullable(),
    /** The workspace's gate, and whether this deal's stage is at or past it. */
    stageGate: z.object({ stage: z.object({ id: Id, name: z.string() }), reached: z.boolean() }).nullable(),
    permissions: Permissions,
  })
  .meta({ id: 'OpportunityQualification' });
export type OpportunityQualification = z.infer<typeof OpportunityQualification>;

export const UpdateQualificationBody = z
  .strictObject({
    /** Answers to change; `unknown` clears one. */
    criteria: z.array(z.strictObject({ criterionId: Id, answer: CriterionAnswer })).max(100).optional(),
    changeCommitment: ChangeCommitment.optional(),
    changeEvidence: optionalText(EVIDENCE_MAX),
    /** Who said it: a contact of the deal's account, or a name — setting one clears the other. */
    changeSaidByContactId: Id.nullable().optional(),
    changeSaidByName: optionalText(SAID_BY_NAME_MAX),
    changeSaidOn: CalendarDate.nullable().optional(),
    costOfInaction: optionalText(COST_OF_INACTION_MAX),
    costPerMonth: Money.nullable().optional(),
    compellingEvent: optionalText(COMPELLING_EVENT_MAX),
    compellingEventDate: CalendarDate.nullable().optional(),
    version: Version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.changeSaidByContactId && v.changeSaidByName) {
      ctx.addIssue({ code: 'custom', path: ['changeSaidByName'], message: 'Choose a contact or type a name, not both.' });
    }
    const seen = new Set<string>();
    v.criteria?.forEach((c, i) => {
      if (seen.has(c.criterionId)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'criterionId'], message: 'Answer each criterion once.' });
      seen.add(c.criterionId);
    });
  })
  .meta({ id: 'UpdateQualificationBody' });
export type UpdateQualificationBody = z.infer<typeof UpdateQualificationBody>;
