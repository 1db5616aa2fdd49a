import type { Connectivity } from '../../shared/ipc/contract';

/**
 * What the agent is told about the connection, as a pure reducer so every rule is testable:
 * - online: the last request or the event stream got an answer from the server;
 * - reconnecting: the event stream dropped while we were online and a new attempt is due at retryAt;
 * - offline: a request or connection attempt got no answer at all; a health probe is due at retryAt;
 * - signed_out: no session, nothing to connect; network news changes nothing until sign-in.
 */
export type ConnectivityEvent =
  | { type: 'signed_in'; serverUrl: string }
  /** A session read from disk at start: not yet confirmed by the server. */
  | { type: 'restoring'; serverUrl: string }
  | { type: 'signed_out'; serverUrl: string | null; reason?: string }
  | { type: 'reachable' }
  | { type: 'synced'; at: number }
  | { type: 'network_failed'; message: string }
  | { type: 'stream_lost'; message: string; retryAt: number }
  | { type: 'probe_scheduled'; retryAt: number };

export const initialConnectivity = (serverUrl: string | null): Connectivity => ({
  state: 'signed_out',
  serverUrl,
  lastError: null,
  retryAt: null,
  lastSyncAt: null,
});

const iso = (ms: number) => new Date(ms).toISOString();

export function reduceConnectivity(current: Connectivity, event: ConnectivityEvent): Connectivity {
  switch (event.type) {
    case 'signed_in':
      return { ...current, state: 'online', serverUrl: event.serverUrl, lastError: null, retryAt: null };
    case 'restoring':
      return {
        ...current,
        state: 'reconnecting',
        serverUrl: event.serverUrl,
        lastError: null,
        retryAt: null,
      };
    case 'signed_out':
      return {
        ...current,
        state: 'signed_out',
        serverUrl: event.serverUrl,
        lastError: event.reason ?? null,
        retryAt: null,
      };
  }
  if (current.state === 'signed_out') return current;
  switch (event.type) {
    case 'reachable':
      return { ...current, state: 'online', lastError: null, retryAt: null };
    case 'synced':
      return { ...current, state: 'online', lastError: null, retryAt: null, lastSyncAt: iso(event.at) };
    case 'network_failed':
      return { ...current, state: 'offline', lastError: event.message };
    case 'stream_lost':
      // Offline already says more than "reconnecting"; keep it and let the probe own retryAt.
      if (current.state === 'offline') return { ...current, lastError: event.message };
      return { ...current, state: 'reconnecting', lastError: event.message, retryAt: iso(event.retryAt) };
    case 'probe_scheduled':
      return current.state === 'offline' ? { ...current, retryAt: iso(event.retryAt) } : current;
  }
}

export function sameConnectivity(a: Connectivity, b: Connectivity): boolean {
  return (
    a.state === b.state &&
    a.serverUrl === b.serverUrl &&
    a.lastError === b.lastError &&
    a.retryAt === b.retryAt &&
    a.lastSyncAt === b.lastSyncAt
  );
}
