import type { App } from '../../core/http.js';

export function contactRoutes(app: App): void {
  void app;
}
