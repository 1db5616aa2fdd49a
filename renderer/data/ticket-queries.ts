import { getDb } from './app-db';
import type { MesaDb } from './db';
import type { CachedAttachment, CachedComment, CachedTicket, Rejection, TicketHead } from './rows';
import { observeCache, ticketMemoryIndex } from './ticket-memory-index';

/**
 * Single-ticket reads for the detail view, from the memory view of the cache
 * (ticket-memory-index.ts) and the overlay: a whole ticket and its server comments are read
 * from the page that holds them. Safe inside useLiveQuery: each re-runs when the cache
 * changes.
 */

async function loadedIndex(db: MesaDb) {
  await observeCache(db);
  const index = ticketMemoryIndex(db);
  // Promise.resolve: inside a liveQuery, Dexie's rule for awaiting a non-Dexie promise.
  if (!index.current) await Promise.resolve(index.facetsReady());
  return index;
}

/** The whole ticket (description, audit, reasons included), read from its page. */
export async function ticketById(id: string, db: MesaDb = getDb()): Promise<CachedTicket | undefined> {
  return (await loadedIndex(db)).fullTicket(id, db);
}

/**
 * Reads the page of a ticket ahead of its opening (its row is focused), when the UI is
 * idle: the opening then only parses the ticket's part of it.
 */
export function prefetchTicket(id: string, db: MesaDb = getDb()): void {
  const index = ticketMemoryIndex(db);
  if (index.current) index.prefetch(id);
}

/** By the server's human number (INC-1042); case-insensitive. Local-only tickets have none yet. */
export async function ticketByNumber(
  number: string,
  db: MesaDb = getDb(),
): Promise<CachedTicket | undefined> {
  const wanted = number.trim().toLowerCase();
  if (!wanted) return undefined;
  const index = await loadedIndex(db);
  for (const facets of index.facets()) {
    const ticket = index.ticket(facets.id);
    if (ticket?.number?.toLowerCase() === wanted) return index.fullTicket(ticket.id, db);
  }
  return undefined;
}

/** A ticket's comments, oldest first (ours not yet acknowledged have `pending: 1`). */
export async function commentsOfTicket(ticketId: string, db: MesaDb = getDb()): Promise<CachedComment[]> {
  const index = await loadedIndex(db);
  const local = await db.comments.where('ticketId').equals(ticketId).toArray();
  const mine = new Set(local.map((comment) => comment.id));
  const server = (await index.serverComments(ticketId, db))
    .filter((comment) => !mine.has(comment.id))
    .map((comment): CachedComment => ({ ...comment, pending: 0 }));
  return [...server, ...local].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

export async function attachmentsOfTicket(
  ticketId: string,
  db: MesaDb = getDb(),
): Promise<CachedAttachment[]> {
  return db.attachments.where('ticketId').equals(ticketId).toArray();
}

/** Tickets with changes the server has not acknowledged yet, up to `limit`. */
export async function pendingTickets(limit = 50, db: MesaDb = getDb()): Promise<TicketHead[]> {
  const index = await loadedIndex(db);
  const ids: string[] = [];
  for (const facets of index.facets()) {
    if (ids.length >= limit) break;
    if (facets.pendingCount > 0) ids.push(facets.id);
  }
  return index.tickets(ids);
}

/** The refused changes, newest first, for the agent to read and dismiss. */
export async function listRejections(limit = 50, db: MesaDb = getDb()): Promise<Rejection[]> {
  return db.rejections.orderBy('at').reverse().limit(limit).toArray();
}

export async function dismissRejection(id: string, db: MesaDb = getDb()): Promise<void> {
  await db.rejections.delete(id);
}
