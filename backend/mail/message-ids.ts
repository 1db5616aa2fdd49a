/**
 * Message-IDs we write and recognise. Each outbox row has its own, stable across
 * retries (a recipient's mail system can drop a duplicate by it); each ticket has a
 * thread id that every mail about it references, so replies find their ticket.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OURS = new RegExp(`^<?mesa\\.(mail|ticket)\\.(${UUID})@([^>]+)>?$`, 'i');

export const outboxMessageId = (emailId: string, domain: string): string =>
  `<mesa.mail.${emailId}@${domain}>`;
export const ticketThreadId = (ticketId: string, domain: string): string =>
  `<mesa.ticket.${ticketId}@${domain}>`;

export type OurMessageId = { kind: 'mail' | 'ticket'; id: string };

export function parseOurMessageId(messageId: string): OurMessageId | null {
  const match = OURS.exec(messageId.trim());
  if (!match) return null;
  return {
    kind: match[1]?.toLowerCase() === 'ticket' ? 'ticket' : 'mail',
    id: (match[2] ?? '').toLowerCase(),
  };
}

/** The domain part of the sender's address, for the ids we make. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).replace(/[>\s].*$/, '') : '';
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : 'mesa.invalid';
}

/** The ticket number written in a subject: "Re: [INC-1042] …". */
export function ticketNumberInSubject(subject: string): string | null {
  return /\[(INC-\d{1,12})\]/i.exec(subject)?.[1]?.toUpperCase() ?? null;
}

/** The bare address in "Name <address>". */
export function addressOf(mailbox: string): string {
  return (/<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
}
