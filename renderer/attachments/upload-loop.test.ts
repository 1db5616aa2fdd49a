// The loop's timing is stepped by hand: a fake timer table records each retry and its delay,
// and the test fires it. Nothing here waits on the wall clock.
import { describe, expect, it } from 'vitest';
import { manualTimers } from '../background/testing/manual-timers';
import { MesaError } from '../../shared/index';
import { createUploadLoop } from './upload-loop';
import type { DrainOutcome, PendingUpload, UploadStore } from './upload-queue';

function oneBlobStore(): UploadStore & { uploaded: boolean } {
  const blob = new Blob(['x']);
  const state = {
    uploaded: false,
    listPending: async (): Promise<PendingUpload[]> =>
      state.uploaded ? [] : [{ sha256: 'a'.repeat(64), contentType: 'text/plain', blob }],
    markUploaded: async () => void (state.uploaded = true),
    markFailed: async () => undefined,
  };
  return state;
}

describe('upload loop', () => {
  it('backs off while offline, doubling the ceiling, and resets after a success', async () => {
    const clock = manualTimers();
    const store = oneBlobStore();
    let online = false;
    const outcomes: DrainOutcome['state'][] = [];
    const loop = createUploadLoop({
      store,
      upload: async () => {
        if (!online) throw new MesaError('offline', 'no network');
      },
      timers: clock.timers,
      baseDelayMs: 1_000,
      maxDelayMs: 8_000,
      random: () => 0.999, // the top of each jitter window, so the ceiling is visible
      onDrained: (o) => outcomes.push(o.state),
    });

    loop.poke();
    await loop.idle();
    expect(clock.delays()).toEqual([999]);
    for (const expected of [1_998, 3_996, 7_992, 7_992]) {
      clock.fire();
      await loop.idle();
      expect(clock.delays()).toEqual([expected]);
    }

    online = true;
    clock.fire();
    await loop.idle();
    expect(store.uploaded).toBe(true);
    expect(clock.delays()).toEqual([]);
    expect(outcomes.at(-1)).toBe('done');
    loop.stop();
  });

  it('a poke (back online, new file) runs at once instead of waiting out the backoff', async () => {
    const clock = manualTimers();
    const store = oneBlobStore();
    let online = false;
    const loop = createUploadLoop({
      store,
      upload: async () => {
        if (!online) throw new MesaError('offline', 'no network');
      },
      timers: clock.timers,
    });
    loop.poke();
    await loop.idle();
    expect(clock.delays()).toHaveLength(1);
    online = true;
    loop.poke();
    await loop.idle();
    expect(store.uploaded).toBe(true);
    expect(clock.delays()).toEqual([]);
  });

  it('does nothing more once stopped', async () => {
    const clock = manualTimers();
    const store = oneBlobStore();
    const loop = createUploadLoop({
      store,
      upload: async () => {
        throw new MesaError('offline', 'no network');
      },
      timers: clock.timers,
    });
    loop.poke();
    await loop.idle();
    loop.stop();
    expect(clock.delays()).toEqual([]);
    loop.poke();
    await loop.idle();
    expect(clock.delays()).toEqual([]);
  });
});
