import type { Page } from '@playwright/test';
import { r2, type BenchResult } from '../bench-result';
import {
  interactionsOf,
  observeEvents,
  pageNow,
  takeEvents,
  type EventEntry,
  type InputMark,
  type Interaction,
} from './event-timing';
import { spread } from './percentiles';

/**
 * Input → next paint for what an agent does all day, driven through Playwright's keyboard
 * and mouse (trusted input, as Chromium's Event Timing sees a person's), on the queue the
 * page has open. Each interaction gets p50 and p95 figures (goal ≤ 50 ms p95).
 */

const J_PRESSES = 40;
const K_PRESSES = 10;
const OPENS = 10;
const QUEUE_SWITCHES = 10;
const FILTER_STEPS = 10;
/** Typed a letter at a time, as an agent types (accents left out, as agents do). */
const SEARCH_WORDS = ['conexion', 'contrasena', 'impresora'];
/** Between key presses: a brisk agent, not a key-repeat storm that would queue inputs behind each other. */
const PRESS_GAP_MS = 120;
const TYPE_GAP_MS = 110;
const SCREEN_TIMEOUT = 60_000;

type Kind = 'jk' | 'open' | 'queue' | 'filter' | 'search_key';

class InputLog {
  readonly marks: InputMark[] = [];
  constructor(private readonly page: Page) {}

  /** Marks the page's clock, then sends the input. `label` null: sent but not measured. */
  async input(label: Kind | null, send: () => Promise<void>): Promise<void> {
    this.marks.push({ at: (await this.page.evaluate(pageNow)) as number, label });
    await send();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function backToQueue(page: Page, log: InputLog, queue: string): Promise<void> {
  await log.input(null, () => page.locator(`[data-queue="${queue}"]`).click());
  await page.getByTestId('ticket-row').first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
}

async function moveThroughQueue(page: Page, log: InputLog): Promise<void> {
  // The grid, not a field, has the focus: j and k are shortcuts only outside fields.
  await log.input(null, () => page.getByTestId('ticket-grid').focus());
  for (let i = 0; i < J_PRESSES + K_PRESSES; i++) {
    await log.input('jk', () => page.keyboard.press(i < J_PRESSES ? 'j' : 'k'));
    await pause(PRESS_GAP_MS);
  }
}

async function openTickets(page: Page, log: InputLog): Promise<void> {
  for (let i = 0; i < OPENS; i++) {
    await log.input(null, () => page.keyboard.press('j'));
    await pause(PRESS_GAP_MS);
    await log.input('open', () => page.keyboard.press('Enter'));
    await page.getByTestId('ticket-view').waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
    await pause(PRESS_GAP_MS);
    await log.input(null, () => page.keyboard.press('Escape'));
    await page.getByTestId('ticket-view').waitFor({ state: 'hidden', timeout: SCREEN_TIMEOUT });
    await page.getByTestId('ticket-grid').focus();
  }
}

async function switchQueues(page: Page, log: InputLog): Promise<void> {
  const order = ['team', 'unassigned', 'all', 'breaching', 'mine'];
  for (let i = 0; i < QUEUE_SWITCHES; i++) {
    const queue = order[i % order.length]!;
    await log.input('queue', () => page.locator(`[data-queue="${queue}"]`).click());
    await page.locator(`[data-queue="${queue}"][aria-current="page"]`).waitFor({ timeout: SCREEN_TIMEOUT });
    // Until the new queue's count is on screen: what the agent waits for before the next click.
    await page
      .getByTestId('queue-count')
      .filter({ hasNotText: /…|\.\.\./ })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await pause(PRESS_GAP_MS);
  }
}

/** The priority filter stepped with the arrow keys (P1 … P5 and back), as a keyboard user picks it. */
async function applyFilters(page: Page, log: InputLog): Promise<void> {
  const priority = page.getByRole('group', { name: 'Filters' }).getByLabel('Priority');
  await log.input(null, () => priority.focus());
  for (let i = 0; i < FILTER_STEPS; i++) {
    await log.input('filter', () => page.keyboard.press(i < 5 ? 'ArrowDown' : 'ArrowUp'));
    await page
      .getByTestId('queue-count')
      .filter({ hasNotText: /…|\.\.\./ })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await pause(PRESS_GAP_MS);
  }
  // Back to no filter: the filters persist, and later figures read the plain queue.
  if ((await priority.inputValue()) !== '') await priority.selectOption('');
}

async function typeSearches(page: Page, log: InputLog): Promise<void> {
  for (const word of SEARCH_WORDS) {
    await log.input(null, () => page.keyboard.press('/'));
    for (const letter of word) {
      await log.input('search_key', () => page.keyboard.press(letter));
      await pause(TYPE_GAP_MS);
    }
    await page
      .locator('.search-view [data-testid="ticket-row"]')
      .first()
      .waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
    await log.input(null, () => page.keyboard.press('Escape'));
    await page.locator('.search-view').waitFor({ state: 'hidden', timeout: SCREEN_TIMEOUT });
  }
}

/** One search answered before the clock: the word index is built once a session, and is its own figure. */
async function warmSearch(page: Page): Promise<void> {
  await page.getByRole('searchbox').fill(SEARCH_WORDS[0]!);
  await page
    .locator('.search-view [data-testid="ticket-row"]')
    .first()
    .waitFor({ state: 'visible', timeout: 300_000 });
  await page.getByRole('searchbox').fill('');
}

/** Expects the page on a queue with rows; leaves it on the 'mine' queue, no filter, no search. */
export async function measureInteractions(page: Page, scale: string): Promise<BenchResult[]> {
  if (!(await page.evaluate(observeEvents)))
    throw new Error('this Chromium has no Event Timing (event entries)');
  await warmSearch(page);
  const log = new InputLog(page);
  await backToQueue(page, log, 'mine');
  await moveThroughQueue(page, log);
  await openTickets(page, log);
  await switchQueues(page, log);
  await backToQueue(page, log, 'all');
  await applyFilters(page, log);
  await backToQueue(page, log, 'mine');
  await typeSearches(page, log);
  const entries = (await page.evaluate(takeEvents)) as EventEntry[];
  const measured = interactionsOf(log.marks, entries);
  return figuresOf(measured, scale);
}

function figuresOf(measured: readonly Interaction[], scale: string): BenchResult[] {
  const kinds = [...new Set(measured.map((m) => m.label))];
  return kinds.flatMap((kind) => {
    const of = measured.filter((m) => m.label === kind);
    const s = spread(of.map((m) => m.duration));
    const slow = [...of].sort((a, b) => b.duration - a.duration).slice(0, 3);
    console.error(
      `bench: input→paint ${kind}: p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms, n ${s.n} (${of.filter((m) => !m.reported).length} under the threshold); slowest as delay+handlers+to paint: ${slow.map((m) => `${r2(m.inputDelay)}+${r2(m.processing)}+${r2(m.presentation)}`).join(', ')}`,
    );
    return [
      { name: `console.input_to_paint_${kind}_p50_${scale}`, value: r2(s.p50), unit: 'ms', n: s.n },
      { name: `console.input_to_paint_${kind}_p95_${scale}`, value: r2(s.p95), unit: 'ms', n: s.n },
    ];
  });
}
