#!/usr/bin/env node
// `npm start`: checks the Node.js version, builds only when the sources are newer than the last build
// (so a restart, or a second instance, rebuilds nothing), then runs the compiled server in this process.
import './check-node.mjs';
import module from 'node:module';
import { build, buildIsFresh } from './build.mjs';

if (!buildIsFresh()) {
  console.log('Building Advance (once, until the sources change)…');
  await build();
}
process.env.NODE_ENV = 'production';
// V8 keeps the compiled bundle on disk (Node 22+), so a restart skips parsing 3 MB of JavaScript.
module.enableCompileCache?.();
await import('../dist/server/main.js');
