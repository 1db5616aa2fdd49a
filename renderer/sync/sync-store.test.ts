import { describe, expect, it } from 'vitest';
import { firstPullPending, initialSyncState } from './sync-store';

describe('firstPullPending', () => {
  it('holds from sign-in until the first pull has run to its end', () => {
    expect(firstPullPending(initialSyncState)).toBe(true);
    expect(firstPullPending({ ...initialSyncState, connectivity: 'online' })).toBe(true);
    expect(
      firstPullPending({
        ...initialSyncState,
        connectivity: 'online',
        lastSyncAt: '2026-12-06T04:00:00.000Z',
      }),
    ).toBe(false);
  });

  it('does not promise tickets that cannot come: offline, signed out, or after a failure', () => {
    expect(firstPullPending({ ...initialSyncState, connectivity: 'offline' })).toBe(false);
    expect(firstPullPending({ ...initialSyncState, connectivity: 'signed_out' })).toBe(false);
    expect(
      firstPullPending({
        ...initialSyncState,
        connectivity: 'online',
        lastError: { code: 'http_500', message: 'Boom', at: '2026-12-06T04:00:00.000Z' },
      }),
    ).toBe(false);
  });
});
