import { describe, expect, it } from 'vitest';
import { AGENT_PAUSE_MS, giveWay } from './main-thread-turn';

/**
 * The report's main-thread work waits while the agent is going through the queue: its
 * next slice runs only once the keys have stopped for a moment.
 */

const press = () => dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
      await sleep(50);
      press();
      lastPress = performance.now();
    }
    await slice;
    expect(ranAt! - lastPress).toBeGreaterThanOrEqual(AGENT_PAUSE_MS);
  });

  it('does not wait when the agent is idle', async () => {
    await sleep(AGENT_PAUSE_MS);
    let ran = false;
    const slice = giveWay().then(() => {
      ran = true;
    });
    await sleep(50);
    expect(ran).toBe(true);
    await slice;
  });
});
