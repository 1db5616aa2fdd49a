import { checkTransition, type Ticket, type TicketStatus, type TransitionInput } from '../../../shared/index';
import type { Refusal } from '../../i18n/refusals';

/**
 * What every ticket action answers: done (applied locally and queued for the server), or
 * refused by a rule with its code. The code, not the English message, is what the UI
 * translates and shows beside the control.
 */
export type ActionResult = { ok: true } | { ok: false; code: string; message: string };

export const refusalOf = (result: ActionResult): Refusal | null =>
  result.ok ? null : { code: result.code, message: result.message };

/** The fields checkTransition reads, from a ticket as cached (ISO strings). */
export function lifecycleOf(ticket: Pick<Ticket, 'status' | 'assigneeId' | 'resolvedAt'>) {
  return {
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    resolvedAt: ticket.resolvedAt ? new Date(ticket.resolvedAt) : null,
  };
}

/** The same guard the server runs, run here first so the agent learns at once, offline too. */
export function predictTransition(
  ticket: Pick<Ticket, 'status' | 'assigneeId' | 'resolvedAt'>,
  to: TicketStatus,
  input: TransitionInput = {},
): ActionResult {
  const result = checkTransition(lifecycleOf(ticket), to, input, new Date());
  return result.ok ? { ok: true } : { ok: false, code: result.code, message: result.message };
}

/** How a dialog labels the ticket in its title: its number, or its subject while it has none. */
export const ticketLabel = (ticket: Pick<Ticket, 'number' | 'title'>): string =>
  ticket.number ?? `«${ticket.title}»`;
