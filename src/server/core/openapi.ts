import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { App } from './http.js';
import { withPermission } from './permissions.js';

/** `/api/openapi.json` (OpenAPI 3.1) and `/api/docs`, generated from the zod contracts routes declare. */
export async function registerApiDocs(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Advance API',
        version: '1',
        description:
          'Mutual plans, call outcomes, goals and process coaching for B2B sales teams. JSON under /api/v1; ' +
          'errors always have the shape {"error": {"code", "message", "details": [{"path", "message"}], "requestId"}}.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'advance_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The docs are public on purpose (the API is documented for integrators): every route the UI
  // plugin registers is marked so.
  await app.register(async (docs) => {
    withPermission(docs as unknown as App, 'public');
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      staticCSP: false,
    });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
}
