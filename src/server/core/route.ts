import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContract } from '../../shared/routes/define.js';
import type { App } from './http.js';
import type { Permission } from './permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract the route was registered from (src/shared/routes): the API document reads it. */
    contract?: RouteContract;
  }
}

const NoQuery = z.strictObject({});

type Field<C, K extends string> = C extends { readonly [P in K]: infer S } ? S : undefined;

/** The Fastify schema a contract stands for, so handlers get typed params, query, body and reply. */
type SchemaOf<C extends RouteContract> = {
  params: Field<C, 'params'>;
  querystring: Field<C, 'query'>;
  body: Field<C, 'body'>;
  response: C['response'];
};

export type ContractHandler<C extends RouteContract> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<C>,
  ZodTypeProvider,
  FastifyBaseLogger
>;

export type RouteOptions = {
  /** Who may call it (core/permissions.ts); also decides the operation's `security` in the API document. */
  permission: Permission;
  /** Path parameters that are secrets (share tokens): never logged (core/route-rules.ts). */
  secretParams?: readonly string[];
  /** The largest body this route takes, in bytes, when it is not the app's 1 MB (a CSV upload). */
  bodyLimit?: number;
  /** Account security (API tokens, signing out): a signed-in session only; every API token gets 403 (core/permissions.ts). */
  sessionOnly?: true;
  /** The session lookup also reads what `GET /session` shows of the person (req.profile), in the same query. */
  withProfile?: true;
};

/**
 * Registers one operation from its contract: method, path (relative to the context's prefix),
 * validation and response schemas, and what the API document says about it. Every API route is
 * registered through here, so the document, the server and the web client cannot drift apart.
 */
export function route<C extends RouteContract>(app: App, contract: C, options: RouteOptions, handler: ContractHandler<C>): void {
  if (!contract.path.startsWith(`${app.prefix}/`)) {
    throw new Error(`${contract.operationId}: ${contract.path} is not under this context's prefix ${app.prefix}`);
  }
  const schema: FastifySchema & Record<string, unknown> = {
    operationId: contract.operationId,
    summary: contract.summary,
    tags: [...contract.tags],
    response: contract.response,
  };
  if (contract.description) schema.description = contract.description;
  if (contract.params) schema.params = contract.params;
  // A route without a query contract takes no parameters, as one without a body contract takes no
  // body (core/router-errors.ts): an unknown parameter is refused by name, never silently ignored.
  schema.querystring = contract.query ?? NoQuery;
  if (contract.body) schema.body = contract.body;
  app.route({
    method: contract.method,
    url: contract.path.slice(app.prefix.length),
    schema,
    config: {
      permission: options.permission,
      contract,
      ...(options.secretParams ? { secretParams: options.secretParams } : {}),
      ...(options.sessionOnly ? { sessionOnly: true } : {}),
      ...(options.withProfile ? { withProfile: true } : {}),
    },
    handler: handler as RouteHandlerMethod,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
  });
}
