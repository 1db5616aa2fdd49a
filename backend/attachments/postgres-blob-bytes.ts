import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Db, Tx } from '../storage/database';
import type { BlobBytes } from './blob-bytes';

/** 512 KiB a row: a 25 MiB file is 50 rows, and a reader or writer holds one chunk at a time. */
export const CHUNK_BYTES = 512 * 1024;

/**
 * Bytes in `blob_chunks` rows, so every instance on the database serves every file. The
 * chunks and the blob's row are written in one transaction: a row means complete bytes.
 * Two instances storing the same bytes at once: the second's chunks wait on the first's
 * and then change nothing.
 */
export class PostgresBlobBytes implements BlobBytes {
  constructor(
    private readonly db: Db,
    /**
     * Where earlier versions kept the bytes on PostgreSQL too (a folder every instance
     * shared): files uploaded then are still read from there, and deleted from there.
     */
    private readonly earlierFolder: BlobBytes,
  ) {}

  async store(sha256: string, file: string, record: (db: Db) => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      let n = 0;
      for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
        await trx
          .insertInto('blob_chunks')
          .values({ sha256, n: n++, bytes: chunk as Buffer })
          .onConflict((oc) => oc.columns(['sha256', 'n']).doNothing())
          .execute();
      }
      await record(trx);
    });
  }

  async read(sha256: string): Promise<Readable | undefined> {
    const first = await this.chunk(sha256, 0);
    if (!first) return this.earlierFolder.read(sha256);
    const chunk = (n: number) => this.chunk(sha256, n);
    return Readable.from(
      (async function* () {
        yield first;
        for (let n = 1; ; n++) {
          const next = await chunk(n);
          if (!next) return;
          yield next;
        }
      })(),
    );
  }

  async forget(trx: Tx, hashes: string[]): Promise<() => Promise<void>> {
    if (hashes.length > 0) await trx.deleteFrom('blob_chunks').where('sha256', 'in', hashes).execute();
    return this.earlierFolder.forget(trx, hashes);
  }

  private async chunk(sha256: string, n: number): Promise<Buffer | undefined> {
    const row = await this.db
      .selectFrom('blob_chunks')
      .select('bytes')
      .where('sha256', '=', sha256)
      .where('n', '=', n)
      .executeTakeFirst();
    return row?.bytes;
  }
}
