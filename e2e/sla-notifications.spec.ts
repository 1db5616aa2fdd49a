import { signInToConsole, ticketView, waitForSync } from './support/console';
import {
  captureWebNotifications,
  clickNotification,
  notificationTags,
  notificationTitle,
} from './support/desktop-events';
import { createFastSlaTicket } from './support/fast-sla-ticket';
import { expect, test } from './support/mesa-fixtures';

/**
 * SLA warnings from the browser host: the page's own Web Notifications (captured here),
 * raised from the cache by the shared rules. A ticket whose first-response warning is
 * seconds away (e2e/support/fast-sla-ticket.ts) gives one notification at the warning,
 * one at the breach, none again after a reload, and a click opens it.
 */
test.use({ locale: 'en-US' });

// Warning 9 s and breach 30 s after the ticket is made, plus sync: generous, never timed.
const THRESHOLD_WAIT = { timeout: 90_000 };

test('one notification at the warning, one at the breach, none after a reload; a click opens the ticket', async ({
  consolePage: page,
  backend,
}) => {
  test.setTimeout(180_000);
  await captureWebNotifications(page);
  await page.reload();
  await signInToConsole(page, 'en', backend.url);
  await waitForSync(page, 'en');

  const fast = await createFastSlaTicket(backend.url);
  const warning = `${fast.ticketId}:firstResponse:warning`;
  const breach = `${fast.ticketId}:firstResponse:breach`;

  await expect.poll(() => notificationTags(page, fast.ticketId), THRESHOLD_WAIT).toEqual([warning]);
  expect(await notificationTitle(page, warning)).toContain(fast.number);
  await expect.poll(() => notificationTags(page, fast.ticketId), THRESHOLD_WAIT).toEqual([warning, breach]);

  await clickNotification(page, breach);
  await expect(ticketView(page)).toHaveAttribute('data-ticket-id', fast.ticketId);

  // After a reload the watcher runs again on the cached ticket (the badge shows its count),
  // and remembers it has told the agent already.
  await page.reload();
  await expect(page.getByTestId('sla-attention')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  expect(await notificationTags(page, fast.ticketId)).toEqual([]);
});
