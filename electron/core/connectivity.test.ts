import { describe, expect, it, vi } from 'vitest';
import type { Connectivity } from '../../shared/ipc/contract';
import { manualClock } from '../testing/manual-clock';
import { createBackoff } from './backoff';
import { ConnectivityMonitor } from './connectivity';

function monitor(probe: () => Promise<void>) {
  const { clock, advance } = manualClock();
  const changes: Connectivity[] = [];
  const onRecovered = vi.fn();
  const m = new ConnectivityMonitor({
    clock,
    backoff: createBackoff({ baseMs: 1_000, maxMs: 8_000, random: () => 0.5 }),
    probe: async () => probe(),
    onChange: (c) => changes.push(c),
    onRecovered,
  });
  m.apply({ type: 'signed_in', serverUrl: 'http://s' });
  return { m, changes, onRecovered, advance, clock };
}

describe('the connectivity monitor', () => {
  it('probes the health endpoint with growing delays while offline, and says when the next try is', async () => {
    const probe = vi.fn(() => Promise.reject(new Error('refused')));
    const { m, advance, clock } = monitor(probe);
    const t0 = clock.now();
    m.apply({ type: 'network_failed', message: 'Cannot reach the server (ECONNREFUSED).' });
    expect(m.current).toMatchObject({ state: 'offline', retryAt: new Date(t0 + 500).toISOString() });
    await advance(500);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(m.current.retryAt).toBe(new Date(t0 + 500 + 1_000).toISOString());
    await advance(1_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(m.current.retryAt).toBe(new Date(t0 + 1_500 + 2_000).toISOString());
  });

  it('keeps probes that cannot connect close together, and backs off from a server that answers badly', async () => {
    const { clock, advance } = manualClock();
    const failures: unknown[] = [];
    const probe = vi.fn(() => Promise.reject(failures.shift()));
    const m = new ConnectivityMonitor({
      clock,
      backoff: createBackoff({ baseMs: 1_000, maxMs: 60_000, random: () => 0.5 }),
      connectBackoff: createBackoff({ baseMs: 250, maxMs: 2_000, random: () => 0.5 }),
      couldNotConnect: (error) => error === 'refused',
      probe,
      onChange: () => {},
      onRecovered: () => {},
    });
    m.apply({ type: 'signed_in', serverUrl: 'http://s' });
    const t0 = clock.now();
    m.apply({ type: 'network_failed', message: 'Cannot reach the server (ECONNREFUSED).' });
    // The first probe of an outage comes soon; refused ones stay at most 2 s apart (half of it here).
    failures.push(...Array<string>(8).fill('refused'));
    await advance(125);
    let at = t0 + 125;
    for (const wait of [250, 500, 1_000, 1_000, 1_000, 1_000]) {
      expect(m.current.retryAt).toBe(new Date(at + wait).toISOString());
      await advance(wait);
      at += wait;
    }
    expect(probe).toHaveBeenCalledTimes(7);
    // A 5xx (an answer, but a failing one) waits by the general backoff, which grows.
    failures.splice(0, Infinity, 'server_error', 'server_error');
    await advance(1_000);
    at += 1_000;
    expect(m.current.retryAt).toBe(new Date(at + 500).toISOString());
    await advance(500);
    expect(m.current.retryAt).toBe(new Date(at + 500 + 1_000).toISOString());
  });

  it('comes back online when a probe gets an answer, and asks the stream to reconnect', async () => {
    let up = false;
    const { m, advance, onRecovered } = monitor(() =>
      up ? Promise.resolve() : Promise.reject(new Error('down')),
    );
    m.apply({ type: 'network_failed', message: 'down' });
    await advance(500);
    up = true;
    await advance(10_000);
    expect(m.current).toMatchObject({ state: 'online', lastError: null, retryAt: null });
    expect(onRecovered).toHaveBeenCalledTimes(1);
  });

  it('stops probing when something else brings it back, or on sign-out', async () => {
    const probe = vi.fn(() => Promise.reject(new Error('down')));
    const { m, advance } = monitor(probe);
    m.apply({ type: 'network_failed', message: 'down' });
    m.apply({ type: 'reachable' });
    await advance(60_000);
    expect(probe).not.toHaveBeenCalled();
    m.apply({ type: 'network_failed', message: 'down' });
    m.apply({ type: 'signed_out', serverUrl: 'http://s' });
    await advance(60_000);
    expect(probe).not.toHaveBeenCalled();
  });

  it('tells the page only about real changes', () => {
    const { m, changes } = monitor(() => Promise.resolve());
    const before = changes.length;
    m.apply({ type: 'reachable' });
    m.apply({ type: 'reachable' });
    expect(changes.length).toBe(before);
  });
});
