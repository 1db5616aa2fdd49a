import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../backend/testing/free-port';
import { startHostProcess } from '../electron/testing/host-process';
import { Colleague } from './support/admin';
import {
  LOCALES,
  WORDS,
  connectivity,
  openQueue,
  pendingCount,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
} from './support/console';
import { RENDERER_DIR } from './support/mesa-fixtures';
import { expect, test } from './support/offline-fixtures';

/**
 * The browser host as `npm run start:web` runs it, restarted while the agent has unsent
 * work: the console comes back on the same address, so the browser still holds its cache
 * and outbox, and the reply written offline reaches the server once the network returns.
 * The port comes from MESA_CONSOLE_PORT (a free one, so specs can run side by side).
 */
test.use({ locale: LOCALES.en });

test('a reply written offline survives a restart of the browser host and is sent', async ({
  page,
  laptopNetwork,
  backend,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-host-restart-'));
  const env = { MESA_CONSOLE_PORT: String(await freePort()) };
  const launch = () =>
    startHostProcess({ backendUrl: laptopNetwork.url, dataDir, staticDir: RENDERER_DIR, env });
  let host = await launch();
  try {
    await page.goto(host.consoleUrl);
    await signInToConsole(page, 'en', laptopNetwork.url);
    await waitForSync(page, 'en');

    laptopNetwork.setOffline(true);
    await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');
    await openQueue(page, 'en', 'mine');
    const ticketId = (await rows(page).first().getAttribute('data-ticket-id')) ?? '';
    await rows(page).first().click();
    const body = 'Written on the train, before the console restarted.';
    await ticketView(page).getByRole('textbox', { name: WORDS.en.reply }).fill(body);
    await ticketView(page).getByRole('button', { name: WORDS.en.sendReply }).click();
    await expect(pendingCount(page)).toHaveAttribute('data-count', '1');

    await host.stop();
    host = await launch();
    expect(new URL(host.consoleUrl).origin).toBe(new URL(page.url()).origin);
    // The agent opens the new launch's address in the same tab (only its #secret differs).
    await page.goto(host.consoleUrl);
    await expect(pendingCount(page)).toHaveAttribute('data-count', '1');
    await expect(ticketView(page).or(rows(page).first())).toBeVisible();

    laptopNetwork.setOffline(false);
    await expect(pendingCount(page)).toHaveAttribute('data-count', '0', { timeout: 90_000 });
    const ana = await Colleague.signIn(backend.url);
    const comments = [...(await ana.read()).comments.values()].filter((c) => c.ticketId === ticketId);
    expect(comments.map((c) => c.body)).toContain(body);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
