// `npm run check:api-client` (CI): what an integrator does with Advance's API. Boots the server on a
// temporary SQLite database, fetches /api/openapi.json over HTTP, generates TypeScript types from it
// with openapi-typescript, type-checks examples/api-client.ts against them with tsc, and runs it
// (openapi-fetch) against the server. Any step that fails fails the check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';

const root = path.resolve(import.meta.dirname, '..');
// Inside node_modules, so the example resolves openapi-fetch and @types/node as the repository does.
fs.mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
const dir = fs.mkdtempSync(path.join(root, 'node_modules/.cache/api-client-check-'));

const config = parseConfig({ ...process.env, DATA_DIR: path.join(dir, 'data'), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', PUBLIC_URL: '', DATABASE_URL: '' });
const db = connect(config.database);
await migrateToLatest(db);
const app = await buildApp({ config, db, logger: false });
const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

// Asynchronously: the server answers from this same process meanwhile.
async function run(step: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const started = Date.now();
  const child = spawn(cmd, args, { cwd: dir, stdio: 'inherit', env: { ...process.env, ...env } });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status !== 0) throw new Error(`${step} failed (exit ${status})`);
  console.log(`✓ ${step} (${Date.now() - started} ms)`);
}

let failed = false;
try {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (!res.ok) throw new Error(`/api/openapi.json answered ${res.status}`);
  fs.writeFileSync(path.join(dir, 'openapi.json'), await res.text());
  fs.copyFileSync(path.join(root, 'examples/api-client.ts'), path.join(dir, 'api-client.ts'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2023', lib: ['ES2023', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', types: ['node'], noEmit: true, skipLibCheck: true },
      files: ['api-client.ts'],
    }),
  );
  const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
  await run('generate types with openapi-typescript', bin('openapi-typescript'), ['openapi.json', '-o', 'advance-api.d.ts', '--silent']);
  await run('type-check examples/api-client.ts with tsc', bin('tsc'), ['-p', 'tsconfig.json']);
  await run('run it against the server', bin('tsx'), ['api-client.ts'], { ADVANCE_URL: baseUrl });
} catch (err) {
  console.error(String(err));
  failed = true;
} finally {
  await app.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
