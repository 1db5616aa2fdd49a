import type { Page } from '@playwright/test';
import {
  interactionsOf,
  observeEvents,
  pageNow,
  takeEvents,
  type EventEntry,
  type InputMark,
  type Interaction,
} from '../../bench/console/event-timing';

/**
 * `j`/`k` through the queue as an agent presses them (trusted input, a brisk gap between
 * presses), each timed from input to next paint by the Event Timing API, and the page's
 * long tasks and report spans meanwhile, so a spec can tell the presses made while a
 * report computed from the others. Figures only: nothing here asserts a duration.
 */

/** A brisk agent going through a queue. */
export const PRESS_GAP_MS = 120;
/** Down thirty, up ten: the selection stays in the rows on screen and the list scrolls both ways. */
const PATTERN = [...Array<string>(30).fill('j'), ...Array<string>(10).fill('k')];

export interface Span {
  startTime: number;
  duration: number;
}

export interface PressedKeys {
  interactions: Array<Interaction & { at: number }>;
}

/** Starts keeping the page's `event`, `longtask` and report `measure` entries (once per document). */
export async function watchMainThread(page: Page, reportMeasure: string): Promise<void> {
  if (!(await page.evaluate(observeEvents))) throw new Error('this Chromium has no Event Timing');
  await page.evaluate((name) => {
    const kept = { longTasks: [] as Span[], reports: [] as Span[] };
    (globalThis as unknown as { __mesaMainThread: typeof kept }).__mesaMainThread = kept;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        kept.longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === name) kept.reports.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'measure' });
  }, reportMeasure);
}

/**
 * Waits until the page has run no long task for `quietMs` (the start's own work, e.g. the
 * search index, done), at most `maxMs`: the presses then time the queue, not the start.
 */
export async function settle(page: Page, quietMs = 2_000, maxMs = 120_000): Promise<void> {
  await page.evaluate(
    async ({ quietMs, maxMs }) => {
      const kept = (globalThis as unknown as { __mesaMainThread: { longTasks: Span[] } }).__mesaMainThread;
      const started = performance.now();
      for (;;) {
        const last = kept.longTasks.at(-1);
        const lastEnd = last ? last.startTime + last.duration : 0;
        if (performance.now() - lastEnd >= quietMs || performance.now() - started > maxMs) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    { quietMs, maxMs },
  );
}

/** The long tasks and report spans kept since the last call (and forgets them). */
export async function takeMainThread(page: Page): Promise<{ longTasks: Span[]; reports: Span[] }> {
  return page.evaluate(() => {
    const kept = (globalThis as unknown as { __mesaMainThread: { longTasks: Span[]; reports: Span[] } })
      .__mesaMainThread;
    return { longTasks: kept.longTasks.splice(0), reports: kept.reports.splice(0) };
  });
}

/** Presses j/k `presses` times in the queue's grid, `gapMs` apart; returns each press's input → next paint. */
export async function pressQueueKeys(
  page: Page,
  { presses, gapMs = PRESS_GAP_MS }: { presses: number; gapMs?: number },
): Promise<PressedKeys> {
  await page.getByTestId('ticket-grid').focus();
  const marks: InputMark[] = [];
  for (let i = 0; i < presses; i++) {
    marks.push({ at: (await page.evaluate(pageNow)) as number, label: String(marks.length) });
    await page.keyboard.press(PATTERN[i % PATTERN.length]!);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  // A last mark closes the last press's window.
  marks.push({ at: (await page.evaluate(pageNow)) as number, label: null });
  const entries = (await page.evaluate(takeEvents)) as EventEntry[];
  const at = new Map(marks.map((m) => [m.label, m.at]));
  return {
    interactions: interactionsOf(marks, entries).map((i) => ({ ...i, at: at.get(i.label)! })),
  };
}

/** Whether a press started while one of the spans ran. */
export const during = (at: number, spans: readonly Span[]) =>
  spans.some((s) => at >= s.startTime && at < s.startTime + s.duration);
