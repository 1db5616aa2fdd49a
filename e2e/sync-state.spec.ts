import {
  LOCALES,
  WORDS,
  connectivity,
  openQueue,
  rows,
  signInToConsole,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/offline-fixtures';

/**
 * The top bar and the queue tell the truth about syncing, in each language: right after
 * sign-in the queue never claims to be empty before the first pull has ended, and after a
 * reload with no network the top bar still says when the console last synced.
 */
const LAST_SYNC = { es: /^Última sincronización: /, en: /^Last sync: / } as const;

for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];

  test.describe(`sync state (${lang})`, () => {
    test.use({ locale: LOCALES[lang] });

    test('no "No tickets in this queue." before the first pull has finished', async ({
      consolePage: page,
      laptopNetwork,
    }) => {
      // Every empty-queue line the page ever shows, however briefly, from the first paint.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { emptyQueueSeen: string[] }).emptyQueueSeen = seen;
        new MutationObserver(() => {
          const empty = document.querySelector('.grid-empty');
          if (empty?.textContent && seen.at(-1) !== empty.textContent) seen.push(empty.textContent);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await page.reload();
      await signInToConsole(page, lang, laptopNetwork.url);
      await openQueue(page, lang, 'all');
      await expect(rows(page).first()).toBeVisible();
      await waitForSync(page, lang);
      expect(
        await page.evaluate(() => (window as unknown as { emptyQueueSeen: string[] }).emptyQueueSeen),
      ).toEqual([]);
    });

    test('after a reload with no network, the top bar shows the last sync', async ({
      consolePage: page,
      laptopNetwork,
    }) => {
      await signInToConsole(page, lang, laptopNetwork.url);
      await waitForSync(page, lang);
      await expect(page.getByTestId('last-sync')).toHaveText(LAST_SYNC[lang]);

      laptopNetwork.setOffline(true);
      await page.reload();
      await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');
      await openQueue(page, lang, 'all');
      await expect(page.getByTestId('last-sync')).toHaveText(LAST_SYNC[lang]);
      await expect(page.getByTestId('last-sync')).not.toHaveText(w.neverSynced);
    });
  });
}
