import { getDb } from './app-db';
import type { CachedTicket, MesaDb } from './db';
import { queryPrefixes } from './search-words';

/**
 * Local full-text search, offline: every word of the query must start some word of the
 * ticket (number, title, description, requester name and email, comment bodies). The
 * longest word walks the `words` index as a prefix range; the others are checked on the
 * rows it yields, so the cost follows the matches, not the table. Words of one letter are
 * ignored (too unselective to walk an index for); an empty query finds nothing.
 * Results come in index order (by the matching word), not by relevance.
 */
export async function searchTickets(query: string, limit = 50, db: MesaDb = getDb()): Promise<CachedTicket[]> {
  const [driver, ...others] = queryPrefixes(query);
  if (!driver) return [];
  const matchesAll = (ticket: CachedTicket): boolean =>
    others.every((prefix) => ticket.words.some((word) => word.startsWith(prefix)));
  return db.tickets
    .where('words')
    .startsWith(driver)
    .distinct()
    .filter(matchesAll)
    .limit(Math.max(1, Math.min(500, Math.floor(limit))))
    .toArray();
}
