import { v7 as uuidv7 } from 'uuid';
import { LIMITS, type Attachment, type Comment, type Ticket } from '../../shared/index';
import type { Lang } from '../portal/html';
import type { Services } from '../services';
import { findTicket } from '../storage/ticket-rows';
import type { PageView } from './requester-page-view';
import { findTicketMail } from './ticket-mail-rows';

export interface OpenPage {
  view: PageView;
  lang: Lang;
}

/**
 * What the requester's link shows, or null when the link is forged or revoked. Only the
 * public side of the ticket: public comments, the requester's own files and those on
 * public comments. Internal notes and their files are never read into the view.
 */
export async function openRequesterPage(services: Services, token: string): Promise<OpenPage | null> {
  const check = services.pageTokens.verify(token);
  if (!check.ok) return null;
  const db = services.database.db;
  const mail = await findTicketMail(db, check.ticketId);
  if (!mail || mail.pageVersion !== check.version) return null;
  const ticket = await findTicket(db, check.ticketId);
  if (!ticket) return null;
  const comments = (
    await db
      .selectFrom('comments')
      .select('data')
      .where('ticket_id', '=', ticket.id)
      .orderBy('created_at')
      .execute()
  )
    .map((r) => JSON.parse(r.data) as Comment)
    .filter((c) => c.visibility === 'public');
  const publicIds = new Set(comments.map((c) => c.id));
  const attachments = (
    await db
      .selectFrom('attachments')
      .select('data')
      .where('ticket_id', '=', ticket.id)
      .orderBy('created_at')
      .execute()
  )
    .map((r) => JSON.parse(r.data) as Attachment)
    .filter((a) => (a.commentId ? publicIds.has(a.commentId) : a.uploadedById === null));
  return { view: { token, ticket, comments, attachments }, lang: mail.lang };
}

/** The requester's answer from the page: the same mutation as an email reply. */
export async function postPageReply(
  services: Services,
  ticket: Ticket,
  body: string,
): Promise<'sent' | 'empty'> {
  const text = body.replace(/\r\n?/g, '\n').trim().slice(0, LIMITS.bodyMaxChars);
  if (!text) return 'empty';
  const result = await services.push.applyAs(
    { kind: 'requester', name: ticket.requester.name },
    {
      id: uuidv7(),
      type: 'comment.requester_reply',
      args: { ticketId: ticket.id, commentId: uuidv7(), body: text, channel: 'page' },
    },
    'requester-page',
  );
  return result.status === 'applied' ? 'sent' : 'empty';
}
