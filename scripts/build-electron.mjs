// Bundles the Electron main process and the preload into dist/electron (npm run build:electron);
// what goes into each bundle, and why, is in electron-bundles.mjs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { electronBundles } from './electron-bundles.mjs';

const outdir = 'dist/electron';
rmSync(outdir, { recursive: true, force: true });
await Promise.all(electronBundles(outdir).map((options) => build(options)));
