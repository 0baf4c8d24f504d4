import { apiTokensApi as api } from '../../../shared/routes/api-tokens.js';
import { created, ctx, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { createApiToken, listApiTokens, revokeApiToken } from './service.js';

/**
 * Your API tokens. Account security: a signed-in session only (`sessionOnly`), so a token — even a
 * read-and-write one — can neither make more tokens nor revoke any.
 */
export function apiTokenRoutes(app: App): void {
  route(app, api.listApiTokens, { permission: 'signedIn', sessionOnly: true }, async (req) => {
    const { scope, actor } = ctx(req);
    return listApiTokens(scope, actor);
  });

  route(app, api.createApiToken, { permission: 'signedIn', sessionOnly: true }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return created(reply, await createApiToken(scope, actor, req.body));
  });

  route(app, api.revokeApiToken, { permission: 'signedIn', sessionOnly: true }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    await revokeApiToken(scope, actor, req.params.id);
    return reply.code(204).send(null);
  });
}
