// The esbuild options of the main-process and preload bundles (scripts/build-electron.mjs):
//   electron/app/main.ts        → <outdir>/main.cjs     (Node 22 inside Electron 45)
//   electron/preload/preload.ts → <outdir>/preload.cjs  (sandboxed renderer)
// CommonJS both: a sandboxed preload cannot load ES modules, and one format for both keeps
// __dirname (main.ts finds preload.cjs and ../renderer through it). Everything is inlined
// except `electron`, which Electron provides: the packed app has no node_modules
// (app/package.json declares no dependency). The preload is built for the browser platform
// so any Node built-in sneaking into it fails the build instead of failing at run time.

/** Modules the bundles may leave to be loaded at run time, besides Node's built-ins. */
export const RUNTIME_PROVIDED = ['electron'];

export function electronBundles(outdir) {
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    external: RUNTIME_PROVIDED,
    legalComments: 'none',
    logLevel: 'info',
    // Nothing in the bundles may read the developer's environment at build time.
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  return [
    {
      ...common,
      entryPoints: ['electron/app/main.ts'],
      outfile: `${outdir}/main.cjs`,
      platform: 'node',
      target: 'node22',
    },
    // Minified: the preload is parsed for every window before the page can start.
    {
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: `${outdir}/preload.cjs`,
      platform: 'browser',
      target: 'chrome140',
      minify: true,
    },
  ];
}
