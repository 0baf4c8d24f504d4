import { z } from 'zod';

// The app's Content-Security-Policy forbids eval. Left to itself, zod probes for it with
// `new Function('')` (to compile faster object parsers), which every page load reports as a CSP
// violation. Imported first by start.tsx, so it is set before any schema is built or used.
z.config({ jitless: true });
