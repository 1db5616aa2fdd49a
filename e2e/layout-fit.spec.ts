import type { Page } from '@playwright/test';
import { startBackendProcess } from '../backend/testing/backend-process';
import { Colleague } from './support/admin';
import { clippedControls } from './support/clipping';
import {
  LOCALES,
  WORDS,
  connectivity,
  keepScreenshot,
  openQueue,
  rowOf,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/offline-fixtures';

/**
 * A laptop screen (1366×768, and 1280×720 for the ticket view), in each language: on every
 * main screen (each queue, a ticket, the palette, settings, the refused-changes panel, a
 * new ticket) no button, select, badge or header has its words cut, and the search box
 * shows its whole placeholder while the top bar also shows a refused change.
 */
const LAPTOP = { width: 1366, height: 768 };
const DENSITY = {
  es: { label: 'Filas de la cola', compact: 'Compactas: más tickets a la vista' },
  en: { label: 'Queue rows', compact: 'Compact: more tickets on screen' },
} as const;
const T = {
  es: { impact: 'Impacto', urgency: 'Urgencia' },
  en: { impact: 'Impact', urgency: 'Urgency' },
} as const;
const SMALL_LAPTOP = { width: 1280, height: 720 };

/** A change the server refuses: assigning, offline, a ticket a colleague cancelled meanwhile. */
async function makeRefusedChange(
  page: Page,
  lang: Lang,
  backendUrl: string,
  setOffline: (offline: boolean) => void,
): Promise<void> {
  await openQueue(page, lang, 'unassigned');
  const ticketId = (await rows(page).first().getAttribute('data-ticket-id')) ?? '';
  setOffline(true);
  await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');
  const ana = await Colleague.signIn(backendUrl);
  expect(
    (await ana.push('ticket.transition', { ticketId, to: 'cancelled', cancelReason: 'Duplicado' })).status,
  ).toBe('applied');
  await rowOf(page, ticketId).click();
  await page.locator('body').press('a');
  await expect(ticketView(page).getByTestId('assignee-name')).toHaveText('Alex Agent');
  await page.keyboard.press('Escape');
  setOffline(false);
  await expect(page.getByTestId('refused-button')).toBeVisible();
}

for (const lang of ['es', 'en'] as const) {
  test.describe(`the console fits a laptop (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: LAPTOP });

    test('no control on the main screens has its words cut', async ({
      consolePage: page,
      backend,
      laptopNetwork,
    }, testInfo) => {
      await signInToConsole(page, lang, laptopNetwork.url);
      await waitForSync(page, lang);
      await makeRefusedChange(page, lang, backend.url, (offline) => laptopNetwork.setOffline(offline));
      await expect(connectivity(page)).toHaveText(WORDS[lang].online);

      const found: string[] = [];
      const check = async (screen: string) =>
        found.push(...(await clippedControls(page)).map((c) => `${screen}: ${c}`));

      for (const queue of ['mine', 'unassigned', 'team', 'breaching', 'all'] as const) {
        await openQueue(page, lang, queue);
        await check(`queue ${queue}`);
      }
      await keepScreenshot(page, testInfo, `queue-refused-1366-${lang}`);

      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog')).toBeVisible();
      await check('palette');
      await page.keyboard.press('Escape');

      await page.getByTestId('settings-button').click();
      await check('settings');
      await page.getByTestId('settings-button').click();

      await page.getByTestId('refused-button').click();
      await expect(page.getByTestId('refused-list')).toBeVisible();
      await check('refused changes');
      await page.keyboard.press('Escape');

      await page.getByTestId('new-ticket').click();
      await expect(page.getByRole('dialog', { name: WORDS[lang].newTicket })).toBeVisible();
      await check('new ticket');
      await page.keyboard.press('Escape');

      await openQueue(page, lang, 'mine');
      await rows(page).first().click();
      await expect(ticketView(page)).toBeVisible();
      await check('ticket 1366×768');
      await keepScreenshot(page, testInfo, `ticket-1366-${lang}`);
      await page.setViewportSize(SMALL_LAPTOP);
      await check('ticket 1280×720');
      await keepScreenshot(page, testInfo, `ticket-1280-${lang}`);

      expect(found).toEqual([]);
    });

    test('a ticket keeps its triage controls on the first screen and its header in view', async ({
      consolePage: page,
      backend,
    }) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'mine');
      await rows(page).first().click();
      const view = ticketView(page);
      const header = view.locator('.ticket-header');
      for (const size of [LAPTOP, SMALL_LAPTOP]) {
        await page.setViewportSize(size);
        for (const control of [T[lang].impact, T[lang].urgency]) {
          const box = await view.getByLabel(control, { exact: true }).boundingBox();
          expect(box, `${control} at ${size.width}×${size.height}`).not.toBeNull();
          expect(
            box!.y + box!.height,
            `${control} above the fold at ${size.width}×${size.height}`,
          ).toBeLessThanOrEqual(size.height);
        }
        // The conversation scrolls; the number, title, priority, status and SLA stay put.
        await view.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        await expect.poll(() => view.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
        for (const part of [
          view.locator('.ticket-number'),
          view.locator('#ticket-title'),
          header.locator('.priority-badge'),
          header.locator('.status-badge'),
          header.locator('.sla-badge'),
        ]) {
          await expect(part).toBeInViewport({ ratio: 1 });
        }
        await view.evaluate((el) => el.scrollTo({ top: 0 }));
      }
    });
  });
}

/** The rows wholly inside the grid's viewport, and whether each starts where the one above ends. */
async function rowsOnScreen(
  page: Page,
): Promise<{ count: number; heights: number[]; gapsOrOverlaps: number }> {
  return page.getByTestId('ticket-grid').evaluate((grid) => {
    const view = grid.getBoundingClientRect();
    const head = grid.querySelector('.grid-head')?.getBoundingClientRect().bottom ?? view.top;
    const boxes = [...grid.querySelectorAll('[data-testid="ticket-row"]')]
      .map((row) => row.getBoundingClientRect())
      .filter((box) => box.top >= head - 1 && box.bottom <= view.bottom + 1)
      .sort((a, b) => a.top - b.top);
    const gapsOrOverlaps = boxes.slice(1).filter((box, i) => Math.abs(box.top - boxes[i]!.bottom) > 1).length;
    return {
      count: boxes.length,
      heights: [...new Set(boxes.map((box) => Math.round(box.height)))],
      gapsOrOverlaps,
    };
  });
}

const withManyTickets = test.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  backend: async ({}, use) => {
    const backend = await startBackendProcess({ seedDemo: true, demoTickets: 300 });
    await use(backend);
    await backend.stop();
  },
});

for (const lang of ['es', 'en'] as const) {
  withManyTickets.describe(`compact rows (${lang})`, () => {
    withManyTickets.use({ locale: LOCALES[lang], viewport: LAPTOP });

    withManyTickets(
      'compact rows show more of the queue, each where the virtualizer puts it, and stay chosen',
      async ({ consolePage: page, backend }) => {
        await signInToConsole(page, lang, backend.url);
        await waitForSync(page, lang);
        await openQueue(page, lang, 'all');
        const comfortable = await rowsOnScreen(page);
        expect(comfortable).toMatchObject({ heights: [44], gapsOrOverlaps: 0 });

        await page.getByTestId('settings-button').click();
        await page.getByLabel(DENSITY[lang].label).selectOption({ label: DENSITY[lang].compact });
        await page.getByTestId('settings-button').click();
        await expect.poll(async () => (await rowsOnScreen(page)).heights).toEqual([30]);
        const compact = await rowsOnScreen(page);
        expect(compact.gapsOrOverlaps).toBe(0);
        expect(compact.count).toBeGreaterThanOrEqual(Math.floor(comfortable.count * 1.4));
        // Scrolled to the end, the last ticket is reachable and drawn in its place.
        await page.getByTestId('ticket-grid').evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
        await expect.poll(async () => (await rowsOnScreen(page)).gapsOrOverlaps).toBe(0);

        await page.reload();
        await openQueue(page, lang, 'all');
        await expect.poll(async () => (await rowsOnScreen(page)).count).toBe(compact.count);
      },
    );
  });
}
