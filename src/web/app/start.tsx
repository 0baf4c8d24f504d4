import { QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from './queryClient';
import { prepareFirstScreen, Root } from './Root';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

// When the app's code began to run (a User Timing mark, in the browser's Performance panel): the
// session check, started by the entry script, is already on its way.
performance.mark('advance:app-start');

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Not a top-level await: the pages' chunks import from this module, which must finish evaluating first.
// The first render is a transition, which React renders in slices of a few milliseconds: as one task
// it held the main thread for 90–115 ms in Lighthouse's traces, four times that on its simulated phone.
void prepareFirstScreen().then(() =>
  startTransition(() =>
    createRoot(container).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Root />
            <UnsavedChangesGuard />
          </BrowserRouter>
        </QueryClientProvider>
      </StrictMode>,
    ),
  ),
);
