import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';

/**
 * What each end-to-end test gets, fresh: a real backend process on a new temporary data
 * folder with the demo data, the browser host (the same core the Electron main process
 * runs) serving dist/renderer against it, and a page opened on the host's launch URL.
 */
export interface MesaFixtures {
  backend: BackendProcess;
  host: BrowserHost;
  consolePage: Page;
}

export const DEMO_PASSWORD = 'mesa-demo';

/** The built renderer the host serves; MESA_E2E_RENDERER points a run at its own build (parallel runs). */
export const RENDERER_DIR = process.env.MESA_E2E_RENDERER ?? 'dist/renderer';

export const test = base.extend<MesaFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  backend: async ({}, use) => {
    const backend = await startBackendProcess({ seedDemo: true });
    await use(backend);
    await backend.stop();
  },

  host: async ({ backend }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-host-'));
    const host = await startBrowserHost({
      backendUrl: backend.url,
      staticDir: RENDERER_DIR,
      port: 0,
      dataDir,
      // Quick retries: the tests stop and start the backend and wait for the host to notice.
      core: { backoff: { baseMs: 100, maxMs: 1_000 } },
    });
    await use(host);
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  },

  consolePage: async ({ page, host }, use) => {
    const crashes: Error[] = [];
    page.on('pageerror', (error) => crashes.push(error));
    await page.goto(host.consoleUrl);
    await use(page);
    expect(crashes, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
