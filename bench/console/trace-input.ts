import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { mainThreadTime, type TraceEvent } from './trace-summary';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];
/**
 * A kept trace also samples the JS stacks, so it shows which functions ran (DevTools maps
 * them through the bundle's source map); the sampler slows scripts several times over, so
 * the printed split is taken without it unless a trace is kept.
 */
const PROFILER = 'disabled-by-default-v8.cpu_profiler';
const categories = () => (process.env.MESA_BENCH_TRACE ? [...CATEGORIES, PROFILER] : CATEGORIES);
const PRESSES = 20;
const PRESS_GAP_MS = 120;
const TYPE_GAP_MS = 110;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Chromium trace of the page's renderer while `work` runs (the page's own CDP session). */
export async function traceWhile(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories() },
    transferMode: 'ReportEvents',
  });
  try {
    await work();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** The renderer that handled the input: the one whose main thread dispatched key events. */
function inputRenderer(events: readonly TraceEvent[]): number | undefined {
  return events.find((e) => e.name === 'EventDispatch' && e.ph === 'X')?.pid;
}

function report(what: string, presses: number, events: TraceEvent[]): void {
  const kinds = mainThreadTime(events, inputRenderer(events)).slice(0, 8);
  const total = kinds.reduce((sum, k) => sum + k.ms, 0);
  const sampled = process.env.MESA_BENCH_TRACE ? ' (JS sampled: scripts slowed)' : '';
  console.error(
    `bench: trace, ${what}${sampled}: main thread ${(total / presses).toFixed(1)} ms a press: ${kinds.map((k) => `${k.name} ${(k.ms / presses).toFixed(1)}`).join(', ')}`,
  );
  const file = process.env.MESA_BENCH_TRACE;
  if (file)
    writeFileSync(`${file}-${what.replace(/\W+/g, '_')}.json`, JSON.stringify({ traceEvents: events }));
}

/**
 * After the measured presses, the same inputs again under a trace (tracing slows the page,
 * so these are never the figures): j through the queue, and a word typed into search.
 * Prints the main thread's time a press by task kind; MESA_BENCH_TRACE=<path prefix> also
 * keeps each trace for chrome://tracing or Perfetto. Expects the page on a queue with rows.
 */
export async function whereTimeGoes(page: Page, cdp: CDPSession, word: string): Promise<void> {
  await page.getByTestId('ticket-grid').focus();
  const moves = await traceWhile(cdp, async () => {
    for (let i = 0; i < PRESSES; i++) {
      await page.keyboard.press('j');
      await pause(PRESS_GAP_MS);
    }
  });
  report('j', PRESSES, moves);
  await page.keyboard.press('/');
  const typing = await traceWhile(cdp, async () => {
    for (const letter of word) {
      await page.keyboard.press(letter);
      await pause(TYPE_GAP_MS);
    }
    await page
      .locator('.search-view [data-testid="ticket-row"]')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
  });
  report('search typing', word.length, typing);
  await page.keyboard.press('Escape');
  await page.locator('.search-view').waitFor({ state: 'hidden', timeout: 60_000 });
}
