import 'fake-indexeddb/auto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from 'zustand/vanilla';
import type { MesaApi, MesaBridge, MutationResult } from '../../shared/index';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { MesaError } from '../../shared/ipc/result';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/console-core';
import { FileCredentialStore } from '../../electron/core/credential-store';
import { createIpcRouter } from '../../electron/core/ipc-router';
import { testHost } from '../../electron/testing/recording-core';
import { toMesaApi } from '../../renderer/bridge/mesa-api';
import { MesaDb } from '../../renderer/data/db';
import { SyncCoordinator } from '../../renderer/sync/sync-coordinator';
import { initialSyncState, type SyncState } from '../../renderer/sync/sync-store';

/**
 * One agent's console with nothing faked but the page: the real main-process core (HTTP,
 * retries, event stream) answering through its IPC router, the real sync coordinator over
 * a Dexie cache on fake-indexeddb. Each client has its own database name and its own
 * credential folder, so a restart reopens exactly what an app restart would.
 */
export interface ChaosClient {
  readonly name: string;
  readonly dbName: string;
  /** What the server answered this client, per mutation id, across restarts (the last answer wins; they must agree). */
  readonly answers: Map<string, MutationResult>;
  /** Answers that disagreed with an earlier answer for the same id: must stay empty. */
  readonly contradictions: string[];
  db: MesaDb;
  coordinator: SyncCoordinator;
  /** True while a push request is on its way (the restart waits for one). */
  pushInFlight(): boolean;
  /** Drops core, coordinator and database handle mid-flight, as a killed process would, and starts new ones over the same cache. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Generation {
  core: ConsoleCore;
  coordinator: SyncCoordinator;
  db: MesaDb;
  dead: boolean;
  inFlight: number;
}

export async function startChaosClient(options: {
  name: string;
  serverUrl: string;
  email: string;
  password: string;
  retryIntervalMs?: number;
}): Promise<ChaosClient> {
  const dataDir = mkdtempSync(join(tmpdir(), `mesa-chaos-${options.name}-`));
  const dbName = `mesa-chaos-${options.name}-${process.pid}-${Date.now()}`;
  const answers = new Map<string, MutationResult>();
  const contradictions: string[] = [];

  const record = (result: MutationResult): void => {
    const before = answers.get(result.id);
    if (before && (before.status !== result.status || before.code !== result.code))
      contradictions.push(
        `${result.id}: first ${before.status}/${before.code ?? ''}, then ${result.status}/${result.code ?? ''}`,
      );
    answers.set(result.id, result);
  };

  const build = async (): Promise<Generation> => {
    const core = createConsoleCore({
      store: new FileCredentialStore(join(dataDir, 'session.json')),
      host: testHost,
      serverUrl: options.serverUrl,
      backoff: { baseMs: 50, maxMs: 500 },
      stream: { connectTimeoutMs: 2_000, idleTimeoutMs: 20_000 },
      timeouts: { requestMs: 4_000, transferMs: 8_000 },
    });
    const generation: Generation = {
      core,
      coordinator: null as unknown as SyncCoordinator,
      db: new MesaDb(dbName),
      dead: false,
      inFlight: 0,
    };
    const router = createIpcRouter({ handlers: core.handlers });
    const bridge: Record<string, unknown> = {};
    for (const channel of INVOKE_CHANNELS) {
      bridge[channel] = async (request: unknown) => {
        // A dead generation is a killed process: whatever it sent may reach the server, but no answer comes back.
        if (generation.dead) return { ok: false, error: { code: 'offline', message: 'process gone' } };
        if (channel !== 'push') return router.dispatch(channel, request, null);
        generation.inFlight += 1;
        try {
          const result = await router.dispatch(channel, request, null);
          if (generation.dead) return { ok: false, error: { code: 'offline', message: 'process gone' } };
          if (result.ok)
            for (const answer of (result.value as { results: MutationResult[] }).results) record(answer);
          return result;
        } finally {
          generation.inFlight -= 1;
        }
      };
    }
    bridge.on = core.events.on;
    const api: MesaApi = toMesaApi(bridge as unknown as MesaBridge);
    const store = createStore<SyncState>()(() => ({ ...initialSyncState }));
    generation.coordinator = new SyncCoordinator({
      api,
      db: generation.db,
      store,
      retryIntervalMs: options.retryIntervalMs ?? 400,
    });
    await core.start();
    if (!core.session().agent) {
      const signedIn = await router.dispatch(
        'login',
        { serverUrl: options.serverUrl, email: options.email, password: options.password },
        null,
      );
      if (!signedIn.ok)
        throw new MesaError(
          signedIn.error.code,
          `${options.name} could not sign in: ${signedIn.error.message}`,
        );
    }
    await generation.coordinator.start();
    return generation;
  };

  let current = await build();
  const kill = (generation: Generation): void => {
    generation.dead = true;
    generation.core.stop();
    // Not awaited: a killed process does not finish its step; its database connection just goes away.
    void generation.coordinator.stop();
    generation.db.close();
  };

  return {
    name: options.name,
    dbName,
    answers,
    contradictions,
    get db() {
      return current.db;
    },
    get coordinator() {
      return current.coordinator;
    },
    pushInFlight: () => current.inFlight > 0,
    async restart() {
      kill(current);
      current = await build();
    },
    async stop() {
      current.core.stop();
      await current.coordinator.stop();
      current.db.close();
    },
  };
}
