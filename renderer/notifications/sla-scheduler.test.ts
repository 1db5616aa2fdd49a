// The scheduler is stepped by hand: its one timer is recorded with its delay and fired by the test.
import { describe, expect, it } from 'vitest';
import { manualTimers } from '../background/testing/manual-timers';
import { createSlaScheduler } from './sla-scheduler';
import type { SlaNotification, SlaWatcher, SlaWatchResult } from './sla-watcher';

const NOW = new Date('2025-03-10T08:00:00Z');
const note = (key: string): SlaNotification => ({
  key,
  ticketId: '0190a000-0000-7000-8000-000000000001',
  ticketNumber: 'INC-1',
  ticketTitle: 'VPN down',
  clock: 'resolution',
  threshold: 'warning',
  dueAt: null,
});

function scriptedWatcher(results: SlaWatchResult[]): SlaWatcher & { calls: number } {
  const w = {
    calls: 0,
    check: async () => results[Math.min(w.calls++, results.length - 1)]!,
  };
  return w;
}

describe('SLA scheduler', () => {
  it('presents what the watcher raises, reports the count once per change, and sleeps until the next threshold', async () => {
    const clock = manualTimers();
    const presented: string[] = [];
    const counts: number[] = [];
    const watcher = scriptedWatcher([
      {
        notify: [note('a'), note('b')],
        deferred: [],
        attentionCount: 2,
        nextWakeAt: new Date(NOW.getTime() + 90_000),
      },
      { notify: [], deferred: [], attentionCount: 2, nextWakeAt: null },
    ]);
    const scheduler = createSlaScheduler({
      watcher,
      now: () => NOW,
      timers: clock.timers,
      present: (n) => void presented.push(n.key),
      setAttentionCount: (c) => void counts.push(c),
      maxSleepMs: 300_000,
    });
    scheduler.wake();
    await scheduler.idle();
    expect(presented).toEqual(['a', 'b']);
    expect(counts).toEqual([2]);
    expect(clock.delays()).toEqual([90_000]);

    clock.fire();
    await scheduler.idle();
    expect(watcher.calls).toBe(2);
    expect(counts).toEqual([2]);
    // Nothing predicted: the safety cap still looks again.
    expect(clock.delays()).toEqual([300_000]);
    scheduler.stop();
    expect(clock.delays()).toEqual([]);
  });

  it('keeps presenting after one notification fails', async () => {
    const clock = manualTimers();
    const presented: string[] = [];
    const errors: unknown[] = [];
    const scheduler = createSlaScheduler({
      watcher: scriptedWatcher([
        { notify: [note('a'), note('b')], deferred: [], attentionCount: 0, nextWakeAt: null },
      ]),
      now: () => NOW,
      timers: clock.timers,
      present: (n) => {
        if (n.key === 'a') throw new Error('denied');
        presented.push(n.key);
      },
      setAttentionCount: () => undefined,
      onError: (e) => void errors.push(e),
    });
    scheduler.wake();
    await scheduler.idle();
    expect(presented).toEqual(['b']);
    expect(errors).toHaveLength(1);
  });

  it('runs one more check when woken during a check, never two at once', async () => {
    const clock = manualTimers();
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const watcher: SlaWatcher = {
      check: async () => {
        calls += 1;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await Promise.resolve();
        inFlight -= 1;
        return { notify: [], deferred: [], attentionCount: 0, nextWakeAt: null };
      },
    };
    const scheduler = createSlaScheduler({
      watcher,
      now: () => NOW,
      timers: clock.timers,
      present: () => undefined,
      setAttentionCount: () => undefined,
    });
    scheduler.wake();
    scheduler.wake();
    scheduler.wake();
    await scheduler.idle();
    expect(calls).toBe(2);
    expect(maxInFlight).toBe(1);
  });
});
