import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../storage/database';
import type { BlobBytes } from './blob-bytes';

/**
 * Files under <data>/attachments/ab/cd/<sha256>: renamed into place (atomic on one file
 * system), then the row is written, so a crash leaves at most a file without a row,
 * which the next upload of those bytes replaces.
 */
export class FolderBlobBytes implements BlobBytes {
  constructor(
    private readonly root: string,
    private readonly db: Db,
  ) {}

  async store(sha256: string, file: string, record: (db: Db) => Promise<void>): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(join(target, '..'), { recursive: true });
    await rename(file, target);
    await record(this.db);
  }

  async read(sha256: string): Promise<Readable | undefined> {
    const path = this.pathOf(sha256);
    const found = await stat(path).catch(() => undefined);
    return found ? createReadStream(path) : undefined;
  }

  async forget(_trx: unknown, hashes: string[]): Promise<() => Promise<void>> {
    return async () => {
      for (const sha256 of hashes) await rm(this.pathOf(sha256), { force: true });
    };
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
