import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../storage/database';
import type { Lang } from '../portal/html';
import { storableText } from '../storage/text';
import { setCommentDelivery } from './comment-delivery';
import { composeMail } from './mail-content';
import { mailsFor, type TicketChange } from './mail-triggers';
import { outboxMessageId, ticketThreadId } from './message-ids';
import type { PageTokens } from './page-tokens';
import { ensureTicketMail, insertTicketMail } from './ticket-mail-rows';

/** What the caller knows about the requester when a ticket is created (portal language, the mail that opened it). */
export interface RequesterHint {
  lang?: Lang;
  threadId?: string;
}

export interface RequesterMailerDeps {
  pageTokens: PageTokens;
  feedbackLink(ticketId: string, now: Date): string;
  publicUrl(): string;
  /** The domain of our Message-IDs (the sender's address). */
  domain: string;
  log(message: string, fields: Record<string, unknown>): void;
}

/**
 * Writes the mails a ticket change owes its requester into the `outbound_email` outbox,
 * in the transaction of the change: a change that rolls back sends nothing, and one that
 * commits cannot lose its mail. The sender (outbox-sender) delivers them later.
 */
export class RequesterMailer {
  constructor(private readonly deps: RequesterMailerDeps) {}

  pageLink(ticketId: string, version: number): string {
    return `${this.deps.publicUrl()}/t/${this.deps.pageTokens.create(ticketId, version)}`;
  }

  async onTicketChanged(db: Db, change: TicketChange, now: Date, hint: RequesterHint = {}): Promise<void> {
    const kinds = mailsFor(change);
    if (kinds.length === 0) return;
    const ticket = change.after;
    const fresh = {
      lang: hint.lang ?? 'es',
      threadId: hint.threadId ?? ticketThreadId(ticket.id, this.deps.domain),
      pageVersion: 1,
    } as const;
    // A new ticket has no mail row yet: one insert, no lookups (ticket creation is the hot path of a push).
    const thread = change.before
      ? await ensureTicketMail(db, ticket.id, fresh)
      : await insertTicketMail(db, ticket.id, fresh);
    for (const kind of kinds) {
      const content = composeMail({
        kind,
        ticket,
        lang: thread.lang,
        pageLink: this.pageLink(ticket.id, thread.pageVersion),
        ...(kind === 'public_reply' ? { replyBody: change.comment?.body ?? '' } : {}),
        ...(kind === 'resolved' ? { feedbackLink: this.deps.feedbackLink(ticket.id, now) } : {}),
      });
      const id = uuidv7();
      await db
        .insertInto('outbound_email')
        .values({
          id,
          // The resolution mail keeps the kind it has always had in the outbox.
          kind: kind === 'resolved' ? 'feedback_request' : kind,
          to_address: ticket.requester.email,
          subject: storableText(content.subject),
          body: storableText(content.text),
          html: storableText(content.html),
          lang: thread.lang,
          ticket_id: ticket.id,
          comment_id: kind === 'public_reply' ? (change.comment?.id ?? null) : null,
          message_id: outboxMessageId(id, this.deps.domain),
          in_reply_to: thread.threadId,
          references_header: thread.threadId,
          created_at: now.toISOString(),
          next_attempt_at: now.toISOString(),
          sent_at: null,
          status: 'queued',
          attempts: 0,
          lease_until: null,
          last_error: null,
          failed_at: null,
        })
        .execute();
      // The reply's change is already in this transaction's log: the console learns the mail is queued with it.
      if (kind === 'public_reply' && change.comment)
        await setCommentDelivery(db, change.comment.id, { status: 'queued', at: now.toISOString() });
      this.deps.log('email queued', { emailId: id, ticket: ticket.number, kind, lang: thread.lang });
    }
  }
}
