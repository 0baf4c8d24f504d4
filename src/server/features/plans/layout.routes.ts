import { commitmentsApi } from '../../../shared/routes/commitments.js';
import { route } from '../../core/route.js';
import { ctx, type App } from '../../core/http.js';
import { setPlanLayout } from './layout.service.js';

export function layoutRoutes(app: App): void {
  route(app, commitmentsApi.setPlanLayout, { permission: { owns: 'plan' } }, async (req) =>
    setPlanLayout({ ...ctx(req), planId: req.params.id, input: req.body }),
  );
}
