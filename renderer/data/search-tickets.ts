import { getDb } from './app-db';
import type { CachedTicket, MesaDb } from './db';
import { queryPrefixes } from './search-words';
import { ticketMemoryIndex } from './ticket-memory-index';

/**
 * Local full-text search, offline: every word of the query must start some word of the
 * ticket (number, title, description, requester name and email, comment bodies), accents
 * and case folded. The words live in memory (ticket-memory-index.ts); the first search of
 * a session waits for them to be read from the cache. Words of one letter are ignored (too
 * unselective); an empty query finds nothing. Newest tickets first.
 *
 * Inside a liveQuery it re-runs on any ticket write: the one-row read below subscribes to
 * the whole tickets table, which a new matching ticket needs (no index range could say so).
 */
export async function searchTickets(query: string, limit = 50, db: MesaDb = getDb()): Promise<CachedTicket[]> {
  const prefixes = queryPrefixes(query);
  if (prefixes.length === 0) return [];
  await db.tickets.limit(1).toArray();
  const index = ticketMemoryIndex(db);
  // Promise.resolve: inside a liveQuery, Dexie's rule for awaiting a non-Dexie promise
  // (keeps the observation context for the read after it).
  await Promise.resolve(index.ready());
  const ids = index.search(prefixes, Math.max(1, Math.min(500, Math.floor(limit))));
  const rows = await db.tickets.bulkGet(ids);
  return rows.filter((row): row is CachedTicket => row !== undefined);
}
