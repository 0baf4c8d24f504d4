import type { App } from '../../core/http.js';

export function opportunityRoutes(app: App): void {
  void app;
}
