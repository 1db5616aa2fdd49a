import type { SessionAgent } from '../../shared/index';
import type { MesaDb } from './db';

/**
 * The sync metadata kept in the `meta` table, each under one named key, with its type.
 * Reads and writes join the caller's transaction when there is one (Dexie zones), so the
 * cursor is written in the same transaction as the page it follows.
 */
export interface MetaValues {
  /** The server sequence this cache holds every change up to. */
  cursor: number;
  /** This install's id for the server's per-client bookkeeping; made once, kept forever. */
  clientId: string;
  /** Who is signed in: the actor of optimistic changes, readable offline. */
  sessionAgent: SessionAgent | null;
  /** Server URL + agent id the cache belongs to: a different one means a different cache. */
  owner: string;
  /** The outbox entries (seqs) of the push request in flight, until its answer is recorded (outbox.ts). */
  pushInFlight: number[];
  /**
   * A first sign-in's snapshot under way: the server's cursor to resume it from, the change
   * number it is as of, and how many of its tickets are stored. Gone once it is complete.
   */
  snapshot: { cursor: string; asOf: number; sent: number; total: number };
  /** When a pull last ran to its end (ISO): the top bar's "last sync", true after a reload offline. */
  lastSyncAt: string;
  /** The older cache whose pending work this one has taken (carry-over.ts), so it is never taken twice. */
  carriedOverFrom: string;
}

export type MetaKey = keyof MetaValues;

export async function readMeta<K extends MetaKey>(db: MesaDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: MesaDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function readCursor(db: MesaDb): Promise<number> {
  return (await readMeta(db, 'cursor')) ?? 0;
}
