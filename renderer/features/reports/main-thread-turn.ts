/**
 * How the report's work on the main thread gives way to the agent: it runs in short slices,
 * each in its own task, so a key pressed in the queue waits at most for one slice; and
 * while the agent is pressing keys, clicking or scrolling, it waits: an agent moving
 * through the queue comes first, and a report computing meanwhile must not slow a key.
 *
 * `scheduler.postTask` (Chromium) runs a slice as a task of its own at a priority the
 * browser weighs against input and rendering, and without the 4 ms that nested
 * `setTimeout(0)`s are clamped to (a 100,000-ticket hand-over takes hundreds of slices).
 * Where it is missing (the unit tests' DOM), a timer.
 */

type Priority = 'user-visible' | 'background';

interface PostTaskScheduler {
  postTask<T>(callback: () => T, options?: { priority?: Priority }): Promise<T>;
}

function schedulerOf(): PostTaskScheduler | undefined {
  return (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler?.postTask
    ? (globalThis as unknown as { scheduler: PostTaskScheduler }).scheduler
    : undefined;
}

/** Runs `work` in a task of its own, after input, rendering and the tasks of higher priority. */
export function inOwnTask<T>(work: () => T, priority: Priority): Promise<T> {
  const scheduler = schedulerOf();
  if (scheduler) return scheduler.postTask(work, { priority });
  return new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0),
  );
}

/** Main-thread time one slice may take: a key pressed meanwhile waits about this long, plus its own work. */
export const SLICE_MS = 8;

/**
 * How long after the agent's last key, click or scroll the report's main-thread work
 * waits: longer than the pause between two presses of an agent going through a queue.
 */
export const AGENT_PAUSE_MS = 500;

const INPUTS = ['keydown', 'pointerdown', 'wheel'] as const;
let lastInputAt = Number.NEGATIVE_INFINITY;

// Watched from the start, not from a report's first slice: the clicks that opened Reports
// and went back to the queue count as the agent's input too.
if (typeof addEventListener === 'function') {
  const seen = () => {
    lastInputAt = performance.now();
  };
  for (const type of INPUTS) addEventListener(type, seen, { capture: true, passive: true });
}

/** Gives the main thread back until everything more urgent has run and the agent has paused. */
export async function giveWay(): Promise<void> {
  for (;;) {
    await inOwnTask(() => undefined, 'background');
    const wait = lastInputAt + AGENT_PAUSE_MS - performance.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
