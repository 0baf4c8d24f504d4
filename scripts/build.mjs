#!/usr/bin/env node
// Builds what `npm start` runs: the web app (dist/web, with brotli and gzip copies of every text
// asset, so the server never compresses a static file at request time) and the server compiled to
// plain JavaScript (dist/server/main.js; dependencies stay in node_modules). Writes dist/.build-stamp
// last, so a build that stopped halfway is never taken for a fresh one.
//   node scripts/build.mjs           build when the sources are newer than the last build
//   node scripts/build.mjs --force   build anyway
import './check-node.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

/** Every input of the build: a change to any of them makes the build stale. */
const INPUTS = ['src', 'index.html', 'share.html', 'vite.config.ts', 'package-lock.json', 'package.json', 'scripts/build.mjs'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function buildIsFresh() {
  let built;
  try {
    built = fs.statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  return INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;

/** Pre-compressed copies (.br, .gz) beside each text asset worth compressing. */
function precompress(dir) {
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files += precompress(file);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const raw = fs.readFileSync(file);
    if (raw.length < 512) continue;
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
    files += 1;
  }
  return files;
}

// Native addons, and packages that read files beside their own code (swagger-ui's assets, the time
// zone definitions of @touch4it/ical-timezones: bundled, its `__dirname` does not exist in an ES
// module and every calendar feed with a timed interaction answered 500). e2e/production-build.test.ts
// runs the compiled server to catch the next one.
const SERVER_EXTERNAL = ['better-sqlite3', '@node-rs/argon2', '@fastify/swagger-ui', '@touch4it/ical-timezones', 'pg-native', 'vite', '@vitejs/plugin-react'];

export async function build() {
  const started = Date.now();
  const { build: viteBuild } = await import('vite');
  fs.rmSync(stamp, { force: true });
  await viteBuild({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  const compressed = precompress(path.join(dist, 'web'));
  await viteBuild({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // Dependencies are bundled into the server too: resolving and reading hundreds of small module
    // files dominated start-up. Native addons, and packages that read files beside their own code,
    // stay in node_modules.
    ssr: { noExternal: true, external: SERVER_EXTERNAL },
    build: {
      ssr: path.join(root, 'src/server/main.ts'),
      outDir: path.join(dist, 'server'),
      emptyOutDir: true,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'main.js' } },
    },
  });
  // Files the server reads beside its own code at run time.
  fs.copyFileSync(path.join(root, 'src/server/core/auth/common-passwords.txt'), path.join(dist, 'server/common-passwords.txt'));
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`Built the web app (${compressed} files pre-compressed) and the server in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force') || !buildIsFresh()) await build();
  else console.log('The build is up to date.');
}
