import {
  WORDS,
  connectivity,
  openQueue,
  pendingCount,
  rows,
  signInToConsole,
  ticketView,
} from './support/console';
import { expect, test } from './support/mesa-fixtures';
import { serverTicket } from './support/server-check';

/**
 * The agent's offline flow, in Chromium with its real IndexedDB, through the browser host
 * against a real backend process: a change made while the server is down is applied at
 * once, shown as not synced, and reaches the server when it is back.
 */
test.use({ locale: 'en-US' });

test('a change made while the server is down is synced when it returns', async ({
  consolePage: page,
  backend,
}) => {
  // The host pins the backend, and the sign-in form says which.
  await expect(page.getByLabel(WORDS.en.serverUrl)).toHaveValue(backend.url);
  await signInToConsole(page, 'en', backend.url);

  // The demo tickets, from the cache, and the sync state.
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online');
  await openQueue(page, 'en', 'all');
  await expect(rows(page).first()).toBeVisible();
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
  const ticketId = await rows(page).first().getAttribute('data-ticket-id');
  expect(ticketId).toBeTruthy();
  const before = await serverTicket(backend.url, ticketId!);
  const impact = before?.impact === 1 ? 2 : 1;

  // The server goes away; the console says so.
  await backend.kill('SIGTERM');
  await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');

  // The agent changes the ticket anyway: applied at once, marked as not synced.
  await rows(page).first().click();
  const view = ticketView(page);
  await expect(view).toHaveAttribute('data-ticket-id', ticketId!);
  await view.getByLabel('Impact').selectOption(String(impact));
  await expect(view.getByLabel('Impact')).toHaveValue(String(impact));
  await expect(view.getByTestId('not-synced')).toBeVisible();
  await expect(pendingCount(page)).toHaveAttribute('data-count', '1');

  // The server returns: the change goes out and is acknowledged.
  await backend.restart();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online');
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
  await expect(view.getByTestId('not-synced')).toHaveCount(0);
  await expect(view.getByLabel('Impact')).toHaveValue(String(impact));

  // And it is on the server, as another agent reads it.
  const after = await serverTicket(backend.url, ticketId!);
  expect(after?.impact).toBe(impact);
  expect(after?.audit.at(-1)).toMatchObject({
    action: 'ticket.update',
    changes: { impact: [before?.impact, impact] },
  });
});

test('the cache survives a reload with the server down', async ({ consolePage: page, backend }) => {
  await signInToConsole(page, 'en', backend.url);
  await openQueue(page, 'en', 'all');
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('last-sync')).not.toHaveText('Never synced');
  const count = await page.getByTestId('count-all').textContent();

  await backend.kill('SIGTERM');
  await page.reload();
  await openQueue(page, 'en', 'all');
  await expect(page.getByTestId('count-all')).toHaveText(count ?? '');
  await expect(rows(page).first()).toBeVisible();
  await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');
});
