import type { MesaApi, MutationType } from '../../shared/index';
import { startAppUploads, stopAppUploads } from '../attachments/app-uploads';
import { holdBackUnuploaded } from '../attachments/outbox-gate';
import { getMesa } from '../bridge/bridge';
import { getDb } from '../data/app-db';
import { requestPersistentStorage } from '../data/persistent-storage';
import { performMutation, type MutationInput, type MutationOutcome } from './perform-mutation';
import { SyncCoordinator } from './sync-coordinator';
import { useSyncStore } from './sync-store';

/** The window's one coordinator: one window writes the cache. */
let coordinator: SyncCoordinator | null = null;

/**
 * Starts the window's sync: asks for persistent storage, starts the coordinator over the
 * app's cache and window.mesa, and the attachment upload loop beside it (an upload unblocks
 * the attachment.add entries the outbox holds back, so it asks for a sync). Idempotent.
 */
export async function startAppSync(api: MesaApi = getMesa()): Promise<SyncCoordinator> {
  if (coordinator) return coordinator;
  const db = getDb();
  const started = new SyncCoordinator({ api, db, store: useSyncStore, holdBack: holdBackUnuploaded });
  coordinator = started;
  useSyncStore.setState({ storagePersisted: await requestPersistentStorage() });
  await started.start();
  startAppUploads({ api, db, requestSync: () => void started.sync() });
  return started;
}

export async function stopAppSync(): Promise<void> {
  const running = coordinator;
  coordinator = null;
  await stopAppUploads();
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
