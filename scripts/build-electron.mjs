// Bundles the Electron main process and the preload (npm run build:electron):
//   electron/app/main.ts       → dist/electron/main.cjs     (Node 22 inside Electron 45)
//   electron/preload/preload.ts → dist/electron/preload.cjs  (sandboxed renderer)
// CommonJS both: a sandboxed preload cannot load ES modules, and one format for both keeps
// __dirname (main.ts finds preload.cjs and ../renderer through it). Everything is inlined
// except `electron`, which Electron provides; the preload is built for the browser platform
// so any Node built-in sneaking into it fails the build instead of failing at run time.
import { rmSync } from 'node:fs';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  console.error(
    `build-electron: cannot load esbuild (normally installed with vite): ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}

const outdir = 'dist/electron';
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  legalComments: 'none',
  logLevel: 'info',
  // Nothing in the bundles may read the developer's environment at build time.
  define: { 'process.env.NODE_ENV': '"production"' },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['electron/app/main.ts'],
    outfile: `${outdir}/main.cjs`,
    platform: 'node',
    target: 'node22',
  }),
  // Minified: the preload is parsed for every window before the page can start.
  esbuild.build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    platform: 'browser',
    target: 'chrome140',
    minify: true,
  }),
]);
