import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeWhenDone } from './cleanup.js';

export type Hit = { headers: http.IncomingHttpHeaders; body: string; at: number };
export type Answer = { status: number; body?: string; delayMs?: number };

/**
 * A real HTTP server on 127.0.0.1 that receives webhook deliveries (tests run with
 * WEBHOOKS_ALLOW_PRIVATE=true to reach it): keeps every request and answers what `answer` says.
 */
export async function startReceiver(opts: { answer?: (hit: Hit) => Answer } = {}) {
  const hits: Hit[] = [];
  let answer: (hit: Hit) => Answer = opts.answer ?? (() => ({ status: 200, body: 'ok' }));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      hits.push(hit);
      const a = answer(hit);
      const send = () => res.writeHead(a.status, { 'content-type': 'text/plain' }).end(a.body ?? '');
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  closeWhenDone(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${port}/hooks/advance`,
    port,
    hits,
    setAnswer(next: typeof answer) {
      answer = next;
    },
    /** Hits per event id (the Advance-Event-Id header). */
    perEvent(): Map<string, number> {
      const m = new Map<string, number>();
      for (const h of hits) {
        const id = String(h.headers['advance-event-id']);
        m.set(id, (m.get(id) ?? 0) + 1);
      }
      return m;
    },
  };
}
