import path from 'node:path';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// In development (scripts/dev.mjs) the API runs on its own port and Vite proxies to it. The proxy
// keeps the browser's Host header, so the server's Origin check sees the same origin as the page.
const apiPort = Number(process.env.ADVANCE_API_PORT ?? 3001);
// The object form: Vite's string shorthand would rewrite Host (changeOrigin) and fail that check.
const api = { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false };

// The customer's plan page is its own small entry (share.html, no React). The API server serves it at
// /p/<token>; in development this does the same, so links created locally open here too.
const sharePage: Plugin = {
  name: 'advance-share-page',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith('/p/')) req.url = '/share.html';
      next();
    });
  },
};

// The entry script is small: it starts the session check and, signed in, the page's code, then
// imports the app (src/web/main.tsx). The app (everything start.tsx imports, less what the entry
// scripts hold) is one chunk, as it was when it was the entry, instead of a few dozen the lazy pages
// would share; index.html preloads it alongside the entry, so it does not wait for the entry to arrive and run.
const APP_MODULE = path.resolve('src/web/app/start.tsx');
const appModules = new Set<string>();
// Small modules several pages share (badges, list controls, page headers…) that need nothing beyond
// the app: one file for them all, rather than a request each after a page's own code.
const pagesShared = new Set<string>();
const SHAREABLE = /[\\/]src[\\/]web[\\/](ui|features|lib)[\\/]/;
const appChunk: Plugin = {
  name: 'advance-app-chunk',
  apply: 'build',
  buildEnd() {
    const closure = (id: string, into: Set<string>) => {
      const info = this.getModuleInfo(id);
      if (into.has(id) || !info) return;
      into.add(id);
      info.importedIds.forEach((i) => closure(i, into));
    };
    const entries = new Set<string>();
    for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) closure(id, entries);
    const app = new Set<string>();
    closure(APP_MODULE, app);
    appModules.clear();
    for (const id of app) if (!entries.has(id)) appModules.add(id);
    pagesShared.clear();
    for (const id of this.getModuleIds()) {
      const info = this.getModuleInfo(id);
      if (info && SHAREABLE.test(id) && !app.has(id) && !entries.has(id) && info.importers.length >= 2) pagesShared.add(id);
    }
    // Keep only those whose imports are all in the app, the entries or this set (else the file would
    // make every page that uses it wait for more files).
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of pagesShared) {
        if (this.getModuleInfo(id)?.importedIds.some((d) => !app.has(d) && !entries.has(d) && !pagesShared.has(d))) {
          pagesShared.delete(id);
          changed = true;
        }
      }
    }
  },
  transformIndexHtml: {
    order: 'post',
    handler(_html, { bundle, chunk: entry }) {
      if (!bundle || !entry) return;
      const app = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.includes(APP_MODULE));
      if (!app || app.type !== 'chunk') return;
      const staticImports = (fileName: string, into: Set<string>) => {
        const c = bundle[fileName];
        if (into.has(fileName) || c?.type !== 'chunk') return into;
        into.add(fileName);
        c.imports.forEach((i) => staticImports(i, into));
        return into;
      };
      // The entry's code may sit in a chunk the entry file only imports (see strictExecutionOrder below).
      const withEntry = staticImports(entry.fileName, new Set());
      if (![...withEntry].some((f) => bundle[f]?.type === 'chunk' && bundle[f].dynamicImports.includes(app.fileName))) return;
      const files = [...staticImports(app.fileName, new Set())].filter((f) => !withEntry.has(f));
      return files.map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' }));
    },
  },
};

export default defineConfig({
  plugins: [react(), sharePage, appChunk],
  // In the browser `zod` is zod set up for the page's CSP (see the file); the server uses zod as is.
  resolve: { alias: [{ find: /^zod$/, replacement: path.resolve('src/web/lib/zod-web.ts') }] },
  publicDir: 'src/web/public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows data: only for images; keep every other asset a file.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { main: 'index.html', share: 'share.html' },
      // Nothing imports the entries' exports (the inlining below needs this).
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          // Modules that pages share made files of their own, most of 1–2 KB: Today's page fetched
          // nineteen files after the app and a deal page thirty-six, a round trip each on a phone's
          // connection. Shared files under 32 KB (before minifying) are instead copied into each
          // file that uses them, and run once per visit whichever copy comes first (rolldown's
          // runtime keeps one state): a page now loads two to four files after the app, for about
          // the same bytes (12 KB left Today's and the deal page with five and six, and a higher
          // LCP). It turns on strictExecutionOrder, which wraps each module in a function (the app's
          // file grew by 3 KB gzipped). Styles stay in their own files (Vite would emit a style from
          // every chunk that lists it).
          experimentalInlineCommonChunks: { maxSize: 32 * 1024, exclude: /\.css(\?|$)/ },
          groups: [
            // Only the app's own modules: what the entry scripts hold stays in them.
            { name: 'app', test: (id: string) => appModules.has(id), includeDependenciesRecursively: false },
            { name: 'pages-shared', test: (id: string) => pagesShared.has(id), maxModuleSize: 2048, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
