import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig({
  plugins: [react(), sharePage],
  publicDir: 'src/web/public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows data: only for images; keep every other asset a file.
    assetsInlineLimit: 0,
    rolldownOptions: { input: { main: 'index.html', share: 'share.html' } },
  },
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
