import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { startFaultProxy, type FaultProxy } from '../../e2e/chaos/fault-proxy';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';

/**
 * The console as the e2e fixtures run it (real backend, browser host, Chromium), with two
 * differences that matter at 100k:
 * - an on-disk profile, as the desktop app has. A Playwright `newContext()` is off the
 *   record, and Chromium then keeps IndexedDB in memory, where one transaction's puts slow
 *   down as the store grows while an on-disk profile's do not (bench/README.md) — a cost
 *   the product never pays;
 * - the host reaches the backend through a switchable proxy (the laptop's network), so
 *   the outbox bench can take the console offline while colleagues still reach the server.
 */
export interface ConsoleRig {
  backend: BackendProcess;
  host: BrowserHost;
  network: FaultProxy;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts everything; `use` runs with it; every process started is stopped in finally. */
export async function withConsole<T>(demoTickets: number, use: (rig: ConsoleRig) => Promise<T>): Promise<T> {
  let backend: BackendProcess | null = null;
  let host: BrowserHost | null = null;
  let network: FaultProxy | null = null;
  let context: BrowserContext | null = null;
  const hostDir = mkdtempSync(join(tmpdir(), 'mesa-bench-host-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'mesa-bench-profile-'));
  try {
    const seedStart = Date.now();
    const external = process.env.MESA_BENCH_BACKEND_URL;
    // Seeding 100k can pass the helper's 60 s start timeout on a loaded machine: one retry.
    backend = external
      ? externalBackend(external)
      : await startBackendProcess({ seedDemo: true, demoTickets }).catch((error: unknown) => {
          console.error('bench: backend start failed, retrying once:', String(error).split('\n')[0]);
          return startBackendProcess({ seedDemo: true, demoTickets });
        });
    console.error(
      `bench: backend with ${demoTickets} demo tickets up in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    network = await startFaultProxy({ target: backend.url, seed: 1 });
    host = await startBrowserHost({
      backendUrl: network.url,
      staticDir: process.env.MESA_E2E_RENDERER ?? 'dist/renderer',
      port: 0,
      dataDir: hostDir,
    });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.MESA_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      locale: 'en-US',
      viewport: { width: 1400, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('bench: page error:', error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(host.consoleUrl);
    return await use({ backend, host, network, context, page, cdp });
  } finally {
    await context?.close().catch(() => {});
    await host?.close().catch(() => {});
    await network?.close().catch(() => {});
    await backend?.stop().catch(() => {});
    rmSync(hostDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** A backend already running with the demo data (MESA_BENCH_BACKEND_URL): not stopped here. */
function externalBackend(url: string): BackendProcess {
  const port = Number(new URL(url).port);
  const fail = (): Promise<void> => Promise.reject(new Error('external backend: not managed by the bench'));
  return { url, port, dataDir: '', stop: () => Promise.resolve(), kill: fail, restart: fail };
}

/** Fills the sign-in form (en-US words, as e2e/support/console.ts) and submits; does not wait for sync. */
export async function submitSignIn(
  page: Page,
  serverUrl: string,
  email = 'agent@example.com',
): Promise<void> {
  const server = page.getByLabel('Server address');
  await server.waitFor({ state: 'visible', timeout: 30_000 });
  await server.fill(serverUrl);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('mesa-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Renderer JS heap in MB after a forced GC (CDP). */
export async function heapUsedMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('no JSHeapUsedSize metric');
  return used.value / (1024 * 1024);
}
