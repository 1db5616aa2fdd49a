// The desktop app itself, through Playwright's _electron: launch the bundled main process
// (dist/electron/main.cjs, from npm run build), sign in as the demo agent, see the tickets.
// Needs a real Electron binary; where none is installed (these build machines cannot download
// it) the test skips itself and says why. The same flow runs in Chromium through the browser
// host in e2e/*.spec.ts, and the glue is unit-tested with a stubbed electron in electron/app/.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { rows, signInToConsole } from '../support/console';

const binary = findElectronBinary();
const mainBundle = resolve('dist/electron/main.cjs');

test.describe('the Electron app', () => {
  test.skip(
    !binary.path,
    `No Electron binary: ${'reason' in binary ? binary.reason : ''}. Install it (npx install-electron) on a machine with internet to run this test.`,
  );

  let backend: BackendProcess;
  let userData: string;
  test.beforeAll(async () => {
    if (!existsSync(mainBundle))
      throw new Error(`${mainBundle} is missing: run npm run build (renderer and electron).`);
    backend = await startBackendProcess({ seedDemo: true });
    userData = mkdtempSync(join(tmpdir(), 'mesa-electron-e2e-'));
  });
  test.afterAll(async () => {
    await backend?.stop();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('launches, signs in and lists the demo tickets', async () => {
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      // --no-sandbox only where Chromium refuses to start otherwise (root in CI containers).
      args: [mainBundle, '--lang=en-US', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, MESA_BACKEND_URL: backend.url, MESA_USER_DATA_DIR: userData },
    });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('app://mesa/');
      // The page has the bridge and nothing of Node.
      expect(await window.evaluate(() => typeof (window as { mesa?: unknown }).mesa)).toBe('object');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );

      await signInToConsole(window, 'en', backend.url);
      await expect(rows(window).first()).toBeVisible();
      expect(await rows(window).count()).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
