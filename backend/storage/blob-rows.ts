import type { Db } from './database';

export interface BlobInfo {
  sha256: string;
  size: number;
  contentType: string;
}

export async function findBlob(db: Db, sha256: string): Promise<BlobInfo | undefined> {
  const row = await db
    .selectFrom('blobs')
    .select(['sha256', 'size', 'content_type'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { sha256: row.sha256, size: Number(row.size), contentType: row.content_type } : undefined;
}

/** Records an uploaded blob; a second upload of the same bytes is a no-op. */
export async function saveBlob(db: Db, blob: BlobInfo, at: string): Promise<void> {
  await db
    .insertInto('blobs')
    .values({ sha256: blob.sha256, size: blob.size, content_type: blob.contentType, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/**
 * Restarts an existing blob's grace period (someone uploaded it again and is about to
 * attach it); false when there is no such blob.
 */
export async function touchBlob(db: Db, sha256: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('blobs')
    .set({ created_at: at })
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Blobs uploaded before `cutoff` that no attachment references, oldest first. */
export async function unreferencedBlobs(db: Db, cutoff: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('blobs')
    .select('sha256')
    .where('created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('attachments').select('id').whereRef('attachments.sha256', '=', 'blobs.sha256'))),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.sha256);
}

/**
 * Deletes the rows of blobs still unreferenced and older than `cutoff` (a concurrent
 * upload may have just restarted one's grace period); returns the hashes deleted.
 */
export async function deleteBlobRows(db: Db, hashes: string[], cutoff: string): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .deleteFrom('blobs')
    .where('sha256', 'in', hashes)
    .where('created_at', '<', cutoff)
    .returning('sha256')
    .execute();
  return rows.map((r) => r.sha256);
}
