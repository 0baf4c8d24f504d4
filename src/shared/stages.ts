import { z } from 'zod';
import { Id, Instant, Version, requiredText } from './common.js';

/** A move (`position`) is made from the order its author read: without it, 400 naming `basis`. */
export const MOVE_NEEDS_BASIS = 'Send the order you read (`basis`: the ids of the whole list, in order) with the new position.';

/** The stages a new workspace starts with; admins can rename, reorder, add and archive them. */
export const DEFAULT_STAGES = ['Qualify', 'Discover', 'Solution fit', 'Proposal', 'Negotiate', 'Commit'] as const;

export const Stage = z
  .object({
    id: Id,
    name: z.string(),
    position: z.number().int(),
    archivedAt: Instant.nullable(),
    version: Version,
  })
  .meta({ id: 'Stage' });
export type Stage = z.infer<typeof Stage>;

export const StageList = z.object({ data: z.array(Stage) }).meta({ id: 'StageList' });
export type StageList = z.infer<typeof StageList>;

export const CreateStageBody = z.strictObject({ name: requiredText(80, 'Name') });
export type CreateStageBody = z.infer<typeof CreateStageBody>;

export const UpdateStageBody = z
  .strictObject({
    name: requiredText(80, 'Name').optional(),
    position: z.number().int().min(0).max(1000).optional().meta({ description: 'The new place among all the stages, archived ones too (0 = first; past the end = last). Needs `basis`.' }),
    basis: z
      .array(Id)
      .max(1001)
      .optional()
      .meta({
        description:
          'With `position`: the ids of every stage, archived ones too, in the order you read them (GET /stages). If the stages are no longer in that order (someone moved or added one meanwhile), nothing moves and the answer is 409 with the stage as it now is.',
      }),
    archived: z.boolean().optional(),
    version: Version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.position !== undefined && v.basis === undefined) ctx.addIssue({ code: 'custom', path: ['basis'], message: MOVE_NEEDS_BASIS });
  });
export type UpdateStageBody = z.infer<typeof UpdateStageBody>;
