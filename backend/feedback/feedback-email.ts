import { v7 as uuidv7 } from 'uuid';
import type { Ticket } from '../../shared/index';
import type { Db } from '../storage/database';
import { storableText } from '../storage/text';
import type { FeedbackTokens } from './feedback-tokens';

/**
 * The mail a requester gets when their ticket is resolved, with a signed feedback link.
 * Mail is not sent yet: it is written to the `outbound_email` table (the outbox) in the
 * same transaction as the resolution, and logged; a sender can drain the table later.
 */
export class FeedbackMailer {
  constructor(
    private readonly tokens: FeedbackTokens,
    private readonly publicUrl: () => string,
    private readonly log: (message: string, fields: Record<string, unknown>) => void,
  ) {}

  linkFor(ticketId: string, now: Date): string {
    return `${this.publicUrl()}/feedback/${this.tokens.create(ticketId, now)}`;
  }

  async enqueue(db: Db, ticket: Ticket, now: Date): Promise<void> {
    const link = this.linkFor(ticket.id, now);
    const number = ticket.number ?? '';
    const subject = `[${number}] Resuelto / Resolved: ${ticket.title}`;
    const body = [
      `Hola ${ticket.requester.name},`,
      '',
      `Hemos resuelto su solicitud ${number} «${ticket.title}».`,
      ticket.resolutionNote ? `Resolución: ${ticket.resolutionNote}` : '',
      `¿Qué tal lo hicimos? Valórenos (1–5) aquí: ${link}`,
      '',
      '---',
      `Hello ${ticket.requester.name},`,
      '',
      `We have resolved your request ${number} "${ticket.title}".`,
      ticket.resolutionNote ? `Resolution: ${ticket.resolutionNote}` : '',
      `How did we do? Rate us (1–5) here: ${link}`,
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n');
    const id = uuidv7();
    await db
      .insertInto('outbound_email')
      .values({
        id,
        kind: 'feedback_request',
        to_address: ticket.requester.email,
        subject: storableText(subject),
        body: storableText(body),
        ticket_id: ticket.id,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .execute();
    this.log('email queued (outbox, not sent)', {
      emailId: id,
      to: ticket.requester.email,
      ticket: number,
      kind: 'feedback_request',
    });
  }
}
