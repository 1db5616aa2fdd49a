import type { MesaApi, MutationType } from '../../shared/index';
import { getMesa } from '../bridge/bridge';
import { getDb } from '../data/app-db';
import type { MesaDb } from '../data/db';
import { requestPersistentStorage } from '../data/persistent-storage';
import { performMutation, type MutationInput, type MutationOutcome } from './perform-mutation';
import { SyncCoordinator, type SyncCoordinatorOptions } from './sync-coordinator';
import { useSyncStore } from './sync-store';

/**
 * Work that starts and stops with the window's sync but sits in a layer above it (the
 * attachment uploads): the composition root hands it in, so sync never imports it.
 */
export interface SyncCompanion {
  /** Cuts a push batch short, e.g. the attachment upload gate. */
  holdBack?: SyncCoordinatorOptions['holdBack'];
  start(context: { api: MesaApi; db: MesaDb; requestSync: () => void }): void;
  stop(): Promise<void>;
}

export interface AppSyncOptions {
  api?: MesaApi;
  companion?: SyncCompanion;
}

/** The window's one coordinator: one window writes the cache. */
let coordinator: SyncCoordinator | null = null;
let runningCompanion: SyncCompanion | null = null;

/**
 * Starts the window's sync: asks for persistent storage, starts the coordinator over the
 * app's cache and window.mesa, and the companion beside it (the upload loop: an upload
 * unblocks the attachment.add entries the outbox holds back, so it asks for a sync). Idempotent.
 */
export async function startAppSync({
  api = getMesa(),
  companion,
}: AppSyncOptions = {}): Promise<SyncCoordinator> {
  if (coordinator) return coordinator;
  const db = getDb();
  const started = new SyncCoordinator({ api, db, store: useSyncStore, holdBack: companion?.holdBack });
  coordinator = started;
  useSyncStore.setState({ storagePersisted: await requestPersistentStorage() });
  await started.start();
  runningCompanion = companion ?? null;
  companion?.start({ api, db, requestSync: () => void started.sync() });
  return started;
}

export async function stopAppSync(): Promise<void> {
  const running = coordinator;
  const beside = runningCompanion;
  coordinator = null;
  runningCompanion = null;
  await beside?.stop();
  await running?.stop();
}

export function appSyncCoordinator(): SyncCoordinator | null {
  return coordinator;
}

/**
 * What the UI calls for every change the agent makes: `mutate('ticket.assign', { ticketId, assigneeId })`.
 * Applied to the cache at once, queued, and pushed when there is a connection. Before sync
 * has started (tests, a very early click) it is still recorded and goes out with the next push.
 */
export function mutate<T extends MutationType>(type: T, args: MutationInput<T>): Promise<MutationOutcome> {
  return coordinator ? coordinator.mutate(type, args) : performMutation(type, args, { db: getDb() });
}
