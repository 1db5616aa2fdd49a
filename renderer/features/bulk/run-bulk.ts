import type { Impact, ResolutionCode, TicketStatus, Urgency } from '../../../shared/index';
import { ticketById } from '../../data/ticket-queries';
import type { Refusal } from '../../i18n/refusals';
import { mutate } from '../mutations';
import type { ActionResult } from '../ticket/actions';

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'classify'; impact: Impact; urgency: Urgency }
  | { kind: 'status'; to: TicketStatus; reason?: string; resolutionCode?: ResolutionCode };

export interface BulkRefusal {
  ticketId: string;
  label: string;
  refusal: Refusal;
  from: TicketStatus | null;
  to: TicketStatus | null;
}

export interface BulkOutcome {
  applied: string[];
  refused: BulkRefusal[];
}

function perform(ticketId: string, action: BulkAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'assign':
      return mutate('ticket.assign', { ticketId, assigneeId: action.assigneeId });
    case 'classify':
      return mutate('ticket.update', { ticketId, impact: action.impact, urgency: action.urgency });
    case 'status': {
      const reason = action.reason ?? '';
      return mutate('ticket.transition', {
        ticketId,
        to: action.to,
        ...(action.to === 'pending' ? { pendingReason: reason } : {}),
        ...(action.to === 'cancelled' ? { cancelReason: reason } : {}),
        ...(action.to === 'resolved'
          ? { resolutionNote: reason, resolutionCode: action.resolutionCode ?? 'solved' }
          : {}),
      });
    }
  }
}

/**
 * One action over many tickets. Each ticket is its own mutation (its own outbox entry and
 * its own verdict), so one ticket the rules refuse does not stop the rest; every refusal
 * comes back with the ticket and the reason, for the agent to read.
 */
export async function runBulk(ticketIds: readonly string[], action: BulkAction): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { applied: [], refused: [] };
  for (const ticketId of ticketIds) {
    const ticket = await ticketById(ticketId);
    const result = ticket
      ? await perform(ticketId, action)
      : { ok: false as const, code: 'not_found', message: 'Not in the cache.' };
    if (result.ok) {
      outcome.applied.push(ticketId);
    } else {
      outcome.refused.push({
        ticketId,
        label: ticket ? (ticket.number ?? ticket.title) : ticketId,
        refusal: { code: result.code, message: result.message },
        from: ticket?.status ?? null,
        to: action.kind === 'status' ? action.to : null,
      });
    }
  }
  return outcome;
}
