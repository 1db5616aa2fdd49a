import type { Lang } from '../portal/html';
import type { Db } from '../storage/database';
import { mailLang } from './mail-i18n';

export interface TicketMailRow {
  lang: Lang;
  threadId: string;
  pageVersion: number;
}

/** The requester's language and the thread every mail about the ticket belongs to. */
export async function findTicketMail(db: Db, ticketId: string): Promise<TicketMailRow | undefined> {
  const row = await db
    .selectFrom('ticket_mail')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row && { lang: mailLang(row.lang), threadId: row.thread_id, pageVersion: row.page_version };
}

export async function insertTicketMail(db: Db, ticketId: string, row: TicketMailRow): Promise<TicketMailRow> {
  await db
    .insertInto('ticket_mail')
    .values({ ticket_id: ticketId, lang: row.lang, thread_id: row.threadId, page_version: row.pageVersion })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
  return row;
}

/** The ticket's row, made with `fallback` for a ticket from before mail (its requester's language unknown). */
export async function ensureTicketMail(
  db: Db,
  ticketId: string,
  fallback: TicketMailRow,
): Promise<TicketMailRow> {
  return (await findTicketMail(db, ticketId)) ?? insertTicketMail(db, ticketId, fallback);
}

/** Every requester-page link of the ticket stops working. */
export async function revokePageLinks(db: Db, ticketId: string): Promise<void> {
  await db
    .updateTable('ticket_mail')
    .set((eb) => ({ page_version: eb('page_version', '+', 1) }))
    .where('ticket_id', '=', ticketId)
    .execute();
}
