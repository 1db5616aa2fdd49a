import type { TaskTimers } from '../wakeable-task';

/** Timers a test steps by hand: each pending timeout is recorded with its delay and fired on demand. */
export function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: TaskTimers = {
    setTimeout(callback, ms) {
      pending.set(++next, { callback, ms });
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    /** The delays of the timeouts still pending. */
    delays: () => [...pending.values()].map((p) => p.ms),
    /** Fires every pending timeout, as if their time had come. */
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const p of due) p.callback();
    },
  };
}
