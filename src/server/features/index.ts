import type { App } from '../core/http.js';
import { accountRoutes } from './accounts/routes.js';
import { authRoutes } from './auth/routes.js';

/** Every feature's routes, mounted under /api/v1. */
export function registerFeatures(app: App): void {
  authRoutes(app);
  accountRoutes(app);
}
