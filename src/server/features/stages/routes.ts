import type { App } from '../../core/http.js';

export function stageRoutes(app: App): void {
  void app;
}
