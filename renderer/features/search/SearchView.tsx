import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { TicketHead } from '../../data/db';
import { searchTickets } from '../../data/search-tickets';
import { queryPrefixes } from '../../data/search-words';
import { useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { BulkBar } from '../bulk/BulkBar';
import { TicketGrid } from '../queue/TicketGrid';
import { staticSource } from '../queue/use-queue-window';
import { useAgentNames, usePolicyResolver } from '../reference/use-reference-data';
import '../queue/queue.css';

const RESULT_LIMIT = 200;

/** Search results in the same list as the queues, so the same keys and bulk actions work on them. */
export function SearchView({ query }: { query: string }) {
  const { t } = useTranslation();
  // Typing stays responsive; the read follows the latest text it can.
  const deferred = useDeferredValue(query);
  const results = useLiveQuery(() => searchTickets(deferred, RESULT_LIMIT), [deferred]);
  const { activeIndex, selected } = useQueueStore(
    useShallow((s) => ({ activeIndex: s.activeIndex, selected: s.selected })),
  );
  const setActive = useQueueStore((s) => s.setActive);
  const toggleSelected = useQueueStore((s) => s.toggleSelected);
  const selectMany = useQueueStore((s) => s.selectMany);
  const openTicket = useUiStore((s) => s.openTicket);
  const names = useAgentNames();
  const resolvePolicy = usePolicyResolver();
  const ranked = useMemo(() => (results ? rank(results, deferred) : undefined), [results, deferred]);
  const source = useMemo(() => staticSource(ranked), [ranked]);
  const highlight = useMemo(() => queryPrefixes(deferred), [deferred]);

  const onOpen = useCallback(
    (index: number, id: string) => {
      setActive(index, id);
      openTicket(id);
    },
    [setActive, openTicket],
  );
  const onActivate = useCallback(
    (index: number, id: string | null) => {
      const total = ranked?.length ?? 0;
      if (total > 0 && index >= total) setActive(total - 1, null);
      else setActive(index, id);
    },
    [setActive, ranked],
  );
  const nameOf = useCallback((id: string | null) => (id ? names(id) : null), [names]);
  const policyOf = useCallback((ticket: TicketHead) => resolvePolicy(ticket), [resolvePolicy]);
  const noop = useCallback(() => {}, []);

  return (
    <section className="queue-view search-view" aria-labelledby="search-title">
      <header className="queue-header">
        <h1 id="search-title">{t('search.label')}</h1>
        <p className="queue-count muted" aria-live="polite" data-testid="search-count">
          {results === undefined
            ? t('app.loading')
            : results.length === 0
              ? t('search.noResults', { query })
              : t('search.results', { count: results.length, query })}
        </p>
      </header>
      <BulkBar />
      <TicketGrid
        label={t('search.label')}
        source={source}
        activeIndex={activeIndex}
        selected={selected}
        nameOf={nameOf}
        policyOf={policyOf}
        onRange={noop}
        onActivate={onActivate}
        onOpen={onOpen}
        onToggle={toggleSelected}
        onSelectMany={selectMany}
        emptyText={t('search.noResults', { query })}
        highlight={highlight}
      />
    </section>
  );
}

/**
 * The index yields matches in word order; agents want the ticket they named first (a pasted
 * number), then open work before finished, soonest SLA first.
 */
function rank(results: TicketHead[], query: string): TicketHead[] {
  const wanted = query.trim().toLowerCase();
  const score = (t: TicketHead) => (t.number?.toLowerCase() === wanted ? 0 : 1);
  return [...results].sort((a, b) => score(a) - score(b) || b.open - a.open || a.slaDueMs - b.slaDueMs);
}
