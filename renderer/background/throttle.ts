import { browserTimers, type TaskTimers } from './wakeable-task';

/**
 * Calls `fn` at once, then at most once per `ms` however often it is asked to: a call asked
 * for during the quiet time runs once at its end, so the last ask is never dropped.
 */
export function throttle(
  fn: () => void,
  ms: number,
  timers: TaskTimers = browserTimers,
  now: () => number = Date.now,
): { (): void; cancel(): void } {
  let last = -Infinity;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    last = now();
    fn();
  };
  const throttled = () => {
    if (timer !== null) return;
    const wait = last + ms - now();
    if (wait <= 0) fire();
    else timer = timers.setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
