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

/**
 * The browser host for a test, serving RENDERER_DIR against `backendUrl`, with quick
 * retries (tests stop and start the backend, or cut the network, and wait for the host
 * to notice). The fixture below and offline-fixtures.ts both use it.
 */
export async function useTestHost(
  backendUrl: string,
  use: (host: BrowserHost) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-host-'));
  const host = await startBrowserHost({
    backendUrl,
    staticDir: RENDERER_DIR,
    port: 0,
    dataDir,
    core: { backoff: { baseMs: 100, maxMs: 1_000 } },
  });
  try {
    await use(host);
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<MesaFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  backend: async ({}, use) => {
    const backend = await startBackendProcess({ seedDemo: true });
    await use(backend);
    await backend.stop();
  },

  host: async ({ backend }, use) => useTestHost(backend.url, use),

  consolePage: async ({ page, host }, use) => {
    const crashes: Error[] = [];
    page.on('pageerror', (error) => crashes.push(error));
    await page.goto(host.consoleUrl);
    await use(page);
    expect(crashes, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
