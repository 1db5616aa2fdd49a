import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appUploads } from './attachments/app-uploads';
import { ConsoleApp } from './features/console/ConsoleApp';
import { startConsoleServices, startConsoleUi } from './features/console/start-console-ui';
import { startAppSync } from './sync/app-sync';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Language and theme before the first paint, so the agent never sees the wrong one flash.
startConsoleUi();

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConsoleApp />
    </QueryClientProvider>
  </StrictMode>,
);

// Sync runs beside React, not inside it: one coordinator per window, whatever renders. The
// uploads sit in a layer above sync, so they are handed to it here.
startAppSync({ companion: appUploads }).catch((error: unknown) =>
  console.error('sync could not start', error),
);
startConsoleServices();
