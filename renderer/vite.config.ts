import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dev server's React refresh needs an inline script, which the page's strict CSP
 * forbids; only `vite serve` drops the meta. Builds (what every host serves) keep it.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'mesa-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
  };
}

// Relative asset URLs ('./'): the same build is served by the browser host over http and
// loaded by Electron from its own protocol.
export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2023',
    // Served from this machine (browser host) or the app package, never over a slow network: one chunk is fine.
    chunkSizeWarningLimit: 1024,
  },
});
