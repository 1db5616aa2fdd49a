import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LIMITS } from '../shared/index';
import { startBrowserHost } from '../electron/browser-host/browser-host';
import {
  connectivity,
  openQueue,
  pendingCount,
  rowOf,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
} from './support/console';
import { cachedAttachmentCount, dropFiles, pasteFiles, type FilePayload } from './support/desktop-events';
import { expect, test } from './support/mesa-fixtures';
import { serverTicket } from './support/server-check';

/**
 * Screenshots into tickets, as agents on laptops asked: dropped or pasted, kept in the
 * cache at once (offline too), uploaded by hash when the server is back, and then seen by
 * the rest of the team. In Chromium through the browser host, against a real backend.
 */
test.use({ locale: 'en-US' });

// A real PNG (the app icon), so the thumbnail has pixels to decode.
const png = (name: string): FilePayload => ({
  name,
  mimeType: 'image/png',
  buffer: readFileSync('build/icons/256x256.png'),
});

async function openFirstOfMyTickets(page: Page): Promise<string> {
  await openQueue(page, 'en', 'mine');
  const first = rows(page).first();
  const ticketId = (await first.getAttribute('data-ticket-id'))!;
  await first.click();
  await expect(ticketView(page)).toHaveAttribute('data-ticket-id', ticketId);
  return ticketId;
}

const tile = (page: Page, name: string) => ticketView(page).getByRole('button', { name: `View ${name}` });

/** The thumbnail shows and has really decoded (an object URL of the cached blob, or the downloaded bytes). */
async function expectThumbnail(page: Page, name: string): Promise<void> {
  const img = tile(page, name).locator('img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(256);
}

test('a screenshot dropped offline shows at once, uploads on reconnect, and another agent sees it', async ({
  consolePage: page,
  backend,
  browser,
}) => {
  await signInToConsole(page, 'en', backend.url);
  await waitForSync(page, 'en');
  const ticketId = await openFirstOfMyTickets(page);
  const number = (await serverTicket(backend.url, ticketId))?.number;
  expect(number).toMatch(/^INC-\d+$/);

  await backend.kill('SIGTERM');
  await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');

  // Dropped on the reply box: it bubbles to the ticket's drop zone.
  await dropFiles(ticketView(page).getByRole('textbox', { name: 'Reply' }), [png('vpn-error.png')]);
  await expectThumbnail(page, 'vpn-error.png');
  await expect(tile(page, 'vpn-error.png')).toContainText('Waiting to upload');
  await expect(pendingCount(page)).not.toHaveAttribute('data-count', '0');

  await backend.restart();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online');
  await expect(tile(page, 'vpn-error.png')).not.toContainText('Waiting to upload');
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');

  // A second agent, on their own console (own host, own session, own cache).
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-host-2-'));
  const host2 = await startBrowserHost({
    backendUrl: backend.url,
    staticDir: 'dist/renderer',
    port: 0,
    dataDir,
  });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const other = await context.newPage();
    await other.goto(host2.consoleUrl);
    await signInToConsole(other, 'en', backend.url, 'admin@example.com');
    await waitForSync(other, 'en');
    await other.getByRole('searchbox', { name: 'Search tickets' }).fill(number!);
    await rowOf(other, ticketId).click();
    await expect(ticketView(other)).toHaveAttribute('data-ticket-id', ticketId);
    await expectThumbnail(other, 'vpn-error.png');
  } finally {
    await context.close();
    await host2.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a screenshot pasted from the clipboard is attached', async ({ consolePage: page, backend }) => {
  await signInToConsole(page, 'en', backend.url);
  await waitForSync(page, 'en');
  await openFirstOfMyTickets(page);

  // Chromium names a pasted screenshot image.png; the console names it by time.
  await pasteFiles(ticketView(page).getByRole('textbox', { name: 'Reply' }), [png('image.png')]);
  const pasted = ticketView(page).getByRole('button', { name: /^View screenshot-\d{8}-\d{6}\.png$/ });
  await expect(pasted).toBeVisible();
  await expect(pasted.locator('img')).toBeVisible();
  await expect(pasted).not.toContainText('Waiting to upload');
});

test('a file over the limit gets a clear message and nothing is stored', async ({
  consolePage: page,
  backend,
}) => {
  await signInToConsole(page, 'en', backend.url);
  await waitForSync(page, 'en');
  await openFirstOfMyTickets(page);
  const before = await cachedAttachmentCount(page);

  await ticketView(page)
    .getByTestId('attach-file-input')
    .setInputFiles({
      name: 'memory.dmp.zip',
      mimeType: 'application/zip',
      buffer: Buffer.alloc(LIMITS.attachmentMaxBytes + 1),
    });
  await expect(page.getByTestId('attach-problems')).toContainText(
    '“memory.dmp.zip” is too large: the limit is 25 MB.',
  );
  expect(await cachedAttachmentCount(page)).toBe(before);
  await expect(tile(page, 'memory.dmp.zip')).toHaveCount(0);
});
