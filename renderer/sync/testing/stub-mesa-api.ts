import {
  MesaError,
  type EventChannel,
  type EventPayload,
  type MesaApi,
  type PullResponse,
} from '../../../shared/index';

/**
 * A MesaApi with no server behind it, for tests of what the coordinator does with answers
 * it is handed (storage failures, odd pages). Signed in as `agent`; pull answers from
 * `pages` in order; every other call is offline.
 */
export function stubMesaApi(options: {
  agent: { id: string; name: string; email: string; role: 'admin' | 'agent' };
  pages?: PullResponse[];
}): MesaApi & {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
} {
  const pages = [...(options.pages ?? [])];
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const offline = (): Promise<never> => Promise.reject(new MesaError('offline', 'stub: no server'));
  return {
    getAppInfo: async () => ({ host: 'browser', version: 'test', locale: 'en', platform: 'test' }),
    getSession: async () => ({ agent: options.agent, serverUrl: 'http://127.0.0.1:1' }),
    login: offline,
    logout: offline,
    getConnectivity: async () => ({
      state: 'online',
      serverUrl: 'http://127.0.0.1:1',
      lastError: null,
      retryAt: null,
      lastSyncAt: null,
    }),
    pull: async () => pages.shift() ?? { changes: [], cursor: 0, hasMore: false },
    // A server from before the snapshot: the coordinator then fills the cache by pulling from 0.
    snapshot: () => Promise.reject(new MesaError('not_found', 'stub: no snapshot endpoint')),
    push: offline,
    uploadAttachment: offline,
    downloadAttachment: offline,
    showNotification: async () => ({ shown: false }),
    setAttentionCount: async () => ({ ok: true }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
  };
}
