import type { Clock } from '../core/clock';

/** A clock that moves only when the test says so; timers fire in time order. */
export function manualClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  /** Advances time, firing every timer that falls due on the way. */
  async function advance(ms: number): Promise<void> {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      // Let promise chains started by the callback run before the next timer.
      await new Promise((resolve) => setImmediate(resolve));
    }
    now = end;
  }
  return { clock, advance, pending: () => timers.size };
}
