import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { LIMITS, parseMutation, type Mutation, type Ticket } from '../../shared/index';
import type { Lang } from '../portal/html';
import { activeCategories } from '../portal/intake';
import type { Services } from '../services';
import type { Tx } from '../storage/database';
import { headerText } from './header-safety';
import { storeInboundAttachments, type StoredAttachment } from './inbound-attachments';
import { classifyInbound } from './inbound-classifier';
import { parseInbound, type InboundMail } from './inbound-parser';
import { findTicketFor } from './inbound-target';
import { addressOf } from './message-ids';
import { stripQuotedReply } from './reply-stripper';

export type InboundOutcome =
  'reply' | 'new_ticket' | 'ignored' | 'duplicate' | 'unparsable' | 'rejected' | 'too_large';

export interface InboundResult {
  outcome: InboundOutcome;
  messageId: string;
  ticketId?: string;
  reason?: string;
}

export interface InboundLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

const CLOSED: ReadonlySet<string> = new Set(['closed', 'cancelled']);

/**
 * One inbound message, start to end: parsed, judged (auto-replies, bounces and loops are
 * dropped), matched to its ticket, and applied as the requester's mutations through the
 * same path as every other change. The message's id is recorded in that transaction; a
 * message whose id is already recorded (a duplicate delivery, a restart before the
 * mailbox was marked, another instance) changes nothing.
 */
export async function processInbound(
  services: Services,
  source: Buffer,
  mailboxUid: string,
  log: InboundLog,
): Promise<InboundResult> {
  let mail: InboundMail;
  try {
    mail = await parseInbound(source);
  } catch (error) {
    const messageId = `<sha256.${createHash('sha256').update(source).digest('hex')}@mesa.invalid>`;
    const reason = `unreadable MIME: ${error instanceof Error ? error.message : String(error)}`;
    return recordUnapplied(services, { messageId, mailboxUid, outcome: 'unparsable', reason }, log);
  }
  const verdict = classifyInbound(mail, addressOf(services.config.mailFrom));
  if (verdict.kind === 'ignore')
    return recordUnapplied(
      services,
      { messageId: mail.messageId, mailboxUid, outcome: 'ignored', reason: verdict.reason },
      log,
    );

  const target = await findTicketFor(services.database.db, mail);
  const refusal = target ? whyNotAReply(target, mail) : null;
  const files = await storeInboundAttachments(services.blobs, mail.attachments);
  const plan =
    target && !refusal
      ? replyPlan(target, mail, files.stored, files.skipped)
      : newTicketPlan(mail, files.stored, files.skipped, await defaultCategory(services));
  if (refusal)
    log.info(
      { messageId: mail.messageId, ticket: target?.number, reason: refusal },
      'inbound mail opens a new ticket instead of replying',
    );

  const invalid = plan.mutations.map((m) => parseMutation(m)).find((p) => !p.ok);
  if (invalid && !invalid.ok)
    return recordUnapplied(
      services,
      { messageId: mail.messageId, mailboxUid, outcome: 'rejected', reason: invalid.message },
      log,
    );

  const results = await services.push.applyAllAs(
    { kind: 'requester', name: plan.requesterName },
    plan.mutations,
    'email',
    {
      hint: { threadId: mail.messageId, lang: plan.lang },
      claim: (trx) =>
        claim(trx, {
          messageId: mail.messageId,
          mailboxUid,
          ticketId: plan.ticketId,
          outcome: plan.outcome,
          reason: refusal,
          at: services.clock(),
        }),
    },
  );
  if (!results) return { outcome: 'duplicate', messageId: mail.messageId, ticketId: plan.ticketId };
  const refused = results.find((r) => r.status === 'rejected');
  if (refused)
    log.warn(
      { messageId: mail.messageId, code: refused.code, reason: refused.message },
      'inbound mail partly refused',
    );
  log.info(
    {
      messageId: mail.messageId,
      outcome: plan.outcome,
      ticketId: plan.ticketId,
      attachments: files.stored.length,
      skipped: files.skipped,
    },
    'inbound mail applied',
  );
  return {
    outcome: plan.outcome,
    messageId: mail.messageId,
    ticketId: plan.ticketId,
    ...(refusal ? { reason: refusal } : {}),
  };
}

function whyNotAReply(ticket: Ticket, mail: InboundMail): string | null {
  if (ticket.requester.email.toLowerCase() !== mail.fromAddress)
    return `${mail.fromAddress ?? 'the sender'} is not the requester of ${ticket.number ?? ticket.id}`;
  if (CLOSED.has(ticket.status)) return `${ticket.number ?? ticket.id} is ${ticket.status}`;
  return null;
}

