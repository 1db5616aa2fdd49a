import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCALES, connectivity, grid, keepScreenshot, openQueue, rows, signInToConsole, type Lang } from './support/console';
import { expect, test as base } from './support/mesa-fixtures';
import { startBackendProcess } from '../backend/testing/backend-process';

/**
 * The queues at 100,000 tickets: after the first sync the list pages by index, so
 * jumping to the end, switching queue or sort, and searching stay responsive. Durations
 * are measured and attached as a report (the machine's load varies), never asserted.
 */
const TICKETS = Number(process.env.MESA_SCALE_TICKETS ?? 100_000);
const lang: Lang = 'es';

/**
 * Seeding 100k tickets takes about a minute, longer than a backend start may; so the
 * seed runs first as its own process (as an operator would run it once), then the
 * backend starts on that data.
 */
function seedLargeDemo(dataDir: string, tickets: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', 'backend/cli.ts', '--port', '0', '--data', dataDir, '--seed-demo', '--demo-tickets', String(tickets)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MESA_LOG_LEVEL: 'warn' } });
    child.stdout.on('data', (chunk: Buffer) => {
      if (/listening on http/.test(chunk.toString())) child.kill('SIGTERM');
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
  });
}

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  backend: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-scale-'));
    await seedLargeDemo(dataDir, TICKETS);
    const backend = await startBackendProcess({ dataDir, seedDemo: true });
    await use(backend);
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test.use({ locale: LOCALES[lang], viewport: { width: 1440, height: 900 } });

test.setTimeout(30 * 60_000);

test(`queues stay instant with ${TICKETS} tickets`, async ({ consolePage: page, backend }, testInfo) => {
  const timings: Record<string, number> = {};
  const time = async (name: string, work: () => Promise<void>) => {
    const start = Date.now();
    await work();
    timings[name] = Date.now() - start;
  };

  await time('sign-in-to-first-rows', async () => {
    await signInToConsole(page, lang, backend.url);
    await openQueue(page, lang, 'all');
    await expect(rows(page).first()).toBeVisible({ timeout: 10 * 60_000 });
  });
  await time('bootstrap-complete', async () => {
    await expect(connectivity(page)).toHaveText('Conectado', { timeout: 15 * 60_000 });
    await expect(page.getByTestId('count-all')).toHaveText(/^\d{1,3}(\.\d{3})+$/, { timeout: 15 * 60_000 });
  });
  const total = Number((await page.getByTestId('queue-count').textContent())!.replace(/\D/g, ''));
  timings.openTickets = total;
  expect(total).toBeGreaterThan(1_000);

  // Jump to the very end of the list: only the rows on screen are read.
  await time('jump-to-end', async () => {
    await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.locator(`[data-testid="ticket-row"][aria-rowindex="${total + 1}"]`)).toBeVisible();
  });
  await time('jump-to-middle', async () => {
    await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await expect(rows(page).first()).toBeVisible();
  });
  await keepScreenshot(page, testInfo, 'queue-100k-middle');

  await time('sort-by-priority', async () => {
    await page.getByLabel('Ordenar por').selectOption('priority');
    await expect(grid(page).locator('[data-priority="1"]').first()).toBeVisible();
  });
  await time('switch-to-mine', async () => {
    await openQueue(page, lang, 'mine');
    await expect(rows(page).first()).toBeVisible();
  });
  await time('search-conexion', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('conexion');
    await expect(rows(page).first()).toContainText(/conexión/i);
  });

  await testInfo.attach('scale-timings.json', { body: JSON.stringify({ tickets: TICKETS, ms: timings }, null, 2), contentType: 'application/json' });
  console.log(JSON.stringify({ tickets: TICKETS, ms: timings }));
});
