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

export async function ensureTicketMail(
  db: Db,
  ticketId: string,
  fallback: TicketMailRow,
): Promise<TicketMailRow> {
  const found = await findTicketMail(db, ticketId);
  if (found) return found;
  await db
    .insertInto('ticket_mail')
    .values({
      ticket_id: ticketId,
      lang: fallback.lang,
      thread_id: fallback.threadId,
      page_version: fallback.pageVersion,
    })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
  return (await findTicketMail(db, ticketId)) ?? fallback;
}

/** Every requester-page link of the ticket stops working. */
export async function revokePageLinks(db: Db, ticketId: string): Promise<void> {
  await db
    .updateTable('ticket_mail')
    .set((eb) => ({ page_version: eb('page_version', '+', 1) }))
    .where('ticket_id', '=', ticketId)
    .execute();
}
