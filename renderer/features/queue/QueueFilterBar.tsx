import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { TICKET_STATUSES, type Priority, type TicketStatus } from '../../../shared/index';
import { hasFilters, QUEUE_SORTS, useQueueStore, type QueueSort } from '../../stores/queue-store';
import { FilterSelect } from '../../ui/FilterSelect';
import { useAgents, useCategories, useTeams } from '../reference/use-reference-data';

const PRIORITIES: Priority[] = [1, 2, 3, 4, 5];
const SORT_LABEL = {
  sla: 'filters.sortSla',
  priority: 'filters.sortPriority',
  updated: 'filters.sortUpdated',
} as const;

/** Filters and sort as plain selects: compact, keyboard-native, and announced by every screen reader. */
export function QueueFilterBar() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  const { queue, filters, sort } = useQueueStore(
    useShallow((s) => ({ queue: s.queue, filters: s.filters, sort: s.sort })),
  );
  const setFilter = useQueueStore((s) => s.setFilter);
  const setSort = useQueueStore((s) => s.setSort);
  const clearFilters = useQueueStore((s) => s.clearFilters);
  const agents = useAgents();
  const teams = useTeams();
  const categories = useCategories();
  const any = { value: '', label: t('app.any') };
  const sortedAgents = [...agents].filter((a) => a.active).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="filter-bar" role="group" aria-label={t('filters.label')}>
      <FilterSelect
        any={any}
        label={t('filters.status')}
        value={filters.status ?? ''}
        onChange={(v) => setFilter('status', (v || null) as TicketStatus | null)}
      >
        {TICKET_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        any={any}
        label={t('filters.priority')}
        value={filters.priority ?? ''}
        onChange={(v) => setFilter('priority', v ? (Number(v) as Priority) : null)}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority.p${p}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        any={any}
        label={t('filters.team')}
        value={filters.teamId ?? ''}
        onChange={(v) => setFilter('teamId', v || null)}
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </FilterSelect>
      {queue === 'mine' || queue === 'unassigned' ? null : (
        <FilterSelect
          any={any}
          label={t('filters.assignee')}
          value={filters.assigneeId ?? ''}
          onChange={(v) => setFilter('assigneeId', v || null)}
        >
          <option value="none">{t('filters.unassigned')}</option>
          {sortedAgents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </FilterSelect>
      )}
      <FilterSelect
        any={any}
        label={t('filters.category')}
        value={filters.category ?? ''}
        onChange={(v) => setFilter('category', v || null)}
      >
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name[lang]}
          </option>
        ))}
      </FilterSelect>
      <TagFilter value={filters.tag ?? ''} onChange={(v) => setFilter('tag', v.trim() ? v : null)} />
      <span className="filter-spacer" />
      <FilterSelect
        label={t('filters.sort')}
        value={sort}
        onChange={(v) => setSort(v as QueueSort)}
        any={null}
      >
        {QUEUE_SORTS.map((s) => (
          <option key={s} value={s}>
            {t(SORT_LABEL[s])}
          </option>
        ))}
      </FilterSelect>
      {hasFilters(filters) ? (
        <button type="button" className="btn btn-ghost btn-small filter-clear" onClick={clearFilters}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

function TagFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`filter ${value ? 'filter-on' : ''}`}>
      <label htmlFor={id}>{t('filters.tag')}</label>
      <input
        id={id}
        className="input select-small tag-input"
        value={value}
        placeholder={t('filters.tagPlaceholder')}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
