import Dexie from 'dexie';
import { getDb } from './app-db';
import { PENDING_KEY } from './queue-keys';
import type { CachedAttachment, CachedComment, CachedTicket, MesaDb, Rejection } from './db';

/** Single-ticket reads for the detail view. Each is a key or index lookup. */

export async function ticketById(id: string, db: MesaDb = getDb()): Promise<CachedTicket | undefined> {
  return db.tickets.get(id);
}

/** By the server's human number (INC-1042); case-insensitive. Local-only tickets have none yet. */
export async function ticketByNumber(number: string, db: MesaDb = getDb()): Promise<CachedTicket | undefined> {
  const wanted = number.trim();
  if (!wanted) return undefined;
  return db.tickets.where('number').equalsIgnoreCase(wanted).first();
}

/** A ticket's comments, oldest first (ours not yet acknowledged have `pending: 1`). */
export async function commentsOfTicket(ticketId: string, db: MesaDb = getDb()): Promise<CachedComment[]> {
  return db.comments
    .where('[ticketId+createdAt]')
    .between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey], true, true)
    .toArray();
}

export async function attachmentsOfTicket(ticketId: string, db: MesaDb = getDb()): Promise<CachedAttachment[]> {
  return db.attachments.where('ticketId').equals(ticketId).toArray();
}

/** Tickets with changes the server has not acknowledged yet, up to `limit`. */
export async function pendingTickets(limit = 50, db: MesaDb = getDb()): Promise<CachedTicket[]> {
  return db.tickets.where('queueKeys').equals(PENDING_KEY).limit(limit).toArray();
}

/** The refused changes, newest first, for the agent to read and dismiss. */
export async function listRejections(limit = 50, db: MesaDb = getDb()): Promise<Rejection[]> {
  return db.rejections.orderBy('at').reverse().limit(limit).toArray();
}

export async function dismissRejection(id: string, db: MesaDb = getDb()): Promise<void> {
  await db.rejections.delete(id);
}
