import { useState } from 'react';
import { checkTransition, TICKET_STATUSES, type Impact, type Priority, type TicketStatus, type Urgency } from '../../shared/index';
import type { CachedTicket } from '../data/db';
import { mutate } from '../sync/app-sync';
import type { MutationOutcome } from '../sync/perform-mutation';
import { statusText } from './status-text';

/** Impact and urgency that give each priority (ITIL matrix: priority = impact + urgency − 1). */
const PRIORITY_INPUTS: Record<Priority, { impact: Impact; urgency: Urgency }> = {
  1: { impact: 1, urgency: 1 },
  2: { impact: 1, urgency: 2 },
  3: { impact: 2, urgency: 2 },
  4: { impact: 2, urgency: 3 },
  5: { impact: 3, urgency: 3 },
};
const PRIORITIES: Priority[] = [1, 2, 3, 4, 5];

/** The moves the shared rules allow from here without asking for a note or a reason. */
function simpleMoves(ticket: CachedTicket): TicketStatus[] {
  const current = { status: ticket.status, assigneeId: ticket.assigneeId, resolvedAt: ticket.resolvedAt ? new Date(ticket.resolvedAt) : null };
  return TICKET_STATUSES.filter((to) => to !== ticket.status && checkTransition(current, to, {}, new Date()).ok);
}

/** The plain screen's way to change a ticket: priority, a status move, taking it. */
export function TicketControls({ ticket, agentId, label }: { ticket: CachedTicket; agentId: string; label: string }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const closed = ticket.status === 'closed' || ticket.status === 'cancelled';

  async function run(change: Promise<MutationOutcome>): Promise<void> {
    const outcome = await change;
    setRefusal(outcome.ok ? null : outcome.message);
  }

  const setPriority = (priority: Priority): void =>
    void run(mutate('ticket.update', { ticketId: ticket.id, ...PRIORITY_INPUTS[priority] }));
  const moveTo = (to: TicketStatus): void => void run(mutate('ticket.transition', { ticketId: ticket.id, to }));
  const takeIt = (): void => void run(mutate('ticket.assign', { ticketId: ticket.id, assigneeId: agentId }));

  return (
    <div className="ticket-controls">
      <select
        aria-label={`Priority of ${label}`}
        value={ticket.priority}
        disabled={closed}
        onChange={(e) => setPriority(Number(e.target.value) as Priority)}
        data-testid="priority-select"
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            P{p}
          </option>
        ))}
      </select>
      <select
        aria-label={`Status of ${label}`}
        value=""
        disabled={closed}
        onChange={(e) => moveTo(e.target.value as TicketStatus)}
        data-testid="status-select"
      >
        <option value="" disabled>
          Move to…
        </option>
        {simpleMoves(ticket).map((to) => (
          <option key={to} value={to}>
            {statusText(to)}
          </option>
        ))}
      </select>
      {ticket.assigneeId !== agentId && !closed ? (
        <button type="button" onClick={takeIt} data-testid="assign-to-me">
          Assign to me
        </button>
      ) : null}
      {refusal ? (
        <span role="alert" data-testid="change-refused">
          {refusal}
        </span>
      ) : null}
    </div>
  );
}
