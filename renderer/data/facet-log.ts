import { cmp, type DBCoreKeyRange } from 'dexie';
import type { MesaDb } from './db';
import { eachRow } from './each-row';
import type { TicketFacets } from './queue-match';

/**
 * The queue facets of every cached ticket, kept on disk as a log of writes rather than a
 * row per ticket: each write to `tickets` appends ONE entry (in the same transaction) with
 * the facets of the rows it put, or the ids it deleted. A bootstrap page of 1,000 tickets
 * then costs one extra put instead of 1,000; a row per ticket costs nearly a quarter of a
 * bootstrap (bench/README.md).
 *
 * Replayed in order, the log gives the facets of the cache as of its last committed write
 * (IndexedDB numbers entries in commit order: writers of this store run one at a time).
 * It grows with every later write, so when it holds many more facets than tickets it is
 * rewritten as chunks of the live set (compactFacetLog).
 */
export interface FacetLogEntry {
  seq?: number;
  /** Facets of rows put (a ticket's latest entry wins). */
  put?: TicketFacets[];
  /** Ids of rows deleted. */
  del?: string[];
  /** Rows deleted by primary-key range (a clear is the whole range). */
  delRange?: Pick<DBCoreKeyRange, 'lower' | 'upper' | 'lowerOpen' | 'upperOpen'>;
}

export const FACET_LOG = 'ticketFacetLog';

/** Entries read per IndexedDB request while replaying (a bootstrap's entries hold 1,000 facets each). */
const READ_CHUNK = 20;
/** Facets per entry when compacted. */
const COMPACT_CHUNK = 5_000;

/** Applies one entry to a map of facets by ticket id. */
export function replayEntry(facets: Map<string, TicketFacets>, entry: FacetLogEntry): void {
  if (entry.delRange) {
    for (const id of [...facets.keys()]) if (inRange(id, entry.delRange)) facets.delete(id);
  }
  for (const id of entry.del ?? []) facets.delete(id);
  for (const row of entry.put ?? []) facets.set(row.id, row);
}

function inRange(id: string, range: NonNullable<FacetLogEntry['delRange']>): boolean {
  // Dexie's full range has undefined bounds or its min/max keys; cmp orders any key.
  const { lower, upper, lowerOpen, upperOpen } = range;
  if (lower !== undefined && lower !== null) {
    const c = cmp(id, lower);
    if (c < 0 || (c === 0 && lowerOpen)) return false;
  }
  if (upper !== undefined && upper !== null) {
    const c = cmp(id, upper);
    if (c > 0 || (c === 0 && upperOpen)) return false;
  }
  return true;
}

/** How much the log held when read: with the live count, whether a rewrite pays. */
export interface LogSize {
  entries: number;
  /** Facets and deleted ids across all entries. */
  logged: number;
}

/**
 * Replays the whole log into `facets` (one per cached ticket), READ_CHUNK entries per
 * IndexedDB request (eachRow: bounded memory, the UI gets a turn between requests).
 */
export async function readFacetLog(db: MesaDb, facets: Map<string, TicketFacets>): Promise<LogSize> {
  const size: LogSize = { entries: 0, logged: 0 };
  await eachRow(db.ticketFacetLog, READ_CHUNK, (entry) => entry.seq, (entry) => {
    replayEntry(facets, entry);
    size.entries += 1;
    size.logged += (entry.put?.length ?? 0) + (entry.del?.length ?? 0);
  });
  return size;
}

/** True when the log holds enough superseded entries that rewriting it is worth a pass. */
export function worthCompacting(live: number, size: LogSize): boolean {
  return size.entries > 2 * Math.ceil(live / COMPACT_CHUNK) + 200 || size.logged > 2 * live + 10_000;
}

/**
 * Rewrites the log as chunks of the live facets, in one transaction over the log alone:
 * ticket writes (which append to it) wait for it, so nothing is lost or reordered.
 */
export async function compactFacetLog(db: MesaDb): Promise<void> {
  const log = db.ticketFacetLog;
  await db.transaction('rw', log, async () => {
    const facets = new Map<string, TicketFacets>();
    for (const entry of await log.toArray()) replayEntry(facets, entry);
    await log.clear();
    await log.bulkAdd(chunksOf([...facets.values()]));
  });
}

/** Entries of COMPACT_CHUNK facets each (the migration into the log writes these too). */
export function chunksOf(rows: TicketFacets[]): FacetLogEntry[] {
  const entries: FacetLogEntry[] = [];
  for (let i = 0; i < rows.length; i += COMPACT_CHUNK) entries.push({ put: rows.slice(i, i + COMPACT_CHUNK) });
  return entries;
}
