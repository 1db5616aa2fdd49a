import type { OutboxEntry } from '../db';
import { testUuid } from './make-ticket';

/** A queued, never-sent internal note on a ticket of its own: the plainest outbox entry. */
export function queuedComment(body: string): OutboxEntry {
  const ticketId = testUuid();
  return {
    id: testUuid(),
    type: 'comment.add',
    args: { ticketId, commentId: testUuid(), body, visibility: 'internal' },
    ticketId,
    createdAt: '2025-03-03T09:00:00.000Z',
    attempts: 0,
  };
}
