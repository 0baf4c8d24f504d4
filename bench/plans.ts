import type { Figures, Observer } from './measure.js';

/**
 * The mutual plan part of the benchmark: one plan with a realistic 50 commitments on an opportunity
 * of the signed-in manager's team, created through the API like a person would, then
 * - the plan page's read (`GET /plans/:id`, with its milestones and commitments), measured with
 *   autocannon like the other reads, and
 * - a commitment tick (`PATCH /commitments/:id {status, version}`), a real write (SQLite with
 *   synchronous=FULL): `connections` writers, each ticking and unticking its own commitment with the
 *   version it last read, so every write is a real, conditional change.
 */

type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; data: any }>;

export function apiClient(port: number, cookie: string): Api {
  const origin = `http://127.0.0.1:${port}`;
  return async (method, path, body) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { cookie, origin, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, data: text ? JSON.parse(text) : null };
  };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export type BenchPlan = { planId: string; commitments: { id: string; version: number }[] };

export async function createBenchPlan(api: Api, ownerId: string, commitments: number): Promise<BenchPlan> {
  const opps = await api('GET', `/api/v1/opportunities?ownerId=${ownerId}&status=open&limit=1`);
  const opportunityId = opps.data?.data?.[0]?.id;
  if (!opportunityId) throw new Error(`no open opportunity for ${ownerId}: ${JSON.stringify(opps.data)}`);
  const plan = await api('POST', `/api/v1/opportunities/${opportunityId}/plan`, { title: 'Benchmark evaluation', targetDate: day(60) });
  if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${JSON.stringify(plan.data)}`);
  const out: BenchPlan = { planId: plan.data.id, commitments: [] };
  for (let i = 0; i < commitments; i++) {
    const side = i % 3 === 2 ? 'customer' : 'seller';
    const owner = side === 'customer' ? { ownerName: 'Priya Shah' } : {};
    const c = await api('POST', `/api/v1/plans/${out.planId}/commitments`, { side, ...owner, title: `Step ${i + 1} of the evaluation`, dueDate: day(7 + (i % 40)), mustDo: i % 7 === 0 });
    if (c.status !== 201) throw new Error(`commitment: ${c.status} ${JSON.stringify(c.data)}`);
    out.commitments.push({ id: c.data.id, version: c.data.version });
  }
  return out;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

/** `writers` concurrent loops for `seconds`, each toggling its own commitment done/open. */
export async function measureTicks(api: Api, plan: BenchPlan, writers: number, seconds: number, warmupSeconds: number, observer?: Observer): Promise<Figures> {
  const mine = plan.commitments.slice(0, writers);
  const loop = async (c: { id: string; version: number }, until: number, latencies: number[] | null, counts: { ok: number; bad: number }) => {
    let done = false;
    while (performance.now() < until) {
      const t = performance.now();
      const res = await api('PATCH', `/api/v1/commitments/${c.id}`, { status: done ? 'open' : 'done', version: c.version });
      latencies?.push(performance.now() - t);
      if (res.status === 200) {
        c.version = res.data.version;
        done = !done;
        counts.ok++;
      } else {
        counts.bad++;
        if (res.status === 409 && res.data?.error?.current) c.version = res.data.error.current.version;
      }
    }
  };
  const warm = { ok: 0, bad: 0 };
  await Promise.all(mine.map((c) => loop(c, performance.now() + warmupSeconds * 1000, null, warm)));
  const latencies: number[] = [];
  const counts = { ok: 0, bad: 0 };
  await observer?.start();
  const started = performance.now();
  await Promise.all(mine.map((c) => loop(c, started + seconds * 1000, latencies, counts)));
  const elapsed = (performance.now() - started) / 1000;
  const cpuUs = observer ? await observer.stop() : null;
  return tickFigures('PATCH /commitments/:id (tick, a write)', latencies, counts, elapsed, cpuUs);
}

/** A tick measurement's row of the table. */
function tickFigures(name: string, latencies: number[], counts: { ok: number; bad: number }, elapsed: number, cpuUs: number | null): Figures {
  latencies.sort((a, b) => a - b);
  return {
    name,
    path: '/api/v1/commitments/:id',
    requestsPerSec: counts.ok / elapsed,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    requests: counts.ok + counts.bad,
    non2xx: counts.bad,
    errors: 0,
    cpuUsPerRequest: cpuUs !== null && counts.ok + counts.bad > 0 ? cpuUs / (counts.ok + counts.bad) : null,
  };
}

/**
 * Ticks offered at a fixed rate (open loop), spread over the plan's commitments in turn, each
 * commitment's ticks one after another (the next waits for the version the last one returned).
 * Unlike `measureTicks`, whose writers send the next write as soon as the last one answers (so the
 * latency is whatever the queue of `writers` requests makes it: at 50 writers, 50 ÷ throughput on
 * average), this asks what a person waits for a tick while the server takes `rate` writes a
 * second. Each latency runs from the moment the tick was due, not from when it could be sent: a
 * tick held up behind a slow one counts the wait (no coordinated omission).
 */
export async function measureTicksAtRate(api: Api, plan: BenchPlan, rate: number, seconds: number, warmupSeconds: number, observer?: Observer): Promise<Figures> {
  // The plan's own entries keep the versions, for what the benchmark measures next.
  const mine = plan.commitments.map((commitment) => ({ commitment, done: false, chain: Promise.resolve() }));
  const run = async (forSeconds: number, latencies: number[] | null, counts: { ok: number; bad: number }) => {
    const started = performance.now();
    const until = started + forSeconds * 1000;
    let issued = 0;
    const tick = async (c: (typeof mine)[number], due: number) => {
      const res = await api('PATCH', `/api/v1/commitments/${c.commitment.id}`, { status: c.done ? 'open' : 'done', version: c.commitment.version });
      latencies?.push(performance.now() - due);
      if (res.status === 200) {
        c.commitment.version = res.data.version;
        c.done = !c.done;
        counts.ok++;
      } else {
        counts.bad++;
        if (res.status === 409 && res.data?.error?.current) c.commitment.version = res.data.error.current.version;
      }
    };
    for (let now = started; now < until; now = performance.now()) {
      const due = Math.floor(((now - started) * rate) / 1000);
      for (; issued <= due; issued++) {
        const c = mine[issued % mine.length];
        const at = started + (issued * 1000) / rate;
        c.chain = c.chain.then(() => tick(c, at));
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(mine.map((c) => c.chain));
    return (performance.now() - started) / 1000;
  };
  await run(warmupSeconds, null, { ok: 0, bad: 0 });
  const latencies: number[] = [];
  const counts = { ok: 0, bad: 0 };
  await observer?.start();
  const elapsed = await run(seconds, latencies, counts);
  const cpuUs = observer ? await observer.stop() : null;
  return tickFigures(`PATCH /commitments/:id (tick, ${rate} writes/s offered)`, latencies, counts, elapsed, cpuUs);
}
