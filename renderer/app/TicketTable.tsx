import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { queueQuery, type QueueState } from '../data/queue-query';
import { TicketRow } from './TicketRow';

/** The first 50 cached tickets by SLA due time, read live from Dexie: a sync or a change redraws them. */
export function TicketTable({ agentId }: { agentId: string }) {
  const [state, setState] = useState<QueueState>('open');
  const tickets = useLiveQuery(() => queueQuery({ kind: 'all', state, sort: 'sla', limit: 50 }), [state]);

  return (
    <section aria-labelledby="tickets-title">
      <div className="ticket-table-head">
        <h2 id="tickets-title">Tickets</h2>
        <label>
          Show
          <select value={state} onChange={(e) => setState(e.target.value as QueueState)} data-testid="ticket-state-filter">
            <option value="open">Open</option>
            <option value="done">Resolved and closed</option>
          </select>
        </label>
      </div>
      {tickets === undefined ? (
        <p role="status">Reading the offline copy…</p>
      ) : tickets.length === 0 ? (
        <p data-testid="no-tickets">No tickets here yet.</p>
      ) : (
        <table aria-labelledby="tickets-title" data-testid="ticket-table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Priority</th>
              <th scope="col">SLA due</th>
              <th scope="col">Sync</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} agentId={agentId} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