interface Plan {
  outcome: 'reply' | 'new_ticket';
  ticketId: string;
  requesterName: string;
  lang?: Lang;
  mutations: Mutation[];
}

function withFileNotes(text: string, skipped: string[]): string {
  const body = text.trim();
  const note = skipped.length
    ? `\n\n[Adjuntos no guardados / attachments not kept: ${skipped.join(', ')}]`
    : '';
  const room = LIMITS.bodyMaxChars - note.length - 1;
  return (body.length > room ? `${body.slice(0, room)}…` : body) + note;
}

function attachmentMutations(
  ticketId: string,
  commentId: string | null,
  files: StoredAttachment[],
): Mutation[] {
  return files.map((file) => ({
    id: uuidv7(),
    type: 'attachment.add',
    args: {
      attachmentId: uuidv7(),
      ticketId,
      commentId,
      sha256: file.sha256,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
    },
  }));
}

function replyPlan(ticket: Ticket, mail: InboundMail, files: StoredAttachment[], skipped: string[]): Plan {
  const commentId = uuidv7();
  const body =
    withFileNotes(stripQuotedReply(mail.text), skipped) || files.map((f) => f.fileName).join(', ') || '—';
  return {
    outcome: 'reply',
    ticketId: ticket.id,
    requesterName: ticket.requester.name,
    mutations: [
      {
        id: uuidv7(),
        type: 'comment.requester_reply',
        args: {
          ticketId: ticket.id,
          commentId,
          body,
          channel: 'email',
          attachments: files.map((f) => f.sha256),
        },
      },
      ...attachmentMutations(ticket.id, commentId, files),
    ],
  };
}

function newTicketPlan(
  mail: InboundMail,
  files: StoredAttachment[],
  skipped: string[],
  category: string,
): Plan {
  const ticketId = uuidv7();
  const address = mail.fromAddress ?? '';
  const name = headerText(mail.fromName, LIMITS.nameMax) || address.split('@')[0] || address;
  const title = headerText(mail.subject, LIMITS.titleMax) || headerText(mail.text, 80) || '(sin asunto)';
  return {
    outcome: 'new_ticket',
    ticketId,
    requesterName: name,
    lang: /^\s*en\b/i.test(mail.headers.contentLanguage ?? '') ? 'en' : 'es',
    mutations: [
      {
        id: uuidv7(),
        type: 'ticket.create',
        args: {
          ticketId,
          title,
          description: withFileNotes(mail.text, skipped) || title,
          category,
          // Agents triage mail: it arrives at the lowest priority until someone judges it.
          impact: 3,
          urgency: 3,
          requester: { name, email: address },
          channel: 'email',
        },
      },
      ...attachmentMutations(ticketId, null, files),
    ],
  };
}

/** Mail has no category: "other" if the organisation has one, else the first active category. */
async function defaultCategory(services: Services): Promise<string> {
  const categories = await activeCategories(services);
  return (categories.find((c) => c.id === 'other') ?? categories[0])?.id ?? 'other';
}

interface ClaimRow {
  messageId: string;
  mailboxUid: string;
  ticketId: string | null;
  outcome: InboundOutcome;
  reason: string | null;
  at: Date;
}

async function claim(trx: Tx, row: ClaimRow): Promise<boolean> {
  const inserted = await trx
    .insertInto('inbound_email')
    .values({
      message_id: row.messageId.slice(0, 998),
      mailbox_uid: row.mailboxUid,
      ticket_id: row.ticketId,
      outcome: row.outcome,
      reason: row.reason?.slice(0, 1000) ?? null,
      received_at: row.at.toISOString(),
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('message_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Records a message that changes nothing (so it is judged once) and logs why. */
export async function recordUnapplied(
  services: Services,
  row: { messageId: string; mailboxUid: string; outcome: InboundOutcome; reason: string },
  log: InboundLog,
): Promise<InboundResult> {
  const fresh = await services.database.db
    .transaction()
    .execute((trx) => claim(trx, { ...row, ticketId: null, at: services.clock() }));
  if (fresh)
    log.warn(
      { messageId: row.messageId, outcome: row.outcome, reason: row.reason },
      'inbound mail not applied',
    );
  return { outcome: fresh ? row.outcome : 'duplicate', messageId: row.messageId, reason: row.reason };
}
