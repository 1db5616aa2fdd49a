import { join } from 'node:path';
import type { EventChannel } from '../../shared/ipc/contract';
import { createConsoleCore, type ConsoleCoreOptions, type HostServices } from '../core/console-core';
import { FileCredentialStore } from '../core/credential-store';
import { createIpcRouter } from '../core/ipc-router';

/**
 * A console core as the page sees it, for tests: every call goes through the IPC router (so
 * answers are exactly what crosses the bridge) and every event is recorded.
 */
export const testHost: HostServices = {
  appInfo: () => ({ host: 'browser', version: 'test', locale: 'es-ES', platform: process.platform }),
  showNotification: () => ({ shown: false }),
  setAttentionCount: () => {},
};

export function recordingCore(
  dataDir: string,
  serverUrl: string | null,
  extra: Partial<ConsoleCoreOptions> = {},
) {
  const core = createConsoleCore({
    store: new FileCredentialStore(join(dataDir, 'session.json')),
    host: testHost,
    serverUrl,
    backoff: { baseMs: 50, maxMs: 400 },
    stream: { connectTimeoutMs: 3_000, idleTimeoutMs: 30_000 },
    timeouts: { requestMs: 5_000, transferMs: 10_000 },
    ...extra,
  });
  const events: Array<{ event: EventChannel; payload: unknown }> = [];
  const answers: unknown[] = [];
  core.events.onAny((event, payload) => events.push({ event, payload }));
  const router = createIpcRouter({ handlers: core.handlers });
  const call = async (channel: string, payload?: unknown) => {
    const result = await router.dispatch(channel, payload, null);
    answers.push(result);
    return result;
  };
  /** Unwraps or throws with the error code, for the happy paths. */
  const value = async <T = Record<string, unknown>>(channel: string, payload?: unknown): Promise<T> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const eventsOf = (name: EventChannel) =>
    events.filter((e) => e.event === name).map((e) => e.payload as Record<string, unknown>);
  return { core, events, answers, call, value, eventsOf };
}
