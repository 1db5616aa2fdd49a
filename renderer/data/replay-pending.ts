import {
  applyTicketMutation,
  isTicketMutation,
  parseMutation,
  type Actor,
  type Attachment,
  type Comment,
  type Ticket,
} from '../../shared/index';
import type { OutboxEntry } from './db';
import { mutationContext, type ReferenceSnapshot } from './mutation-context';

export interface ReplayResult {
  /** What the agent sees; undefined when nothing exists (a refused local create). */
  ticket: Ticket | undefined;
  comments: Comment[];
  attachments: Attachment[];
}

/**
 * The rebase: a ticket's visible state = its server state with the still-pending outbox
 * mutations re-applied in outbox order, by the same applyTicketMutation the server runs.
 * Each replays at its own `createdAt`, so rebuilding twice gives the same ticket. A
 * mutation the rules now refuse (the server moved under it) is skipped here but stays in
 * the outbox: the server decides, and its rejection is what the agent is told about.
 */
export function replayPending(
  server: Ticket | undefined,
  pending: readonly OutboxEntry[],
  refs: ReferenceSnapshot,
  actor: Actor,
): ReplayResult {
  let ticket = server;
  const comments: Comment[] = [];
  const attachments: Attachment[] = [];
  for (const entry of pending) {
    const parsed = parseMutation(entry);
    if (!parsed.ok || !isTicketMutation(parsed.mutation)) continue;
    const outcome = applyTicketMutation(
      ticket,
      parsed.mutation,
      mutationContext(refs, actor, new Date(entry.createdAt)),
    );
    if (!outcome.ok) continue;
    ticket = outcome.ticket;
    if (outcome.comment) comments.push(outcome.comment);
    if (outcome.attachment) attachments.push(outcome.attachment);
  }
  return { ticket, comments, attachments };
}
