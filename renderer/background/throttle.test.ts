import { describe, expect, it } from 'vitest';
import { throttle } from './throttle';
import type { TaskTimers } from './wakeable-task';

function manualClock() {
  let time = 0;
  const pending: Array<{ at: number; callback: () => void; handle: number }> = [];
  let handles = 0;
  const timers: TaskTimers = {
    setTimeout: (callback, ms) => {
      handles += 1;
      pending.push({ at: time + ms, callback, handle: handles });
      return handles;
    },
    clearTimeout: (handle) => {
      const i = pending.findIndex((p) => p.handle === handle);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    time += ms;
    for (const due of pending.filter((p) => p.at <= time)) {
      pending.splice(pending.indexOf(due), 1);
      due.callback();
    }
  };
  return { timers, now: () => time, advance };
}

describe('throttle', () => {
  it('runs the first ask at once, folds a burst into one run at the end of the quiet time, and drops none', () => {
    const clock = manualClock();
    let runs = 0;
    const wake = throttle(() => (runs += 1), 2_000, clock.timers, clock.now);
    wake();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) {
      clock.advance(100);
      wake();
    }
    expect(runs).toBe(1);
    clock.advance(1_000);
    expect(runs).toBe(2);
    clock.advance(5_000);
    expect(runs).toBe(2);
    wake();
    expect(runs).toBe(3);
  });

  it('cancel drops a run still waiting', () => {
    const clock = manualClock();
    let runs = 0;
    const wake = throttle(() => (runs += 1), 2_000, clock.timers, clock.now);
    wake();
    wake();
    wake.cancel();
    clock.advance(3_000);
    expect(runs).toBe(1);
  });
});
