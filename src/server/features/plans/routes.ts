import type { App } from '../../core/http.js';
import { commitmentRoutes } from './commitments.routes.js';
import { insightRoutes } from './insights.routes.js';
import { milestoneRoutes } from './milestones.routes.js';
import { planRoutes } from './plans.routes.js';

/** Mutual plans: plans, milestones, commitments, renegotiations, reliability and Today. */
export function plansFeature(app: App): void {
  planRoutes(app);
  milestoneRoutes(app);
  commitmentRoutes(app);
  insightRoutes(app);
}
