#!/usr/bin/env node
// `npm start`: checks the Node.js version, builds only when the sources are newer than the last build
// (so a restart, or a second instance, rebuilds nothing), then runs the compiled server in this process.
import './check-node.mjs';
import { build, buildIsFresh } from './build.mjs';

if (!buildIsFresh()) {
  console.log('Building Advance (once, until the sources change)…');
  await build();
}
process.env.NODE_ENV = 'production';
await import('../dist/server/main.js');
