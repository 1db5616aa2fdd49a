/**
 * A background job that runs when woken and otherwise sleeps, the shape both the upload
 * loop and the SLA scheduler have: one run at a time (a wake during a run makes exactly one
 * more run after it, so nothing is missed and nothing overlaps), an optional timed wake
 * the job sets for itself (a retry, the next SLA threshold), and a stop. Timers come in as
 * an argument so tests step the job by hand instead of waiting.
 */
export interface TaskTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: TaskTimers = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

export interface WakeableTask {
  /** Run now, or once more right after the run in progress. */
  wake(): void;
  /** Wake after `ms`, replacing any earlier timed wake. */
  wakeIn(ms: number): void;
  /** No more runs; a run in progress finishes. */
  stop(): void;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  readonly stopped: boolean;
}

export function createWakeableTask(
  run: () => Promise<void>,
  timers: TaskTimers = browserTimers,
): WakeableTask {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: unknown = null;

  const clearTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const loop = async () => {
    do {
      again = false;
      // A run is starting anyway: a timed wake set before it is moot.
      clearTimer();
      await run();
    } while (again && !stopped);
  };

  const task: WakeableTask = {
    wake() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = loop().finally(() => {
        running = null;
      });
    },
    wakeIn(ms) {
      if (stopped) return;
      clearTimer();
      timer = timers.setTimeout(
        () => {
          timer = null;
          task.wake();
        },
        Math.max(0, ms),
      );
    },
    stop() {
      stopped = true;
      clearTimer();
    },
    idle: async () => {
      while (running) await running;
    },
    get stopped() {
      return stopped;
    },
  };
  return task;
}
