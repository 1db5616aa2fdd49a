import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. The page runs in Debian's Chromium (/usr/bin/chromium): these machines
 * cannot download Playwright's browser (never run `npx playwright install` here). Where
 * that binary is absent, e.g. a laptop with Playwright's own browser, it falls back to that.
 * The page is served by the browser host against a real backend process (e2e/support/).
 * Build the renderer first: `npm run test:e2e` does (`npm run build:renderer`).
 */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Each test starts its own backend and host; two cores run two at a time without starving them.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    headless: true,
    // The console follows the browser's language; a spec that reads labels pins its own (test.use({ locale })).
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testMatch: '**/*.spec.ts',
      // e2e/chaos has its own runner (npm run chaos); electron/ is the next project.
      testIgnore: ['**/electron/**', '**/chaos/**'],
    },
    {
      // Playwright's _electron; each spec skips itself with a message where no Electron binary is installed.
      name: 'electron',
      testMatch: '**/electron/**/*.spec.ts',
    },
  ],
});
