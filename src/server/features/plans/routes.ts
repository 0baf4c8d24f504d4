import type { App } from '../../core/http.js';
import { layoutRoutes } from './layout.routes.js';
import { milestoneRoutes } from './milestones.routes.js';
import { planRoutes } from './plans.routes.js';

/**
 * Mutual plans: the plan, its milestones and its layout. What is on a plan lives beside it:
 * commitments (the engine, Today, reliability) in ../commitments, new dates in ../renegotiations,
 * share links and the customer's guest API in ../sharing, plan templates in ../templates.
 */
export function plansFeature(app: App): void {
  planRoutes(app);
  milestoneRoutes(app);
  layoutRoutes(app);
}
