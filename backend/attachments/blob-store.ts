import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpError } from '../http/errors';
import { findBlob, saveBlob, type BlobInfo } from '../storage/blob-rows';
import type { Database } from '../storage/database';
import { sniffContentType } from './sniff-content-type';

/**
 * Uploaded files, stored once by SHA-256 under <data>/attachments/ab/cd/<sha256>.
 * The bytes are written to a temporary file, flushed and renamed into place, then the
 * database row is written: a row always means a complete file, and a crash mid-upload
 * leaves at most a stray temporary file. Uploading the same bytes again is a no-op.
 */
export class BlobStore {
  private readonly root: string;

  constructor(
    private readonly database: Database,
    dataDir: string,
    readonly maxBytes: number,
    private readonly clock: () => Date,
  ) {
    this.root = join(dataDir, 'attachments');
  }

  async put(sha256: string, bytes: Buffer): Promise<BlobInfo> {
    if (bytes.length > this.maxBytes)
      throw new HttpError(413, 'payload_too_large', `Files may be at most ${this.maxBytes} bytes.`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256)
      throw new HttpError(400, 'hash_mismatch', `The bytes hash to ${actual}, not to ${sha256}.`);
    const existing = await findBlob(this.database.db, sha256);
    if (existing) return existing;
    const info: BlobInfo = { sha256, size: bytes.length, contentType: sniffContentType(bytes) };
    await this.writeFile(sha256, bytes);
    await saveBlob(this.database.db, info, this.clock().toISOString());
    return (await findBlob(this.database.db, sha256)) ?? info;
  }

  /** The blob's facts and a stream of its bytes, or undefined if it was never uploaded. */
  async get(sha256: string): Promise<{ info: BlobInfo; stream: () => ReadStream } | undefined> {
    const info = await findBlob(this.database.db, sha256);
    if (!info) return undefined;
    const path = this.pathOf(sha256);
    await stat(path).catch(() => {
      throw new HttpError(404, 'not_found', 'The file is recorded but missing from the data folder.');
    });
    return { info, stream: () => createReadStream(path) };
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async writeFile(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(join(target, '..'), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  }
}
