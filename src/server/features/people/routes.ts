import type { App } from '../../core/http.js';

export function peopleRoutes(app: App): void {
  void app;
}
