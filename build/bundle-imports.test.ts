// app/package.json declares no dependency because the main-process and preload bundles load
// nothing at run time but Node's built-ins and `electron`. Built here in memory with the same
// options as `npm run build:electron`, and read from esbuild's own account of each output.
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { electronBundles, RUNTIME_PROVIDED } from '../scripts/electron-bundles.mjs';

/** What each bundle leaves to `require` at run time that neither Node nor Electron provides. */
async function leftForRunTime(bundles: BuildOptions[]): Promise<Record<string, string[]>> {
  const left: Record<string, string[]> = {};
  for (const options of bundles) {
    const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
    for (const [output, meta] of Object.entries(result.metafile.outputs)) {
      if (output.endsWith('.map')) continue;
      left[path.basename(output)] = [
        ...new Set(
          meta.imports
            .filter((i) => i.external && !isBuiltin(i.path) && !RUNTIME_PROVIDED.includes(i.path))
            .map((i) => i.path),
        ),
      ];
    }
  }
  return left;
}

const outdir = path.join(tmpdir(), 'mesa-bundle-imports');

describe('the Electron bundles', () => {
  it("need nothing from node_modules at run time: Node's built-ins and electron only", async () => {
    expect(await leftForRunTime(electronBundles(outdir))).toEqual({ 'main.cjs': [], 'preload.cjs': [] });
  });

  it('are caught leaving a package out', async () => {
    const bundles = electronBundles(outdir).map((options) => ({
      ...options,
      external: [...(options.external ?? []), 'electron-updater'],
    }));
    expect((await leftForRunTime(bundles))['main.cjs']).toEqual(['electron-updater']);
  });
});
