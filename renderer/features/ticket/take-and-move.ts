import type { Ticket, TicketStatus } from '../../../shared/index';
import { mutate } from '../mutations';
import type { ActionResult } from './actions';

/** Moves that need an owner and no words: on an unassigned ticket, the agent who asks becomes it. */
export const needsOwnerFirst = (ticket: Pick<Ticket, 'assigneeId'>, to: TicketStatus): boolean =>
  !ticket.assigneeId && (to === 'assigned' || to === 'in_progress');

/**
 * "Start work" (or "Mark as assigned") on an unassigned ticket: assigns the agent, then
 * moves it, as two queued mutations, rather than offering the move and refusing it for
 * want of an assignee. Assigning a new ticket already makes it assigned.
 */
export async function takeAndMove(
  ticketId: string,
  meId: string,
  to: 'assigned' | 'in_progress',
): Promise<ActionResult> {
  const taken = await mutate('ticket.assign', { ticketId, assigneeId: meId });
  if (!taken.ok || to === 'assigned') return taken;
  return mutate('ticket.transition', { ticketId, to });
}
