import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { routePattern } from './route-rules.js';
import { setSecurityHeaders } from './security-headers.js';

/**
 * What the router and the body parser answer before any route runs — a malformed URL, a path value
 * over the length limit, an unknown path or method, a body where none belongs or nested too deep —
 * in the one error shape, with a request id and the security headers, like every other answer.
 */

/** Deeper JSON than any contract needs is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** Sends `{ error: { code, message, details, requestId } }` with the headers every answer carries. */
export function sendError(req: FastifyRequest, reply: FastifyReply, config: Config, code: ErrorCode, message: string, details: { path: string; message: string }[] = []) {
  reply.header('x-request-id', req.id);
  setSecurityHeaders(req, reply, config);
  return reply.code(ERROR_CODES[code]).type('application/json; charset=utf-8').send({ error: { code, message, details, requestId: req.id } });
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser could not read at all (a NUL or a line
 * break in a header, headers over 16 KiB, a malformed request line). No request object exists yet,
 * so the answer is written on the socket — in the one error shape, then the connection closes.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: import('node:net').Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const code: ErrorCode = tooLarge ? 'headers_too_large' : 'validation_failed';
  const message = tooLarge ? 'The request’s headers are too large.' : 'This request could not be read: check its request line and headers (no control characters).';
  const body = JSON.stringify({ error: { code, message, details: [], requestId: randomUUID() } });
  const status = ERROR_CODES[code];
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\n' +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Fastify's `frameworkErrors`: a path that cannot be decoded, or a path value over maxParamLength. */
export function frameworkErrors(config: Config) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      return sendError(req, reply, config, 'uri_too_long', 'A value in this URL is too long.', [{ path: 'url', message: 'No record has an id or token this long.' }]);
    }
    return sendError(req, reply, config, 'validation_failed', 'This URL is not valid.', [{ path: 'url', message: 'Check the percent-encoding of the address.' }]);
  };
}

/** The depth of the deepest array or object in `text`, stopping as soon as it passes `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return max;
}

const EMPTY = /^\s*(\{\s*\})?\s*$/;

/**
 * JSON bodies: Fastify's own parser (prototype poisoning refused), after two checks. A route whose
 * contract has no body takes none — an empty object at most, which the web app sends for actions —
 * and nothing deeper than MAX_JSON_DEPTH is handed to JSON.parse.
 */
export function registerJsonParser(app: App): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    // An empty body is no body (the contract decides whether one is needed), on any route.
    if (text.trim() === '') return done(null, undefined);
    if (routePattern(req) !== null && req.routeOptions.schema?.body === undefined) {
      if (EMPTY.test(text)) return done(null, undefined);
      return done(new AppError('validation_failed', 'This request takes no body.', [{ path: 'body', message: 'Send no body.' }]));
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      return done(new AppError('invalid_json', `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`));
    }
    return parse(req, text, done);
  });
}

/**
 * Route patterns by method, to tell "no such path" (404) from "not with this method" (405, with
 * Allow). Built from the registered routes, matched against the path as the router would see it.
 */
export function methodsAllowed(routes: readonly { method: string; url: string }[]): (path: string) => string[] {
  // Compiled on first use: routes are registered after the not-found handler that asks.
  let compiled: { method: string; re: RegExp }[] | null = null;
  return (path: string) => {
    compiled ??= routes.map((r) => ({
      method: r.method,
      re: new RegExp(`^${r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+').replace(/\*/g, '.*')}/?$`),
    }));
    let decoded = path;
    try {
      decoded = decodeURI(path);
    } catch {
      // keep the raw path
    }
    return [...new Set(compiled.filter((r) => r.re.test(decoded)).map((r) => r.method))];
  };
}
