import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { TicketHead } from '../../data/db';
import { useNow } from '../../stores/now-store';
import { hasFilters, useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { firstPullPending, useSyncStore } from '../../sync/sync-store';
import { BulkBar } from '../bulk/BulkBar';
import { useAgentNames, useMe, usePolicyResolver } from '../reference/use-reference-data';
import { QueueFilterBar } from './QueueFilterBar';
import { queueQueryOf } from './queue-query-of';
import { TicketGrid } from './TicketGrid';
import { usePrefetchActive } from './use-prefetch-active';
import { useQueueWindow } from './use-queue-window';
import './queue.css';

/** The current queue: its filters, the bulk bar when tickets are ticked, and the virtual list. */
export function QueueView() {
  const { t } = useTranslation();
  const { queue, filters, sort, activeIndex, selected } = useQueueStore(
    useShallow((s) => ({
      queue: s.queue,
      filters: s.filters,
      sort: s.sort,
      activeIndex: s.activeIndex,
      selected: s.selected,
    })),
  );
  const setActive = useQueueStore((s) => s.setActive);
  const toggleSelected = useQueueStore((s) => s.toggleSelected);
  const selectMany = useQueueStore((s) => s.selectMany);
  const openTicket = useUiStore((s) => s.openTicket);
  const filling = useSyncStore(firstPullPending);
  usePrefetchActive();
  const { session, agent } = useMe();
  const names = useAgentNames();
  const resolvePolicy = usePolicyResolver();
  // "Breaching soon" is a range up to now; moving it once a minute keeps it current.
  const minute = useNow(60_000);
  const [range, setRange] = useState<[number, number]>([0, 60]);

  const view = useMemo(
    () =>
      queueQueryOf(queue, filters, sort, { id: session?.id ?? null, teamIds: agent?.teamIds ?? [] }, minute),
    [queue, filters, sort, session?.id, agent?.teamIds, minute],
  );
  const source = useQueueWindow(view, range[0], range[1]);
  const total = source.total;

  const onRange = useCallback((first: number, last: number) => setRange([first, last]), []);
  const onActivate = useCallback(
    (index: number, id: string | null) => {
      if (total !== undefined && total > 0 && index >= total) setActive(total - 1, null);
      else setActive(index, id);
    },
    [setActive, total],
  );
  const onOpen = useCallback(
    (index: number, id: string) => {
      setActive(index, id);
      openTicket(id);
    },
    [setActive, openTicket],
  );
  const nameOf = useCallback((id: string | null) => (id ? names(id) : null), [names]);
  const policyOf = useCallback((ticket: TicketHead) => resolvePolicy(ticket), [resolvePolicy]);
  // "All open" with a closed status chosen lists closed tickets: the heading says which.
  const queueName =
    queue === 'all' && view.state === 'done' && filters.status
      ? t('queues.allWithStatus', { status: t(`status.${filters.status}`) })
      : t(`queues.${queue}`);

  return (
    <section className="queue-view" aria-labelledby="queue-title">
      <header className="queue-header">
        <h1 id="queue-title">{queueName}</h1>
        <p className="queue-count muted" aria-live="polite" data-testid="queue-count">
          {total === undefined || !source.counted ? t('app.loading') : t('queue.count', { count: total })}
        </p>
      </header>
      <QueueFilterBar />
      <BulkBar />
      <TicketGrid
        label={t('queue.listLabel', { queue: queueName })}
        source={source}
        activeIndex={activeIndex}
        selected={selected}
        nameOf={nameOf}
        policyOf={policyOf}
        onRange={onRange}
        onActivate={onActivate}
        onOpen={onOpen}
        onToggle={toggleSelected}
        onSelectMany={selectMany}
        emptyText={hasFilters(filters) ? t('queue.emptyFiltered') : t('queue.empty')}
        loadingText={filling ? t('queue.firstSync') : null}
      />
    </section>
  );
}
