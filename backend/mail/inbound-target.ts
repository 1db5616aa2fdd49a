import type { Ticket } from '../../shared/index';
import type { Db } from '../storage/database';
import { findTicket } from '../storage/ticket-rows';
import type { InboundMail } from './inbound-parser';
import { parseOurMessageId, ticketNumberInSubject } from './message-ids';

/**
 * The ticket a mail answers: by its threading headers first (our Message-IDs name the
 * mail or the ticket; a ticket opened by mail is known by the mail that opened it),
 * else by the number in the subject, "[INC-1042]".
 */
export async function findTicketFor(db: Db, mail: InboundMail): Promise<Ticket | undefined> {
  const thread = [...mail.inReplyTo, ...[...mail.references].reverse()];
  for (const messageId of thread) {
    const ticketId = await ticketIdOfMessage(db, messageId);
    const ticket = ticketId ? await findTicket(db, ticketId) : undefined;
    if (ticket) return ticket;
  }
  const number = ticketNumberInSubject(mail.subject);
  if (!number) return undefined;
  const row = await db.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst();
  return row ? findTicket(db, row.id) : undefined;
}

async function ticketIdOfMessage(db: Db, messageId: string): Promise<string | null> {
  const ours = parseOurMessageId(messageId);
  if (ours?.kind === 'ticket') return ours.id;
  if (ours?.kind === 'mail') {
    const row = await db
      .selectFrom('outbound_email')
      .select('ticket_id')
      .where('id', '=', ours.id)
      .executeTakeFirst();
    return row?.ticket_id ?? null;
  }
  const inbound = await db
    .selectFrom('inbound_email')
    .select('ticket_id')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return inbound?.ticket_id ?? null;
}
