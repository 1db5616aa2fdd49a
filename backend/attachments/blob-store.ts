import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { findBlob, saveBlob, touchBlob, type BlobInfo } from '../storage/blob-rows';
import type { Database } from '../storage/database';
import type { BlobBytes } from './blob-bytes';
import { FolderBlobBytes } from './folder-blob-bytes';
import { PostgresBlobBytes } from './postgres-blob-bytes';
import { receiveUpload } from './upload-receiver';

/**
 * Uploaded files, stored once by SHA-256. An upload streams to a temporary file under
 * <data>/attachments/tmp (size limit and hash checked while reading), then moves into
 * the store: the data folder on SQLite, the database on PostgreSQL. Uploading the same
 * bytes again stores nothing and restarts the blob's grace period (see blob-cleanup).
 */
export class BlobStore {
  readonly tempDir: string;
  readonly bytes: BlobBytes;

  constructor(
    private readonly database: Database,
    dataDir: string,
    readonly maxBytes: number,
    private readonly clock: () => Date,
  ) {
    const root = join(dataDir, 'attachments');
    this.tempDir = join(root, 'tmp');
    const folder = new FolderBlobBytes(root, database.db);
    this.bytes = database.dialect === 'postgres' ? new PostgresBlobBytes(database.db, folder) : folder;
  }

  async put(sha256: string, body: Readable): Promise<BlobInfo> {
    const upload = await receiveUpload(body, sha256, this.maxBytes, this.tempDir);
    try {
      const now = this.clock().toISOString();
      if (await touchBlob(this.database.db, sha256, now)) {
        const existing = await findBlob(this.database.db, sha256);
        if (existing) return existing;
      }
      const info: BlobInfo = { sha256, size: upload.size, contentType: upload.contentType };
      await this.bytes.store(sha256, upload.file, (db) => saveBlob(db, info, now));
      return (await findBlob(this.database.db, sha256)) ?? info;
    } finally {
      await rm(upload.file, { force: true });
    }
  }

  /** The blob's facts and a stream of its bytes, or undefined if it was never uploaded (or is gone). */
  async get(sha256: string): Promise<{ info: BlobInfo; stream: Readable } | undefined> {
    const info = await findBlob(this.database.db, sha256);
    if (!info) return undefined;
    const stream = info.size === 0 ? Readable.from([]) : await this.bytes.read(sha256);
    return stream ? { info, stream } : undefined;
  }
}
