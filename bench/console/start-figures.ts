import type { Page } from '@playwright/test';
import { compared, r2, type BenchResult } from '../bench-result';
import { percentile } from './percentiles';
import { firstSeen, firstSeenScript, QUEUE_ROW, SEARCH_ROW, type FirstSeen } from './screen-scripts';
import { readAllCache, type ReadAll } from './start-baselines';

const SCREEN_TIMEOUT = 300_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every start with a warm cache: the page reloaded, then, from the moment the navigation
 * started, until the queue's first row is painted, and until the first search (typed as
 * soon as rows show) has its first result painted. `reloads` times each, median reported.
 * Baseline of the rows: the whole cache read back and parsed in the same page (start-baselines.ts).
 * Expects the page signed in on a queue with rows; leaves it there.
 */
export async function startFigures(
  page: Page,
  scale: string,
  reloads: number,
  searchWord: string,
): Promise<BenchResult[]> {
  await page.addInitScript(firstSeenScript({ queueRow: QUEUE_ROW, searchRow: SEARCH_ROW }));
  const rows: number[] = [];
  const searches: number[] = [];
  // Polled from here: the console's CSP forbids the string evaluation waitForFunction would need.
  const seen = async (name: string) => {
    for (const until = Date.now() + SCREEN_TIMEOUT; Date.now() < until; await pause(50)) {
      const at = (await page.evaluate(firstSeen(name))) as FirstSeen | null;
      if (at) return at.sinceStart;
    }
    throw new Error(`${name} not on screen within ${SCREEN_TIMEOUT / 1000} s of a reload`);
  };
  for (let i = 0; i < reloads; i++) {
    await page.reload({ waitUntil: 'commit' });
    rows.push(await seen('queueRow'));
    await page.getByRole('searchbox').fill(searchWord);
    searches.push(await seen('searchRow'));
    await page.getByRole('searchbox').fill('');
    await page.locator(QUEUE_ROW).first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
  }
  console.error(
    `bench: reload → rows ms: ${rows.map(Math.round).join(' ')}; reload → first search ms: ${searches.map(Math.round).join(' ')}`,
  );
  const floor = (await page.evaluate(readAllCache)) as ReadAll;
  console.error(
    `bench: read all cached rows: ${floor.rows} rows, ${floor.parsed} JSON texts (${(floor.bytes / 1e6).toFixed(1)} MB) in ${floor.ms.toFixed(0)} ms`,
  );
  return [
    ...compared(
      { name: `console.reload_to_rows_${scale}`, value: r2(percentile(rows, 50)), unit: 'ms', n: reloads },
      { name: `idb.read_all_parse_${scale}`, value: r2(floor.ms), n: floor.rows },
    ),
    {
      name: `console.reload_to_first_search_${scale}`,
      value: r2(percentile(searches, 50)),
      unit: 'ms',
      n: reloads,
    },
  ];
}
