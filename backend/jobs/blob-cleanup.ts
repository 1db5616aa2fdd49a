import type { FastifyBaseLogger } from 'fastify';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteBlobRows, unreferencedBlobs } from '../storage/blob-rows';
import type { Services } from '../services';
import { lockWriters } from '../sync/change-log';
import { startPeriodicJob, type PeriodicJob } from './periodic-job';

const BATCH = 200;

/**
 * Deletes blobs that no attachment references once their grace period (from their last
 * upload) is over: a client uploads first and attaches after, possibly much later if it
 * went offline in between. Each batch runs in a transaction that holds off writers (see
 * lockWriters), so a push attaching one of these blobs either committed before (the blob
 * is referenced and kept) or runs after (the blob is gone and attachment.add is refused
 * with attachment_missing; the console uploads again). Returns how many it deleted.
 */
export async function deleteUnreferencedBlobs(services: Services): Promise<number> {
  const { database, blobs } = services;
  const cutoff = new Date(services.clock().getTime() - services.config.blobGraceMs);
  let deleted = 0;
  for (;;) {
    const batch = await database.db.transaction().execute(async (trx) => {
      await lockWriters(trx, database.dialect);
      const candidates = await unreferencedBlobs(trx, cutoff.toISOString(), BATCH);
      const gone = await deleteBlobRows(trx, candidates, cutoff.toISOString());
      return { candidates, gone, afterCommit: await blobs.bytes.forget(trx, gone) };
    });
    await batch.afterCommit();
    deleted += batch.gone.length;
    if (batch.candidates.length < BATCH) break;
  }
  await removeAbandonedUploads(blobs.tempDir, cutoff);
  return deleted;
}

/** Temporary files of uploads cut off by a crash; one still being written is far younger than the grace period. */
async function removeAbandonedUploads(tempDir: string, cutoff: Date): Promise<void> {
  const names = await readdir(tempDir).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(tempDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtime < cutoff) await rm(path, { force: true });
  }
}

export function startBlobCleanupJob(services: Services, logger: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob({
    name: 'blob-cleanup',
    intervalMs: services.config.blobCleanupIntervalMs,
    database: services.database,
    logger,
    run: async () => {
      const deleted = await deleteUnreferencedBlobs(services);
      if (deleted > 0) logger.info({ deleted }, 'deleted files no attachment uses');
    },
  });
}
