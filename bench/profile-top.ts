import fs from 'node:fs';
import path from 'node:path';

/**
 * The top self-time frames of V8 CPU profiles (`.cpuprofile`, from `node --cpu-prof` or
 * `BENCH_CPU_PROF=<dir> npm run bench`), as shares of the profile's busy time (idle excluded).
 *
 *   npx tsx bench/profile-top.ts <file-or-dir>… [--top 25] [--by file]
 *
 * `--by file` sums self time per source file (node_modules packages collapsed to their name), which
 * answers "which library costs what" better than single functions do. `--callers <text>` shows, for
 * the frames whose name contains <text>, which call paths their self time comes from (5 frames up).
 * `--total` ranks by total time instead (the frame and everything it calls, counted once per sample).
 */

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function where(url: string, by: 'frame' | 'file'): string {
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return by === 'file' ? pkg : `${pkg}/${rest.slice(rest[0].startsWith('@') ? 2 : 1).join('/')}`;
  }
  const src = file.indexOf('/src/');
  return src >= 0 ? file.slice(src + 1) : file === '' ? '(native)' : path.basename(file);
}

const label = (n: Node) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'}  ${where(url, 'frame')}${url ? `:${lineNumber + 1}` : ''}`;
};

function summarize(file: string, top: number, by: 'frame' | 'file', callers: string | undefined, total: boolean): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totals = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    // The profiler stopping itself (bench/server.ts): not the server's work.
    if (url === 'node:inspector') continue;
    busy += us;
    if (total) {
      // Every distinct frame on this sample's stack gets its time once (recursion is not doubled).
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const node = byId.get(n)!;
        const k = by === 'file' ? where(node.callFrame.url, 'file') : label(node);
        if (node.callFrame.functionName === '(root)' || seen.has(k)) continue;
        seen.add(k);
        totals.set(k, (totals.get(k) ?? 0) + us);
      }
      continue;
    }
    let key = by === 'file' ? where(url, 'file') : label(byId.get(id)!);
    if (callers !== undefined) {
      if (!key.includes(callers)) continue;
      const path: string[] = [];
      for (let p = parent.get(id); p !== undefined && path.length < 5; p = parent.get(p)) path.push(label(byId.get(p)!));
      key = `${key}\n         ← ${path.join('\n         ← ')}`;
    }
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, callers === undefined ? top : 8);
  console.log(`\n${path.basename(file)} — busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s`);
  for (const [key, us] of rows) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${key}`);
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const top = Number(flag('--top') ?? 25);
const by = flag('--by') === 'file' ? 'file' : 'frame';
const callers = flag('--callers');
const total = args.includes('--total') ? (args.splice(args.indexOf('--total'), 1), true) : false;
for (const arg of args) {
  const files = fs.statSync(arg).isDirectory()
    ? fs.readdirSync(arg).filter((f) => f.endsWith('.cpuprofile')).sort().map((f) => path.join(arg, f))
    : [arg];
  for (const f of files) summarize(f, top, by, callers, total);
}
