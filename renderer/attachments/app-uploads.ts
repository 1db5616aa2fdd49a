import type { MesaApi } from '../../shared/index';
import type { MesaDb } from '../data/db';
import type { SyncCompanion } from '../sync/app-sync';
import { dexieUploadStore } from './dexie-upload-store';
import { holdBackUnuploaded } from './outbox-gate';
import { createUploadLoop, type UploadLoop } from './upload-loop';

/**
 * The window's upload loop, started beside the sync coordinator. It runs at start (resuming
 * whatever a previous run left), when the connection or the session comes back, and when
 * the agent attaches something; after an upload it asks for a sync, because the outbox holds
 * each attachment.add until its bytes are on the server (outbox-gate.ts).
 */
export interface AppUploadsOptions {
  api: MesaApi;
  db: MesaDb;
  /** Ask the sync coordinator to push what the upload unblocked. */
  requestSync: () => void;
}

let running: { loop: UploadLoop; unsubscribe: Array<() => void> } | null = null;

export function startAppUploads({ api, db, requestSync }: AppUploadsOptions): UploadLoop {
  if (running) return running.loop;
  const loop = createUploadLoop({
    store: dexieUploadStore(db),
    upload: (sha256, contentType, bytes) => api.uploadAttachment({ sha256, contentType, bytes }),
    onDrained: (outcome) => {
      if (outcome.uploaded > 0 || outcome.failed > 0) requestSync();
    },
  });
  const unsubscribe = [
    api.on('connectivityChanged', (c) => {
      if (c.state === 'online') loop.poke();
    }),
    api.on('sessionChanged', (s) => {
      if (s.agent) loop.poke();
    }),
  ];
  running = { loop, unsubscribe };
  loop.poke();
  return loop;
}

/** A file was attached: upload it now rather than at the next retry. */
export function pokeAppUploads(): void {
  running?.loop.poke();
}

export async function stopAppUploads(): Promise<void> {
  const current = running;
  running = null;
  if (!current) return;
  for (const off of current.unsubscribe) off();
  current.loop.stop();
  await current.loop.idle();
}

/** The uploads as the window's sync runs them: started and stopped with it, the outbox gated on them. */
export const appUploads: SyncCompanion = {
  holdBack: holdBackUnuploaded,
  start: startAppUploads,
  stop: stopAppUploads,
};
