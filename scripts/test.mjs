#!/usr/bin/env node
// The whole test suite: unit, integration (SQLite) and browser journeys in Debian's Chromium.
// Installs Chromium when it can (root + apt-get), otherwise stops and says how.
import './check-node.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

function ensureChromium() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (fs.existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!process.env.CHROME_PATH && isRoot && hasApt) {
    console.log('Browser tests need Chromium; installing Debian\'s package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], { env }) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) === 0 && fs.existsSync(path)) {
      return path;
    }
  }
  console.error(
    `\nThe browser tests need Chromium at ${path}, and it is not there.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at a Chromium/Chrome binary, then run `npm test` again.\n',
  );
  process.exit(1);
}

ensureChromium();
// The browser journeys run against the built web app: build it when the sources are newer.
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
process.exit(run('npx', ['vitest', 'run', ...process.argv.slice(2)]));
