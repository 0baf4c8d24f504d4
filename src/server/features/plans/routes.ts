import type { App } from '../../core/http.js';
import { commitmentRoutes } from './commitments.routes.js';
import { guestRoutes } from './guest.routes.js';
import { insightRoutes } from './insights.routes.js';
import { milestoneRoutes } from './milestones.routes.js';
import { planRoutes } from './plans.routes.js';
import { sharingRoutes } from './sharing.routes.js';
import { templateRoutes } from './templates.routes.js';

/** Mutual plans: plans, milestones, commitments, renegotiations, reliability, Today, templates, share links, the customer's guest API and notifications. */
export function plansFeature(app: App): void {
  planRoutes(app);
  milestoneRoutes(app);
  commitmentRoutes(app);
  insightRoutes(app);
  templateRoutes(app);
  sharingRoutes(app);
  guestRoutes(app);
}
