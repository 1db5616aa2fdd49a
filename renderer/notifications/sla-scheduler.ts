import { browserTimers, createWakeableTask, type TaskTimers } from '../background/wakeable-task';
import type { SlaNotification, SlaWatcher, SlaWatchResult } from './sla-watcher';

/**
 * Runs the watcher when something can have changed, and otherwise sleeps: until the next
 * threshold the watcher predicts, or the data changes (the caller calls wake()). A cap on
 * the sleep covers what no prediction sees: a laptop lid closed for the night, a wall
 * clock that jumped. One check at a time; a wake during a check runs one more after it.
 */
export type SchedulerTimers = TaskTimers;

export interface SlaSchedulerOptions {
  watcher: SlaWatcher;
  now(): Date;
  present(notification: SlaNotification): Promise<void> | void;
  setAttentionCount(count: number): void;
  timers?: SchedulerTimers;
  /** Longest sleep between checks. */
  maxSleepMs?: number;
  onError?(error: unknown): void;
  onChecked?(result: SlaWatchResult): void;
}

export interface SlaScheduler {
  wake(): void;
  stop(): void;
  idle(): Promise<void>;
}

export function createSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const { watcher, now, present, timers = browserTimers, maxSleepMs = 5 * 60_000 } = options;
  let lastCount: number | null = null;

  const sleepUntil = (nextWakeAt: Date | null) => {
    const untilNext = nextWakeAt ? nextWakeAt.getTime() - now().getTime() : Infinity;
    task.wakeIn(Math.min(untilNext, maxSleepMs));
  };

  const task = createWakeableTask(async () => {
    let result: SlaWatchResult;
    try {
      result = await watcher.check(now());
    } catch (error) {
      options.onError?.(error);
      sleepUntil(null);
      return;
    }
    for (const notification of result.notify) {
      try {
        await present(notification);
      } catch (error) {
        // One notification the desktop refused must not hide the next one.
        options.onError?.(error);
      }
    }
    if (result.attentionCount !== lastCount) {
      lastCount = result.attentionCount;
      options.setAttentionCount(result.attentionCount);
    }
    options.onChecked?.(result);
    sleepUntil(result.nextWakeAt);
  }, timers);

  return { wake: () => task.wake(), stop: () => task.stop(), idle: () => task.idle() };
}
