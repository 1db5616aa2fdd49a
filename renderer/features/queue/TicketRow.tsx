import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../shared/index';
import type { TicketHead } from '../../data/db';
import { useNow } from '../../stores/now-store';
import { useHasQueuedChanges } from '../../sync/sync-store';
import { NotSyncedMark, PriorityBadge, StatusBadge } from '../../ui/badges';
import { SlaBadge } from '../sla/SlaBadge';
import { SearchSnippet } from '../search/SearchSnippet';
import { liveSlaState } from '../sla/live-clock';

interface TicketRowProps {
  ticket: TicketHead;
  index: number;
  top: number;
  active: boolean;
  selected: boolean;
  assigneeName: string | null;
  policy: SlaPolicy | null;
  onOpen(index: number, id: string): void;
  onToggle(id: string): void;
  /** A search's folded prefixes: the title shows why the ticket matched. */
  highlight?: readonly string[];
}

/** One ticket in the queue: what the agent scans for (number, subject, who, priority, status, owner, SLA). */
export const TicketRow = memo(function TicketRow(props: TicketRowProps) {
  const { ticket, index, top, active, selected, assigneeName, policy, onOpen, onToggle, highlight } = props;
  const { t } = useTranslation();
  // The SLA is evaluated once a minute; the badge counts down between evaluations.
  const minute = useNow(60_000);
  const headline = useMemo(() => liveSlaState(ticket, policy, new Date(minute)), [ticket, policy, minute]);
  const label = ticket.number ?? ticket.title;
  const queued = useHasQueuedChanges(ticket.id);
  return (
    <div
      role="row"
      id={`ticket-row-${ticket.id}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`ticket-row ${active ? 'active' : ''} ${selected ? 'selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-ticket-id={ticket.id}
      data-testid="ticket-row"
      onClick={() => onOpen(index, ticket.id)}
    >
      <div role="gridcell" className="cell cell-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={t('queue.selectRow', { ticket: label })}
          onChange={() => onToggle(ticket.id)}
        />
      </div>
      <div role="gridcell" className="cell cell-number mono">
        <span>{ticket.number ?? t('queue.newNumber')}</span>
        <NotSyncedMark pending={queued || ticket.number === null} />
      </div>
      <div role="gridcell" className="cell cell-title">
        {highlight ? (
          <SearchSnippet ticket={ticket} prefixes={highlight} />
        ) : (
          <span className="row-title">{ticket.title}</span>
        )}
      </div>
      <div role="gridcell" className="cell cell-requester">
        {ticket.requester.name}
      </div>
      <div role="gridcell" className="cell cell-priority">
        <PriorityBadge priority={ticket.priority} compact />
      </div>
      <div role="gridcell" className="cell cell-status">
        <StatusBadge status={ticket.status} />
      </div>
      <div role="gridcell" className={`cell cell-assignee ${assigneeName ? '' : 'muted'}`}>
        {assigneeName ?? t('filters.unassigned')}
      </div>
      <div role="gridcell" className="cell cell-sla">
        {headline ? (
          <SlaBadge clock={headline.clock} which={headline.which} compact />
        ) : (
          <SlaBadge clock={null} which="resolution" compact />
        )}
      </div>
    </div>
  );
});

/** A row whose data is still being read: same height, so the scrollbar never jumps. */
export function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="ticket-row placeholder"
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className="cell cell-skeleton">
        <span className="skeleton" />
      </div>
    </div>
  );
}
