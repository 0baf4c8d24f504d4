import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { WEBHOOK_RESPONSE_EXCERPT_MAX } from '../../../shared/webhooks.js';
import type { ResolvedAddress } from './destination.js';

/**
 * One HTTP POST of a delivery: to the addresses checked just before (the connection never resolves
 * the name again), with a deadline for the whole exchange, never following a redirect (a 3xx is an
 * answer like any other, and not a success), keeping only the start of the answer.
 */

export type SendResult = { status: number | null; durationMs: number; error: string | null; excerpt: string | null };

export type SendRequest = { url: URL; addresses: ResolvedAddress[]; headers: Record<string, string>; body: string; timeoutMs: number };

export function postOnce(req: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const cb = callback as (err: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    if ((options as { all?: boolean }).all) cb(null, req.addresses);
    else cb(null, req.addresses[0].address, req.addresses[0].family);
  };
  const client = req.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      resolve({ ...r, durationMs: elapsed() });
    };
    const request = client.request(req.url, {
      method: 'POST',
      headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      lookup: pinned,
      agent: false,
    });
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ status: null, error: `No answer within ${Math.round(req.timeoutMs / 1000)} s (timed out).`, excerpt: null });
    }, req.timeoutMs);
    request.on('error', (err) => finish({ status: null, error: describe(err), excerpt: null }));
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const end = () => {
        const text = Buffer.concat(chunks).toString('utf8').slice(0, WEBHOOK_RESPONSE_EXCERPT_MAX);
        const status = res.statusCode ?? null;
        const redirect = status !== null && status >= 300 && status < 400 ? `Redirects are not followed${res.headers.location ? ` (Location: ${String(res.headers.location).slice(0, 300)})` : ''}.` : null;
        finish({ status, error: redirect, excerpt: text || null });
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= WEBHOOK_RESPONSE_EXCERPT_MAX) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough for the log: stop reading a long answer.
        if (size >= WEBHOOK_RESPONSE_EXCERPT_MAX) {
          end();
          res.destroy();
        }
      });
      res.on('end', end);
      res.on('error', end);
      res.on('close', end);
    });
    request.end(req.body);
  });
}

function describe(err: Error): string {
  const code = (err as { code?: string }).code;
  return `${code ? `${code}: ` : ''}${err.message}`.slice(0, 500);
}
