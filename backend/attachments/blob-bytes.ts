import type { Readable } from 'node:stream';
import type { Db, Tx } from '../storage/database';

/**
 * Where the bytes of uploaded files live: the data folder (SQLite, one process) or the
 * database itself (PostgreSQL, where every instance must serve every file).
 */
export interface BlobBytes {
  /**
   * Moves a complete, hash-checked temporary file into the store, then runs `record`
   * (the blob's row) so that a row always means complete bytes.
   */
  store(sha256: string, file: string, record: (db: Db) => Promise<void>): Promise<void>;
  /** The bytes as a stream, or undefined when they are missing. */
  read(sha256: string): Promise<Readable | undefined>;
  /**
   * Deletes the bytes of blobs whose rows `trx` deletes; returns what must run after
   * the commit (a file is not transactional, so it goes only once its row is gone).
   */
  forget(trx: Tx, hashes: string[]): Promise<() => Promise<void>>;
}
