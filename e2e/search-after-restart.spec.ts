import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Colleague } from './support/admin';
import { WORDS, openQueue, rowOf, rows, signInToConsole, waitForSync } from './support/console';
import { expect, test } from './support/mesa-fixtures';

/**
 * The search words are saved after a sync, in Chromium's real IndexedDB, and a start
 * searches with them: after a reload with the server down, a search finds a ticket from
 * before the first save and one that arrived after it (saved beside the first save's arrays,
 * as a change).
 */
test.use({ locale: 'en-US' });

/** The saved words' row as the console left it in IndexedDB: the last page it includes, and whether changes sit beside it. */
async function savedWords(page: Page): Promise<{ pageSeq: number; withChanges: boolean } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mesa-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('snapshots')) return resolve(null);
          const get = db.transaction('snapshots').objectStore('snapshots').get('words');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const row = get.result as { pageSeq: number; snapshot: { changes?: unknown } } | undefined;
            db.close();
            resolve(row ? { pageSeq: row.pageSeq, withChanges: row.snapshot.changes !== undefined } : null);
          };
        };
      }),
  );
}

async function createTicket(ana: Colleague, title: string): Promise<string> {
  const ticketId = randomUUID();
  const created = await ana.push('ticket.create', {
    ticketId,
    title,
    description: 'Reported by phone.',
    category: 'hardware',
    impact: 3,
    urgency: 3,
    requester: { name: 'Eva Ruiz', email: 'eva.ruiz@example.com' },
  });
  expect(created.status).toBe('applied');
  return ticketId;
}

test('a search after a reload with the server down answers from the saved words, a later ticket included', async ({
  consolePage: page,
  backend,
}) => {
  const ana = await Colleague.signIn(backend.url);
  const early = await createTicket(ana, 'Zafiro printer jams');
  await signInToConsole(page, 'en', backend.url);
  await waitForSync(page, 'en');
  await expect
    .poll(async () => (await savedWords(page))?.pageSeq ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const firstSave = (await savedWords(page))!.pageSeq;

  const late = await createTicket(ana, 'Berilo scanner offline');
  await openQueue(page, 'en', 'unassigned');
  await expect(rowOf(page, late)).toBeVisible();
  await expect
    .poll(async () => (await savedWords(page))?.pageSeq ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(firstSave);
  expect((await savedWords(page))?.withChanges).toBe(true);

  await backend.kill('SIGTERM');
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  const search = page.getByRole('searchbox', { name: WORDS.en.search });
  await search.fill('zafiro');
  await expect(rowOf(page, early)).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await search.fill('berilo');
  await expect(rowOf(page, late)).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
});
