import type { InboundMail } from './inbound-parser';
import { parseOurMessageId } from './message-ids';

export type InboundVerdict = { kind: 'process' } | { kind: 'ignore'; reason: string };

const BULK = /^(bulk|auto_reply|junk|list)$/i;
const DAEMON = /^(mailer-daemon|postmaster|no-?reply|bounces?)([+@]|$)/i;

/**
 * Mail that must never become a comment or a ticket: auto-replies (RFC 3834
 * Auto-Submitted, Precedence, Microsoft's and others' markers), bounces (null sender,
 * delivery reports, mailer daemons), and our own mail coming back (a loop). Answering
 * any of these would start a conversation between two machines.
 */
export function classifyInbound(mail: InboundMail, ourAddress: string): InboundVerdict {
  const h = mail.headers;
  if (!mail.fromAddress) return { kind: 'ignore', reason: 'no sender address' };
  if (h.returnPath !== undefined && /^\s*<?\s*>?\s*$/.test(h.returnPath))
    return { kind: 'ignore', reason: 'null sender (a bounce)' };
  if (h.autoSubmitted && !/^\s*no\b/i.test(h.autoSubmitted))
    return { kind: 'ignore', reason: `Auto-Submitted: ${h.autoSubmitted}` };
  if (h.precedence && BULK.test(h.precedence.trim()))
    return { kind: 'ignore', reason: `Precedence: ${h.precedence}` };
  if (h.xAutoreply) return { kind: 'ignore', reason: 'marked as an automatic reply' };
  if (h.autoResponseSuppress && /\b(all|oof|autoreply)\b/i.test(h.autoResponseSuppress))
    return { kind: 'ignore', reason: `X-Auto-Response-Suppress: ${h.autoResponseSuppress}` };
  if (h.contentType && /multipart\/report/i.test(h.contentType))
    return { kind: 'ignore', reason: 'a delivery report (a bounce)' };
  if (DAEMON.test(mail.fromAddress))
    return { kind: 'ignore', reason: `from ${mail.fromAddress} (a mailer daemon)` };
  if (parseOurMessageId(mail.messageId))
    return { kind: 'ignore', reason: 'our own message came back (a loop)' };
  if (mail.fromAddress === ourAddress.toLowerCase())
    return { kind: 'ignore', reason: 'sent from our own address (a loop)' };
  return { kind: 'process' };
}
