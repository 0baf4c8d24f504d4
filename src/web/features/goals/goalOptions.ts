import { GOAL_KIND_LABELS, GoalKind, PERIOD_PRESET_LABELS, PeriodPreset } from '../../../shared/goals';

/** Select options from the contracts' enums, in their order. */
export const GOAL_KINDS_OPTIONS = GoalKind.options.map((k) => ({ value: k, label: GOAL_KIND_LABELS[k] }));
export { GOAL_KIND_LABELS, PERIOD_PRESET_LABELS, PeriodPreset };
