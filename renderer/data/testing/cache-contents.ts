import type { MesaDb } from '../db';
import type { CachedComment, CachedTicket } from '../rows';
import { commentsOfTicket } from '../ticket-queries';
import { ticketMemoryIndex } from '../ticket-memory-index';

/** Every ticket the cache shows (pages + overlay), for tests and the chaos harness's checks. */
export async function cachedTickets(db: MesaDb): Promise<CachedTicket[]> {
  const index = ticketMemoryIndex(db);
  await index.facetsReady();
  const tickets: CachedTicket[] = [];
  for (const facets of [...index.facets()]) {
    const ticket = await index.fullTicket(facets.id, db);
    if (ticket) tickets.push(ticket);
  }
  return tickets;
}

/** Every comment the cache shows, with each ticket's. */
export async function cachedComments(db: MesaDb): Promise<CachedComment[]> {
  const comments: CachedComment[] = [];
  for (const ticket of await cachedTickets(db)) comments.push(...(await commentsOfTicket(ticket.id, db)));
  return comments;
}
