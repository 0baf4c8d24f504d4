import autocannon from 'autocannon';

export type Figures = {
  name: string;
  path: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time per answered request, in microseconds (see bench/server.ts). */
  cpuUsPerRequest: number | null;
};

export type Target = {
  name: string;
  port: number;
  path: string;
  cookie?: string;
  /** Paths to rotate through, one per request (e.g. detail pages of many records). */
  rotate?: string[];
};

/** Watches the server during a measured run (not the warm-up): its CPU time, and a profile if asked. */
export type Observer = { start(): Promise<void>; stop(): Promise<number> };

export type MeasureOptions = { connections: number; duration: number; warmup: number };

function run(target: Target, connections: number, duration: number) {
  let next = 0;
  const rotate = target.rotate;
  return autocannon({
    url: `http://127.0.0.1:${target.port}${target.path}`,
    connections,
    duration,
    headers: target.cookie ? { cookie: target.cookie } : {},
    ...(rotate && rotate.length > 0 ? { requests: [{ setupRequest: (req) => ({ ...req, path: rotate[next++ % rotate.length] }) }] } : {}),
  });
}

/**
 * Loads one endpoint with `connections` concurrent keep-alive connections: a short warm-up first
 * (JIT, caches, connection pools), then the measured run.
 */
export async function measure(target: Target, opts: MeasureOptions, observer?: Observer): Promise<Figures> {
  if (opts.warmup > 0) await run(target, opts.connections, opts.warmup);
  await observer?.start();
  const r = await run(target, opts.connections, opts.duration);
  const cpuUs = observer ? await observer.stop() : null;
  return {
    name: target.name,
    path: target.path,
    requestsPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    cpuUsPerRequest: cpuUs !== null && r.requests.total > 0 ? cpuUs / r.requests.total : null,
  };
}
