import { describe, expect, it } from 'vitest';
import { LatencyTracker, percentile } from './latency-tracker';

describe('change-to-every-console latency', () => {
  it('runs from the acknowledgement until the slowest console has pulled past the change', () => {
    const tracker = new LatencyTracker();
    const fast = tracker.addConsole();
    const slow = tracker.addConsole();
    tracker.acknowledged('ticket:a', 10, 1_000);
    tracker.sawChange('ticket:a', 12);
    tracker.advanced(fast, 12, 1_020);
    tracker.advanced(slow, 11, 1_030);
    tracker.advanced(slow, 15, 1_400);
    expect(tracker.summarize()).toMatchObject({ measured: 1, p50: 400, unconverged: 0, unseen: 0 });
  });

  it('counts a change some console never reached, and a push whose change nobody saw', () => {
    const tracker = new LatencyTracker();
    const one = tracker.addConsole();
    tracker.addConsole();
    tracker.acknowledged('comment:x', 0, 0);
    tracker.sawChange('comment:x', 3);
    tracker.advanced(one, 3, 10);
    tracker.acknowledged('comment:y', 0, 0);
    expect(tracker.summarize()).toMatchObject({ measured: 0, unconverged: 1, unseen: 1 });
  });

  it('takes a change pulled before the push was answered, but not an older one of the same ticket', () => {
    const tracker = new LatencyTracker();
    const c = tracker.addConsole();
    tracker.sawChange('ticket:t', 5);
    tracker.sawChange('ticket:t', 9);
    tracker.advanced(c, 9, 50);
    const early = tracker.acknowledged('ticket:t', 7, 60);
    expect(early.seq).toBe(9);
    const next = tracker.acknowledged('ticket:t', 9, 70);
    expect(next.seq).toBeNull();
    tracker.sawChange('ticket:t', 11);
    expect(next.seq).toBe(11);
  });

  it('reads percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)]).toEqual([
      50, 95, 99,
    ]);
    expect(percentile([], 0.5)).toBeNull();
  });
});
