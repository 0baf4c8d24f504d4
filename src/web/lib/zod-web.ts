// What `zod` means in the web build (vite.config.ts aliases it here): zod itself, set up once for
// the browser before any schema is used, wherever the first one happens to load.
//
// The app's Content-Security-Policy forbids eval. Left to itself, zod probes for it with
// `new Function('')` (to compile faster object parsers), which every page load would report as a
// CSP violation. The schemas live in lazy chunks (forms), never in the shell: the first screen of a
// signed-in page carries no zod at all.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
