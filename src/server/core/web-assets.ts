import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * How the built web app reaches browsers, the way a CDN would serve it: content-hashed files
 * (dist/web/assets/*) cached for a year as immutable, HTML revalidated on every visit (the
 * customer's page never stored), and every text file sent pre-compressed — brotli or gzip, made
 * once by scripts/build.mjs and chosen by Accept-Encoding, with `Vary: Accept-Encoding`. JSON from the
 * API is compressed on the fly above 1 KiB (a quick brotli level: latency matters more there).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  const { default: compress } = await import('@fastify/compress');
  await app.register(compress, {
    global: true,
    globalDecompression: false, // request bodies are small JSON; never inflate what a client zipped
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function registerWebAssets(app: FastifyInstance, webRoot: string): Promise<void> {
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false, // ours below; send's own would overwrite it with max-age=0
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache');
      // The same URL answers brotli, gzip or plain bytes: shared caches must key on the encoding.
      res.setHeader('vary', 'Accept-Encoding');
    },
  });
}

type Html = { file: string; headers: Record<string, string> };

/** The single-page app's shell: revalidated on every visit so a new release is picked up at once. */
export const appShell = (webRoot: string): Html => ({ file: path.join(webRoot, 'index.html'), headers: { 'cache-control': 'no-cache' } });

/** The customer's plan page: its own small bundle, never cached, indexed or leaking its URL onwards. */
export const sharePage = (webRoot: string): Html => ({
  file: path.join(webRoot, 'share.html'),
  headers: { 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow', 'cache-control': 'no-store' },
});

/** Picks the best pre-compressed copy the client accepts (brotli, then gzip, then the file itself). */
export function pickEncoding(acceptEncoding: string | undefined, file: string): { file: string; encoding: 'br' | 'gzip' | null } {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br') && fs.existsSync(`${file}.br`)) return { file: `${file}.br`, encoding: 'br' };
  if (accepted.has('gzip') && fs.existsSync(`${file}.gz`)) return { file: `${file}.gz`, encoding: 'gzip' };
  return { file, encoding: null };
}

export function sendHtml(req: FastifyRequest, reply: FastifyReply, html: Html): FastifyReply {
  const chosen = pickEncoding(req.headers['accept-encoding'], html.file);
  reply.type('text/html; charset=utf-8').headers(html.headers).header('vary', 'Accept-Encoding');
  if (chosen.encoding) reply.header('content-encoding', chosen.encoding);
  return reply.send(fs.createReadStream(chosen.file));
}
