// Where the Electron executable is, or why there is none, WITHOUT require('electron'):
// electron 45's index.js tries to download the binary when it is missing (a network call
// that fails here after a while). This reads the same path.txt that index.js reads.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path: string } | { path: null, reason: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        'the Electron binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  if (!existsSync(executable))
    return { path: null, reason: `the Electron binary is missing at ${executable}` };
  return { path: executable };
}
