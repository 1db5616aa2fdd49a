import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../shared/index';
import type { TicketHead } from '../../data/db';
import { usePrefsStore } from '../../stores/prefs-store';
import { ROW_HEIGHTS } from './row-height';
import type { TicketSource } from './use-queue-window';
import { PlaceholderRow, TicketRow } from './TicketRow';

interface TicketGridProps {
  label: string;
  source: TicketSource;
  activeIndex: number;
  selected: Record<string, true>;
  nameOf(agentId: string | null): string | null;
  policyOf(ticket: TicketHead): SlaPolicy | null;
  onRange(first: number, last: number): void;
  onActivate(index: number, id: string | null): void;
  onOpen(index: number, id: string): void;
  onToggle(id: string): void;
  /** Ticks every row on screen (the header checkbox), for bulk triage of what the agent sees. */
  onSelectMany?(ids: string[]): void;
  emptyText: string;
  /** Search results: the folded prefixes to mark in each row. */
  highlight?: readonly string[];
  /** Shown instead of emptyText while the list may be empty only because the cache is still being filled. */
  loadingText?: string | null;
}

/**
 * The virtualized ticket list as an ARIA grid: one tab stop, the active row announced via
 * aria-activedescendant, aria-rowcount telling screen readers the true size even though
 * only ~30 rows exist in the DOM.
 */
export function TicketGrid(props: TicketGridProps) {
  const {
    label,
    source,
    activeIndex,
    selected,
    nameOf,
    policyOf,
    onRange,
    onActivate,
    onOpen,
    onToggle,
    onSelectMany,
    emptyText,
    loadingText,
    highlight,
  } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const total = source.total ?? 0;
  const rowHeight = ROW_HEIGHTS[usePrefsStore((s) => s.density)];
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => onRange(first, last), [first, last, onRange]);
  // The virtualizer caches each row's size: a new density must lay every row out again.
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  // Keep the keyboard cursor on screen and its id known (Enter, `a` and the palette act on it).
  const activeRow = source.rowAt(activeIndex);
  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(Math.min(activeIndex, total - 1), { align: 'auto' });
  }, [activeIndex, total, virtualizer]);
  useEffect(() => onActivate(activeIndex, activeRow?.id ?? null), [activeIndex, activeRow?.id, onActivate]);

  const open = useCallback((index: number, id: string) => onOpen(index, id), [onOpen]);
  // The rows actually on screen (not the overscan above and below it).
  const viewTop = virtualizer.scrollOffset ?? 0;
  const viewBottom = viewTop + (virtualizer.scrollRect?.height ?? 0);
  const visibleIds = items
    .filter((item) => item.end > viewTop && item.start < viewBottom)
    .flatMap((item) => source.rowAt(item.index)?.id ?? []);

  return (
    <div
      ref={scroller}
      className="ticket-grid"
      style={{ '--row-height': `${rowHeight}px` } as CSSProperties}
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={8}
      aria-multiselectable="true"
      aria-activedescendant={activeRow ? `ticket-row-${activeRow.id}` : undefined}
      tabIndex={0}
      data-testid="ticket-grid"
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="ticket-row header-row">
          <div role="columnheader" className="cell cell-select">
            {onSelectMany ? (
              <input
                type="checkbox"
                tabIndex={-1}
                aria-label={t('bulk.selectAll')}
                checked={visibleIds.length > 0 && visibleIds.every((id) => selected[id])}
                onChange={(e) =>
                  e.target.checked
                    ? onSelectMany(visibleIds)
                    : visibleIds.forEach((id) => selected[id] && onToggle(id))
                }
              />
            ) : (
              <span className="visually-hidden">{t('queue.columns.select')}</span>
            )}
          </div>
          <div role="columnheader" className="cell cell-number">
            {t('queue.columns.number')}
          </div>
          <div role="columnheader" className="cell cell-title">
            {t('queue.columns.title')}
          </div>
          <div role="columnheader" className="cell cell-requester">
            {t('queue.columns.requester')}
          </div>
          <div role="columnheader" className="cell cell-priority">
            {t('queue.columns.priority')}
          </div>
          <div role="columnheader" className="cell cell-status">
            {t('queue.columns.status')}
          </div>
          <div role="columnheader" className="cell cell-assignee">
            {t('queue.columns.assignee')}
          </div>
          <div role="columnheader" className="cell cell-sla">
            {t('queue.columns.sla')}
          </div>
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const ticket = source.rowAt(item.index);
          return ticket ? (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              index={item.index}
              top={item.start}
              active={item.index === activeIndex}
              selected={Boolean(selected[ticket.id])}
              assigneeName={nameOf(ticket.assigneeId)}
              policy={policyOf(ticket)}
              onOpen={open}
              onToggle={onToggle}
              highlight={highlight}
            />
          ) : (
            <PlaceholderRow key={`placeholder-${item.index}`} index={item.index} top={item.start} />
          );
        })}
      </div>
      {source.total === 0 && loadingText ? (
        <p className="grid-loading muted" role="status" data-testid="grid-loading">
          {loadingText}
        </p>
      ) : source.total === 0 ? (
        <p className="grid-empty muted">{emptyText}</p>
      ) : null}
    </div>
  );
}
