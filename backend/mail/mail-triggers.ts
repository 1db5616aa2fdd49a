import type { Comment, Ticket } from '../../shared/index';
import type { RequesterMailKind } from './mail-content';

export interface TicketChange {
  before: Ticket | undefined;
  after: Ticket;
  comment?: Comment;
}

/**
 * Which mails a change sends the requester. A comment is mailed only when it is public
 * and an agent wrote it: internal notes never leave the server, and the requester's own
 * words are not echoed back.
 */
export function mailsFor(change: TicketChange): RequesterMailKind[] {
  const { before, after, comment } = change;
  const kinds: RequesterMailKind[] = [];
  if (!before) kinds.push('acknowledgement');
  if (comment && comment.visibility === 'public' && comment.authorId !== null) kinds.push('public_reply');
  if (after.status === 'pending' && before?.status !== 'pending') kinds.push('pending');
  if (after.status === 'resolved' && before?.status !== 'resolved') kinds.push('resolved');
  return kinds;
}
