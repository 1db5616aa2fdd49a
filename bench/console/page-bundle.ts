import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The console's data layer (page-entry.ts) as one IIFE script to evaluate in the page. */
export async function bundlePageCode(): Promise<string> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'page-entry.ts');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}
