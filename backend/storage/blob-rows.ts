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
