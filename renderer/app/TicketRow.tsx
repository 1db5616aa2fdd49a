import type { CachedTicket } from '../data/db';
import { statusText } from './status-text';
import { TicketControls } from './TicketControls';

/** One ticket: what it is, where its clock stands, and whether the server has our changes yet. */
export function TicketRow({ ticket, agentId }: { ticket: CachedTicket; agentId: string }) {
  const label = ticket.number ?? 'Not yet synced';
  return (
    <tr data-testid="ticket-row" data-ticket-id={ticket.id} data-ticket-number={ticket.number ?? ''}>
      <th scope="row">{label}</th>
      <td>{ticket.title}</td>
      <td data-testid="ticket-status">{statusText(ticket.status)}</td>
      <td data-testid="ticket-priority">P{ticket.priority}</td>
      <td>{Number.isFinite(ticket.slaDueMs) ? new Date(ticket.slaDueMs).toLocaleString() : '—'}</td>
      <td>
        {ticket.pendingCount > 0 ? (
          <span className="pending-mark" data-testid="pending-mark" title="The server has not confirmed this change yet">
            Not synced
          </span>
        ) : (
          <span data-testid="synced-mark">Synced</span>
        )}
      </td>
      <td>
        <TicketControls ticket={ticket} agentId={agentId} label={label} />
      </td>
    </tr>
  );
}
