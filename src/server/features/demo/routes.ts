import type { App } from '../../core/http.js';

export function demoRoutes(app: App): void {
  void app;
}
