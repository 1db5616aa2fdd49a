import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  LOCALES,
  grid,
  keepScreenshot,
  openQueue,
  rows,
  signInToConsole,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/mesa-fixtures';

/**
 * One SLA signal everywhere, on the demo data an agent sees after `npm start`: the
 * "Breaching soon" list, its sidebar count, the top bar's badge and the "SLA due" order
 * all go by the same clock as each row's badge.
 */

interface RowSignal {
  id: string;
  health: string | null;
  dueAt: number;
}

async function rowSignals(page: Page): Promise<RowSignal[]> {
  return rows(page).evaluateAll((elements) =>
    elements
      .map((row) => {
        const badge = row.querySelector<HTMLElement>('.sla-badge');
        const top = Number(/translateY\(([\d.]+)px\)/.exec((row as HTMLElement).style.transform)?.[1] ?? 0);
        return {
          top,
          id: row.getAttribute('data-ticket-id') ?? '',
          health: badge?.dataset.health ?? null,
          dueAt: Number(badge?.dataset.dueAt ?? Infinity),
        };
      })
      .sort((a, b) => a.top - b.top)
      .map(({ id, health, dueAt }) => ({ id, health, dueAt })),
  );
}

/** Every row of a virtualized list: scrolls it a screen at a time, collecting the rows on screen. */
async function everyRowSignal(page: Page, total: number): Promise<RowSignal[]> {
  const seen = new Map<string, RowSignal & { index: number }>();
  for (let step = 0; step < 200 && seen.size < total; step++) {
    const indexed = await rows(page).evaluateAll((elements) =>
      elements.map((row) => Number(row.getAttribute('aria-rowindex'))),
    );
    const signals = await rowSignals(page);
    const sorted = [...indexed].sort((a, b) => a - b);
    signals.forEach((signal, i) => seen.set(signal.id, { ...signal, index: sorted[i]! }));
    await grid(page).evaluate((element) => element.scrollBy(0, element.clientHeight));
  }
  return [...seen.values()]
    .sort((a, b) => a.index - b.index)
    .map(({ id, health, dueAt }) => ({ id, health, dueAt }));
}

const countOf = async (locator: Locator): Promise<number> =>
  Number((await locator.textContent())?.replace(/\D/g, '') ?? NaN);

const isSorted = (values: number[]): boolean =>
  values.every((value, i) => i === 0 || values[i - 1]! <= value);

for (const lang of ['es', 'en'] as Lang[]) {
  test.describe(`one SLA signal (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1366, height: 768 } });

    test('Breaching soon, its counts, the top-bar badge and the SLA due order agree with the row badges', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);

      await openQueue(page, lang, 'breaching');
      const sidebar = page.getByTestId('count-breaching');
      const topBar = page.getByTestId('sla-attention');
      await expect(topBar).toBeVisible();
      const count = await countOf(sidebar);
      expect(count).toBeGreaterThan(0);
      // The top bar names what it counts, and counts what the sidebar and the list hold.
      await expect(topBar).toContainText(lang === 'es' ? 'A punto de incumplir' : 'Breaching soon');
      await expect(topBar).toHaveAttribute('data-count', String(count));
      await expect(grid(page)).toHaveAttribute('aria-rowcount', String(count + 1));

      // Every row listed is warning or breached by its own badge, in due order.
      const breaching = await everyRowSignal(page, count);
      expect(breaching).toHaveLength(count);
      for (const row of breaching) expect(['warning', 'breached'], row.id).toContain(row.health);
      expect(isSorted(breaching.map((row) => row.dueAt)), JSON.stringify(breaching)).toBe(true);
      await grid(page).evaluate((element) => element.scrollTo(0, 0));
      await expectNoSeriousA11yViolations(page, testInfo, `sla-signals-${lang}`);
      await keepScreenshot(page, testInfo, `sla-signals-${lang}`);

      // "All open", by SLA due: the same instants order it, and every row whose badge warns
      // is one "Breaching soon" lists.
      await openQueue(page, lang, 'all');
      const all = await rowSignals(page);
      expect(isSorted(all.map((row) => row.dueAt)), JSON.stringify(all)).toBe(true);
      const listed = new Set(breaching.map((row) => row.id));
      for (const row of all)
        if (row.health === 'warning' || row.health === 'breached')
          expect(listed.has(row.id), row.id).toBe(true);

      // The top bar's badge opens the queue it counts.
      await topBar.click();
      await expect(
        page.getByRole('heading', {
          level: 1,
          name: lang === 'es' ? 'A punto de incumplir' : 'Breaching soon',
        }),
      ).toBeVisible();
    });
  });
}
