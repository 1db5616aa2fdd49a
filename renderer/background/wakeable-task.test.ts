import { describe, expect, it } from 'vitest';
import { manualTimers } from './testing/manual-timers';
import { createWakeableTask } from './wakeable-task';

describe('wakeable task', () => {
  it('runs once more, not once per wake, when woken during a run; never two at once', async () => {
    const clock = manualTimers();
    let runs = 0;
    let inFlight = 0;
    let most = 0;
    const task = createWakeableTask(async () => {
      runs += 1;
      most = Math.max(most, ++inFlight);
      await Promise.resolve();
      inFlight -= 1;
    }, clock.timers);
    task.wake();
    task.wake();
    task.wake();
    await task.idle();
    expect([runs, most]).toEqual([2, 1]);
  });

  it('keeps one timed wake, the latest, and drops it when a run starts or the task stops', async () => {
    const clock = manualTimers();
    let runs = 0;
    const task = createWakeableTask(async () => void (runs += 1), clock.timers);
    task.wakeIn(5_000);
    task.wakeIn(1_000);
    expect(clock.delays()).toEqual([1_000]);
    task.wake();
    await task.idle();
    expect(clock.delays()).toEqual([]);
    task.wakeIn(1_000);
    clock.fire();
    await task.idle();
    expect(runs).toBe(2);
    task.wakeIn(1_000);
    task.stop();
    expect(clock.delays()).toEqual([]);
    task.wake();
    await task.idle();
    expect(runs).toBe(2);
  });
});
