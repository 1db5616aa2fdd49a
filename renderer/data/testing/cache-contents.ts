import type { MesaDb } from '../db';
import type { CachedComment, CachedTicket } from '../rows';
import { commentsOfTicket } from '../ticket-queries';
import { ticketMemoryIndex } from '../ticket-memory-index';

/** Every ticket the cache shows (pages + overlay), for tests and the chaos harness's checks. */
export async function cachedTickets(db: MesaDb): Promise<CachedTicket[]> {
  const index = ticketMemoryIndex(db);
  await index.facetsReady();
  return index.tickets([...index.facets()].map((facets) => facets.id));
}

/** Every comment the cache shows, with each ticket's. */
export async function cachedComments(db: MesaDb): Promise<CachedComment[]> {
  const comments: CachedComment[] = [];
  for (const ticket of await cachedTickets(db)) comments.push(...(await commentsOfTicket(ticket.id, db)));
  return comments;
}
