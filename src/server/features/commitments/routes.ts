import type { App } from '../../core/http.js';
import { commitmentRoutes } from './commitments.routes.js';
import { insightRoutes } from './insights.routes.js';

/** The commitment engine's routes: commitments, Today and reliability. */
export function commitmentsFeature(app: App): void {
  commitmentRoutes(app);
  insightRoutes(app);
}
