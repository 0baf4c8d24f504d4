import { afterAll } from 'vitest';
import { closeAll } from './cleanup.js';

// Runs in every integration test file before its own code: see cleanup.ts.
afterAll(closeAll);
