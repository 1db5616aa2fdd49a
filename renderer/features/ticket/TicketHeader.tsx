import { useTranslation } from 'react-i18next';
import type { CachedTicket } from '../../data/db';
import { NotSyncedMark, PriorityBadge, StatusBadge } from '../../ui/badges';
import { SlaBadge } from '../../ui/SlaBadge';
import { useNow } from '../../stores/now-store';
import { useHasQueuedChanges } from '../../sync/sync-store';
import { headlineClock, type LiveClocks } from '../sla/live-clock';
import { Icon } from '../../ui/Icon';

interface TicketHeaderProps {
  ticket: CachedTicket;
  clocks: LiveClocks | null;
  onBack(): void;
}

export function TicketHeader({ ticket, clocks, onBack }: TicketHeaderProps) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const headline = clocks ? headlineClock(clocks, now) : null;
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
