import { useTranslation } from 'react-i18next';
import type { CachedTicket } from '../../data/db';
import { NotSyncedMark, PriorityBadge, StatusBadge } from '../../ui/badges';
import { SlaBadge } from '../sla/SlaBadge';
import { useHasQueuedChanges } from '../../sync/sync-store';
import type { LiveSlaState } from '../sla/live-clock';
import { Icon } from '../../ui/Icon';

interface TicketHeaderProps {
  ticket: CachedTicket;
  /** The ticket's SLA state, as its row in the queue shows it. */
  headline: LiveSlaState | null;
  onBack(): void;
}

export function TicketHeader({ ticket, headline, onBack }: TicketHeaderProps) {
  const { t } = useTranslation();
  const queued = useHasQueuedChanges(ticket.id);
  return (
    <header className="ticket-header">
      <button type="button" className="btn btn-ghost btn-small" onClick={onBack}>
        <Icon name="back" /> {t('ticket.backToQueue')}
      </button>
      <div className="ticket-heading">
        <p className="ticket-number mono">
          {ticket.number ?? t('queue.newNumber')}
          <NotSyncedMark pending={queued || ticket.number === null} />
        </p>
        <h1 id="ticket-title">{ticket.title}</h1>
        <div className="ticket-badges">
          <PriorityBadge priority={ticket.priority} />
          <StatusBadge status={ticket.status} />
          {headline ? <SlaBadge clock={headline.clock} which={headline.which} /> : null}
        </div>
      </div>
    </header>
  );
}
