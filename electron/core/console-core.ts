import type { AppInfo, Connectivity, Session } from '../../shared/ipc/contract';
import { connectProbeBackoff, createBackoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { Fetch } from './backend-http';
import { systemClock, type Clock } from './clock';
import {
  ConnectionService,
  DEFAULT_TIMEOUTS,
  type ConnectionObserver,
  type ConnectionTimeouts,
} from './connection-service';
import { ConnectivityMonitor } from './connectivity';
import type { CredentialStore } from './credential-store';
import { createEventBus, type EventBus } from './event-bus';
import { EventStream } from './event-stream';
import { isConnectFailure } from './http-errors';
import type { InvokeRequestParsed, IpcHandlers } from './ipc-router';

/**
 * The main process's logic, host-agnostic: the connection, the event stream, connectivity,
 * and the handler for every invoke channel. Electron and the browser host each build one,
 * inject what only they can do (HostServices), and forward `events` to their page.
 */
export interface HostServices {
  appInfo(): AppInfo;
  /** { shown: false } tells the page to show it itself (the browser host uses the Web Notification API). */
  showNotification(
    request: InvokeRequestParsed<'showNotification'>,
  ): Promise<{ shown: boolean }> | { shown: boolean };
  setAttentionCount(count: number): void;
}

export interface ConsoleCoreOptions {
  store: CredentialStore;
  host: HostServices;
  /** See ConnectionServiceOptions.pinnedServerUrl. */
  serverUrl?: string | null;
  fetch?: Fetch;
  clock?: Clock;
  random?: () => number;
  /** Backoff for event-stream reconnects and health probes (probes that cannot connect at all wait at most CONNECT_PROBE_BACKOFF). */
  backoff?: BackoffOptions;
  timeouts?: ConnectionTimeouts;
  stream?: { connectTimeoutMs: number; idleTimeoutMs: number };
  log?: (message: string) => void;
}

export interface ConsoleCore {
  readonly handlers: IpcHandlers;
  readonly events: EventBus;
  /** Reads the stored session and, if there is one, opens the event stream. */
  start(): Promise<void>;
  /**
   * Signs in with these credentials when nothing was ever stored (the demo's first run).
   * Returns whether it signed in.
   */
  signInIfFirstRun(credentials: { email: string; password: string }): Promise<boolean>;
  session(): Session;
  connectivity(): Connectivity;
  stop(): void;
}

/** Generous against the backend's heartbeat (seconds apart), short enough to notice a dead link within a minute. */
export const DEFAULT_STREAM_TIMEOUTS = { connectTimeoutMs: 15_000, idleTimeoutMs: 60_000 };

export function createConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const backoffOptions = {
    ...(options.backoff ?? DEFAULT_BACKOFF),
    random: options.random ?? options.backoff?.random,
  };
  const log = options.log ?? (() => {});
  const events = createEventBus((event, error) => log(`event ${event} not sent: ${String(error)}`));

  let currentToken: string | null = null;
  let firstRun = true;

  const connectivity = new ConnectivityMonitor({
    clock,
    backoff: createBackoff(backoffOptions),
    connectBackoff: createBackoff(connectProbeBackoff(backoffOptions)),
    couldNotConnect: isConnectFailure,
    probe: (serverUrl) => connection.health(serverUrl),
    onChange: (state) => events.emit('connectivityChanged', state),
    onRecovered: () => stream.reconnectNow(),
  });

  const stream = new EventStream({
    fetch: fetchImpl,
    clock,
    backoff: createBackoff(backoffOptions),
    ...(options.stream ?? DEFAULT_STREAM_TIMEOUTS),
    onOpen: () => connectivity.apply({ type: 'reachable' }),
    onPoke: (cursor, carried) => {
      if (carried) connection.offerCarried(carried.after, carried.page);
      events.emit('syncPoke', { cursor });
    },
    onUnreachable: (error) => connectivity.apply({ type: 'network_failed', message: error.message }),
    onLost: (message, retryAt) => connectivity.apply({ type: 'stream_lost', message, retryAt }),
    onUnauthorized: () => {
      if (currentToken) void connection.expire(currentToken);
    },
  });

  const observer: ConnectionObserver = {
    sessionChanged(session, token, how) {
      currentToken = token;
      if (token && session.serverUrl) {
        connectivity.apply({
          type: how === 'restored' ? 'restoring' : 'signed_in',
          serverUrl: session.serverUrl,
        });
        stream.start(session.serverUrl, token);
      } else {
        stream.stop();
        const reason = how === 'expired' ? 'The server ended the session; sign in again.' : undefined;
        connectivity.apply({ type: 'signed_out', serverUrl: session.serverUrl, reason });
      }
      events.emit('sessionChanged', session);
    },
    serverAnswered(synced) {
      connectivity.apply(synced ? { type: 'synced', at: clock.now() } : { type: 'reachable' });
      // A call got through while the stream waits out its backoff: try the stream now too.
      stream.reconnectNow();
    },
    serverUnreachable(error) {
      connectivity.apply({ type: 'network_failed', message: error.message });
    },
  };

  const connection: ConnectionService = new ConnectionService({
    store: options.store,
    fetch: fetchImpl,
    observer,
    timeouts: options.timeouts ?? DEFAULT_TIMEOUTS,
    pinnedServerUrl: options.serverUrl ?? null,
  });
  connectivity.apply({ type: 'signed_out', serverUrl: connection.session().serverUrl });

  const handlers: IpcHandlers = {
    getAppInfo: () => options.host.appInfo(),
    getSession: () => connection.session(),
    login: ({ serverUrl, email, password }) => connection.login(serverUrl, email, password),
    logout: () => connection.logout(),
    getConnectivity: () => connectivity.current,
    pull: ({ cursor, limit }) => connection.pull(cursor, limit),
    snapshot: ({ cursor, limit }) => connection.snapshot(cursor, limit),
    push: (batch) => connection.push(batch),
    uploadAttachment: ({ sha256, contentType, bytes }) =>
      connection.uploadAttachment(sha256, contentType, bytes),
    downloadAttachment: ({ sha256 }) => connection.downloadAttachment(sha256),
    showNotification: (request) => options.host.showNotification(request),
    setAttentionCount: ({ count }) => {
      options.host.setAttentionCount(count);
      return { ok: true as const };
    },
  };

  return {
    handlers,
    events,
    async start() {
      firstRun = !(await connection.restore());
    },
    async signInIfFirstRun({ email, password }) {
      const serverUrl = connection.session().serverUrl;
      if (!firstRun || connection.signedIn || !serverUrl) return false;
      await connection.login(serverUrl, email, password);
      return true;
    },
    session: () => connection.session(),
    connectivity: () => connectivity.current,
    stop() {
      stream.stop();
      connectivity.stop();
    },
  };
}
