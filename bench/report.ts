import fs from 'node:fs';
import path from 'node:path';
import type { Figures } from './measure.js';

export type Row = Figures & { vsBare: { throughput: number; p50: number; cpu: number | null } | null };

export type Results = {
  startedAt: string;
  durationSeconds: number;
  environment: { node: string; cpus: number; cpuModel: string; database: 'sqlite' | 'postgres' };
  settings: { connections: number; durationPerMeasurement: number; warmup: number };
  size: { users: number; accounts: number; opportunities: number; interactions: number };
  generation: { seconds: number; rows: number; rowsPerSecond: number; interactions: number };
  measurements: Row[];
  growth: {
    size: { accounts: number; opportunities: number; interactions: number };
    seconds: number;
    measurements: Row[];
    /** 10× figure ÷ 1× figure for each endpoint measured at both sizes. */
    ratios: { name: string; p50: number; p99: number; throughput: number }[];
  } | null;
  /** Ratios with a target (issue 11: list with flags ≤ 1.2 × the plain list, 10× data ≤ 1.2 × 1×). */
  comparisons: Comparison[];
  skipped: { name: string; reason: string }[];
};

export type Comparison = { name: string; p50: number; cpu: number | null; target: number };

/** `a` ÷ `b` for the median latency and the CPU time per request, against a target. */
export function compare(name: string, a: Figures | undefined, b: Figures | undefined, target: number): Comparison[] {
  if (!a || !b) return [];
  return [{ name, p50: ratio(a.p50Ms, b.p50Ms), cpu: a.cpuUsPerRequest !== null && b.cpuUsPerRequest !== null ? ratio(a.cpuUsPerRequest, b.cpuUsPerRequest) : null, target }];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—');

export function withBare(rows: Figures[], bare: Figures | undefined): Row[] {
  return rows.map((r) => ({
    ...r,
    vsBare:
      bare && r !== bare
        ? {
            throughput: ratio(r.requestsPerSec, bare.requestsPerSec),
            p50: ratio(r.p50Ms, bare.p50Ms),
            // The bare route's CPU per request ÷ this one's: the throughput ratio an idle machine would show.
            cpu: bare.cpuUsPerRequest !== null && r.cpuUsPerRequest !== null ? ratio(bare.cpuUsPerRequest, r.cpuUsPerRequest) : null,
          }
        : null,
  }));
}

export function growthRatios(before: Figures[], after: Figures[]) {
  return after.flatMap((a) => {
    const b = before.find((x) => x.path === a.path);
    return b ? [{ name: a.name, p50: ratio(a.p50Ms, b.p50Ms), p99: ratio(a.p99Ms, b.p99Ms), throughput: ratio(a.requestsPerSec, b.requestsPerSec) }] : [];
  });
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function measurementTable(rows: Row[]): string {
  return table(
    ['Endpoint', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ bare', 'p50 × bare', 'CPU µs/req', 'CPU: bare ÷ it', 'errors'],
    rows.map((r) => [
      r.name,
      fmt(r.requestsPerSec),
      fmt(r.p50Ms, 1),
      fmt(r.p99Ms, 1),
      r.vsBare ? fmt(r.vsBare.throughput, 3) : '',
      r.vsBare ? fmt(r.vsBare.p50, 1) : '',
      r.cpuUsPerRequest !== null ? fmt(r.cpuUsPerRequest) : '',
      r.vsBare?.cpu != null ? fmt(r.vsBare.cpu, 3) : '',
      String(r.non2xx + r.errors),
    ]),
  );
}

export function printResults(res: Results): void {
  const s = res.size;
  const out = [
    '',
    `Advance benchmark — ${res.environment.database}, ${res.environment.cpus} × ${res.environment.cpuModel}, Node ${res.environment.node}`,
    `${fmt(s.users)} users, ${fmt(s.accounts)} accounts, ${fmt(s.opportunities)} opportunities; ` +
      `${res.settings.connections} connections, ${res.settings.durationPerMeasurement} s per measurement after ${res.settings.warmup} s warm-up`,
    `Generated ${fmt(res.generation.rows)} rows (${fmt(res.generation.interactions)} interactions) in ${fmt(res.generation.seconds, 1)} s (${fmt(res.generation.rowsPerSecond)} rows/s)`,
    '',
    measurementTable(res.measurements),
  ];
  if (res.growth) {
    const g = res.growth;
    out.push(
      '',
      `After growing to ${fmt(g.size.accounts)} accounts, ${fmt(g.size.opportunities)} opportunities and ${fmt(g.size.interactions)} interactions (${fmt(g.seconds, 1)} s):`,
      '',
      measurementTable(g.measurements),
      '',
      table(
        ['10× ÷ 1×', 'p50', 'p99', 'req/s'],
        g.ratios.map((r) => [r.name, fmt(r.p50, 2), fmt(r.p99, 2), fmt(r.throughput, 2)]),
      ),
    );
  }
  if (res.comparisons.length > 0) {
    const verdict = (c: Comparison) => (c.p50 <= c.target && (c.cpu === null || c.cpu <= c.target) ? 'yes' : c.p50 <= c.target || (c.cpu ?? Infinity) <= c.target ? 'p50 or CPU' : 'no');
    out.push(
      '',
      table(
        ['Ratio', 'p50', 'CPU µs/req', 'target', 'within'],
        res.comparisons.map((c) => [c.name, fmt(c.p50, 2), c.cpu === null ? '' : fmt(c.cpu, 2), `≤ ${fmt(c.target, 1)}`, verdict(c)]),
      ),
    );
  }
  for (const s of res.skipped) out.push(`skipped ${s.name}: ${s.reason}`);
  out.push('', `Total ${fmt(res.durationSeconds)} s.`);
  console.log(out.join('\n'));
}

export function writeResults(res: Results, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(res, null, 2)}\n`);
}
