import { z } from 'zod';
import { Id, Instant, Version, moveFields, needsBasis, requiredText } from './common.js';

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
    ...moveFields('stages', 'stage', 'GET /stages'),
    archived: z.boolean().optional(),
    version: Version.optional(),
  })
  .superRefine(needsBasis);
export type UpdateStageBody = z.infer<typeof UpdateStageBody>;
