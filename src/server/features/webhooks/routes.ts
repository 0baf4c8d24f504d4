import { webhooksApi } from '../../../shared/routes/webhooks.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { createEndpoint, deleteEndpoint, getDelivery, getEndpoint, listDeliveries, listEndpoints, retryDelivery, rotateSecret, sendTest, updateEndpoint } from './service.js';

const admin = { permission: { role: 'admin' } } as const;

/** Signed webhooks: admins only. */
export function webhookRoutes(app: App): void {
  const rules = { allowPrivate: app.config.webhooks.allowPrivate };

  route(app, webhooksApi.listWebhookEndpoints, admin, async (req) => listEndpoints(ctx(req).scope, req.query));
  route(app, webhooksApi.createWebhookEndpoint, admin, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return reply.code(201).send(await createEndpoint({ scope, actor, input: req.body, rules }));
  });
  route(app, webhooksApi.getWebhookEndpoint, admin, async (req) => getEndpoint(ctx(req).scope, req.params.id));
  route(app, webhooksApi.updateWebhookEndpoint, admin, async (req) => {
    const { scope, actor } = ctx(req);
    const { version, ...input } = req.body;
    return updateEndpoint({ scope, actor, id: req.params.id, input, version: expectedVersion(req, version), rules });
  });
  route(app, webhooksApi.deleteWebhookEndpoint, admin, async (req, reply) => {
    const { scope, actor } = ctx(req);
    await deleteEndpoint({ scope, actor, id: req.params.id, version: expectedVersion(req) });
    return reply.code(204).send(null);
  });
  route(app, webhooksApi.rotateWebhookSecret, admin, async (req) => {
    const { scope, actor } = ctx(req);
    return rotateSecret({ scope, actor, id: req.params.id, keepPreviousHours: req.body?.keepPreviousHours, version: expectedVersion(req, req.body?.version) });
  });
  route(app, webhooksApi.sendWebhookTest, admin, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return reply.code(202).send(await sendTest({ scope, actor, id: req.params.id }));
  });
  route(app, webhooksApi.listWebhookDeliveries, admin, async (req) => listDeliveries(ctx(req).scope, req.params.id, req.query));
  route(app, webhooksApi.getWebhookDelivery, admin, async (req) => getDelivery(ctx(req).scope, req.params.id));
  route(app, webhooksApi.retryWebhookDelivery, admin, async (req) => {
    const { scope, actor } = ctx(req);
    return retryDelivery({ scope, actor, id: req.params.id });
  });
}
