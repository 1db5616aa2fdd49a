import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AGENT_PAUSE_MS, giveWay } from './main-thread-turn';

/**
 * The report's main-thread work waits while the agent is going through the queue: its
 * next slice runs only once the keys have stopped for a moment. On a fake clock: a test
 * machine stalled for half a second between two presses would otherwise look like a pause.
 */

const press = () => dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('giving way to the agent', () => {
  it('holds the next slice while keys are pressed, and lets it run once they stop', async () => {
    let ranAt: number | null = null;
    press();
    const slice = giveWay().then(() => {
      ranAt = performance.now();
    });
    let lastPress = performance.now();
    // Key repeat on j for a second: the slice waits throughout, and a while after the last.
    for (let i = 0; i < 20; i++) {
      await vi.advanceTimersByTimeAsync(50);
      expect(ranAt).toBeNull();
      press();
      lastPress = performance.now();
    }
    await vi.advanceTimersByTimeAsync(AGENT_PAUSE_MS - 1);
    expect(ranAt).toBeNull();
    await vi.advanceTimersByTimeAsync(10);
    await slice;
    expect(ranAt! - lastPress).toBeGreaterThanOrEqual(AGENT_PAUSE_MS);
  });

  it('does not wait when the agent is idle', async () => {
    press();
    await vi.advanceTimersByTimeAsync(AGENT_PAUSE_MS);
    let ran = false;
    const slice = giveWay().then(() => {
      ran = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toBe(true);
    await slice;
  });
});
