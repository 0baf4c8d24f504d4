import { z } from 'zod';
import { FOCUS_FLAGS } from '../domain/focus.js';

/**
 * The flags a chased deal can carry (src/domain/focus.ts has the rules). Their ids are stable: the
 * opportunity list filters on them (`?flag=no_advance_streak`, or `?flag=any`) and integrations and
 * the benchmark name them.
 */
export const FocusFlagId = z.enum(FOCUS_FLAGS).meta({ id: 'FocusFlagId' });
export type FocusFlagId = z.infer<typeof FocusFlagId>;

export { FOCUS_FLAG_LABELS } from './labels.js';

/** A flag's id, or `any`: the opportunity list's filter. */
export const FLAG_FILTERS = [...FOCUS_FLAGS, 'any'] as const;
export const FlagFilter = z.enum(FLAG_FILTERS);
export type FlagFilter = z.infer<typeof FlagFilter>;

export const FocusFlag = z
  .object({
    id: FocusFlagId,
    /** Why, in plain words, e.g. "3 calls in a row without an advance". */
    reason: z.string(),
  })
  .meta({ id: 'FocusFlag' });
export type FocusFlag = z.infer<typeof FocusFlag>;
