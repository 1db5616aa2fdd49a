import type { Page } from '@playwright/test';
import { fillCache } from '../../e2e/support/fill-cache';
import { cachedTickets } from './page-scripts';

/**
 * tsx compiles with esbuild's keepNames, which wraps the inner functions of a function
 * handed to page.evaluate in `__name(fn, "name")`; the page has no such helper.
 */
const KEEP_NAMES_IN_PAGE = 'globalThis.__name ??= (fn) => fn';

/**
 * Tops the console's cache up to `target` tickets with clones of its cached open tickets,
 * written as the console stores pages, then reloads so the console's memory view reads them
 * (it learns of its own writes only). Used only when the real bootstrap did not finish
 * within the bench's budget, so the at-scale figures (queue, search, heap) can still be
 * taken. Returns the distinct tickets cached before.
 */
export async function topUpCache(page: Page, target: number): Promise<number> {
  const have = (await page.evaluate(cachedTickets)) as number;
  if (have >= target) return have;
  await page.evaluate(KEEP_NAMES_IN_PAGE);
  await fillCache(page, target - have);
  await page.reload();
  return have;
}
