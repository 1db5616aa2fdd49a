import type { Locator } from '@playwright/test';
import { startBackendProcess } from '../backend/testing/backend-process';
import { isOpenStatus } from '../shared/index';
import { startFaultProxy, type FaultProxy } from './chaos/fault-proxy';
import { Colleague } from './support/admin';
import { LOCALES, openQueue, rows, signInToConsole, waitForSync } from './support/console';
import { expect, test as base, useTestHost } from './support/mesa-fixtures';

/**
 * A new agent's first sign-in against a server with a few thousand tickets: the queue shows
 * the agent's open tickets while the history is still arriving, a progress bar says how far
 * the fill got, a reload in the middle goes on from there (the bar never drops back), and
 * the cache ends with every ticket. The host reaches the backend through a proxy that delays
 * each answer a little, so the fill lasts long enough to be watched and interrupted.
 */
const TICKETS = 4_000;
const lang = 'en' as const;

const test = base.extend<{ slowLink: FaultProxy }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  backend: async ({}, use) => {
    const backend = await startBackendProcess({ seedDemo: true, demoTickets: TICKETS });
    await use(backend);
    await backend.stop();
  },
  slowLink: async ({ backend }, use) => {
    const proxy = await startFaultProxy({
      target: backend.url,
      seed: 7,
      rates: { delay: 1 },
      maxDelayMs: 2_000,
    });
    await use(proxy);
    await proxy.close();
  },
  host: async ({ slowLink }, use) => useTestHost(slowLink.url, use),
});

test.use({ locale: LOCALES[lang] });
test.setTimeout(6 * 60_000);

test.describe('first sign-in', () => {
  test('shows open tickets before the history is in, and a reload resumes the fill', async ({
    consolePage: page,
    slowLink,
    backend,
  }) => {
    const progress = page.getByRole('progressbar', { name: 'Downloading tickets to this computer' });
    await signInToConsole(page, lang, slowLink.url);

    // Rows on screen while the bar still has most of the way to go.
    await openQueue(page, lang, 'mine');
    await expect(rows(page).first()).toBeVisible();
    const whileFilling = await valueOf(progress);
    expect(whileFilling.now).toBeGreaterThan(0);
    expect(whileFilling.now).toBeLessThan(whileFilling.max);
    await expect(page.getByTestId('bootstrap-progress')).toContainText(/left/);

    await page.reload();
    const afterReload = await valueOf(progress);
    expect(afterReload.max).toBe(whileFilling.max);
    expect(afterReload.now).toBeGreaterThanOrEqual(whileFilling.now);
    await expect(rows(page).first()).toBeVisible();

    await waitForSync(page, lang);
    await expect(progress).toHaveCount(0);
    const server = await (await Colleague.signIn(backend.url)).read();
    expect(whileFilling.max).toBeLessThanOrEqual(server.tickets.size);
    const open = [...server.tickets.values()].filter((t) => isOpenStatus(t.status)).length;
    await openQueue(page, lang, 'all');
    await expect(page.getByTestId('queue-count')).toHaveText(`${open.toLocaleString('en-US')} tickets`);
  });
});

/** The bar's position, read once it is on screen. */
async function valueOf(progress: Locator): Promise<{ now: number; max: number }> {
  await expect(progress).toBeVisible();
  const [now, max] = await Promise.all([
    progress.getAttribute('aria-valuenow'),
    progress.getAttribute('aria-valuemax'),
  ]);
  return { now: Number(now), max: Number(max) };
}
