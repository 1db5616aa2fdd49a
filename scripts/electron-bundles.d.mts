import type { BuildOptions } from 'esbuild';

/** Modules the bundles may leave to be loaded at run time, besides Node's built-ins. */
export const RUNTIME_PROVIDED: string[];
/** The esbuild options of the main-process and preload bundles, writing into `outdir`. */
export function electronBundles(outdir: string): BuildOptions[];
