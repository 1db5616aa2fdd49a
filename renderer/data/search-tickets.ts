import { getDb } from './app-db';
import type { MesaDb } from './db';
import type { TicketHead } from './rows';
import { queryPrefixes } from './search-words';
import { observeCache, ticketMemoryIndex } from './ticket-memory-index';

/**
 * Local full-text search, offline: every word of the query must start some word of the
 * ticket (number, title, description, requester name and email, comment bodies), accents
 * and case folded. The words live in memory (ticket-memory-index.ts), restored at start
 * from the words saved after the last sync. Words of one letter are ignored (too
 * unselective); an empty query finds nothing. Newest tickets first.
 *
 * Inside a liveQuery it re-runs on any change of the cache (observeCache).
 */
export async function searchTickets(query: string, limit = 50, db: MesaDb = getDb()): Promise<TicketHead[]> {
  const prefixes = queryPrefixes(query);
  if (prefixes.length === 0) return [];
  await observeCache(db);
  const index = ticketMemoryIndex(db);
  // Promise.resolve: inside a liveQuery, Dexie's rule for awaiting a non-Dexie promise
  // (keeps the observation context for the read after it).
  await Promise.resolve(index.ready());
  const ids = index.search(prefixes, Math.max(1, Math.min(500, Math.floor(limit))));
  return index.tickets(ids);
}
