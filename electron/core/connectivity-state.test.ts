import { describe, expect, it } from 'vitest';
import { initialConnectivity, reduceConnectivity, type ConnectivityEvent } from './connectivity-state';

const run = (...events: ConnectivityEvent[]) =>
  events.reduce(reduceConnectivity, initialConnectivity('http://s'));
const T = Date.UTC(2025, 0, 6, 10, 0, 0);

describe('connectivity state', () => {
  it('starts signed out and ignores network news until a sign-in', () => {
    expect(run({ type: 'network_failed', message: 'x' }, { type: 'reachable' }).state).toBe('signed_out');
  });

  it('goes offline on a failed request and back online on any answer', () => {
    const offline = run(
      { type: 'signed_in', serverUrl: 'http://s' },
      { type: 'network_failed', message: 'Cannot reach the server (ECONNREFUSED).' },
    );
    expect(offline).toMatchObject({ state: 'offline', lastError: 'Cannot reach the server (ECONNREFUSED).' });
    const probing = reduceConnectivity(offline, { type: 'probe_scheduled', retryAt: T });
    expect(probing.retryAt).toBe('2025-01-06T10:00:00.000Z');
    expect(reduceConnectivity(probing, { type: 'reachable' })).toMatchObject({
      state: 'online',
      lastError: null,
      retryAt: null,
    });
  });

  it('says reconnecting when the stream drops while online, and keeps offline when already offline', () => {
    const lost = run(
      { type: 'signed_in', serverUrl: 'http://s' },
      { type: 'stream_lost', message: 'closed', retryAt: T },
    );
    expect(lost).toMatchObject({ state: 'reconnecting', retryAt: '2025-01-06T10:00:00.000Z' });
    const offline = reduceConnectivity(lost, { type: 'network_failed', message: 'refused' });
    expect(reduceConnectivity(offline, { type: 'stream_lost', message: 'again', retryAt: T + 1 }).state).toBe(
      'offline',
    );
  });

  it('records the last sync time and clears everything on sign-out but the server', () => {
    const synced = run({ type: 'restoring', serverUrl: 'http://s' }, { type: 'synced', at: T });
    expect(synced).toMatchObject({ state: 'online', lastSyncAt: '2025-01-06T10:00:00.000Z' });
    expect(
      reduceConnectivity(synced, { type: 'signed_out', serverUrl: 'http://s', reason: 'expired' }),
    ).toMatchObject({
      state: 'signed_out',
      serverUrl: 'http://s',
      lastError: 'expired',
      retryAt: null,
    });
  });
});
