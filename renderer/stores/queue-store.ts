import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Priority, TicketStatus } from '../../shared/index';

export const QUEUE_IDS = ['mine', 'unassigned', 'team', 'breaching', 'all'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];
export const QUEUE_SORTS = ['sla', 'priority', 'updated'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  status: TicketStatus | null;
  priority: Priority | null;
  teamId: string | null;
  /** An agent id, or 'none' for tickets nobody owns. */
  assigneeId: string | null;
  category: string | null;
  tag: string | null;
}

export const NO_FILTERS: QueueFilters = {
  status: null,
  priority: null,
  teamId: null,
  assigneeId: null,
  category: null,
  tag: null,
};

interface QueueState {
  queue: QueueId;
  filters: QueueFilters;
  sort: QueueSort;
  /** The keyboard cursor: the row j/k move and Enter opens. */
  activeIndex: number;
  activeId: string | null;
  /** Tickets ticked for bulk triage. A record, not a Set, so the state stays serialisable. */
  selected: Record<string, true>;
  setQueue(queue: QueueId): void;
  setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void;
  clearFilters(): void;
  setSort(sort: QueueSort): void;
  setActive(index: number, id: string | null): void;
  toggleSelected(id: string): void;
  selectMany(ids: string[]): void;
  clearSelection(): void;
}

/**
 * What the agent is looking at in the queue. Which queue, filters and sort survive a
 * restart (an agent's working view); the cursor and the selection do not.
 */
export const useQueueStore = create<QueueState>()(
  persist(
    (set) => ({
      queue: 'mine',
      filters: NO_FILTERS,
      sort: 'sla',
      activeIndex: 0,
      activeId: null,
      selected: {},
      setQueue: (queue) => set({ queue, activeIndex: 0, activeId: null, selected: {} }),
      setFilter: (key, value) =>
        set((s) => ({ filters: { ...s.filters, [key]: value }, activeIndex: 0, activeId: null })),
      clearFilters: () => set({ filters: NO_FILTERS, activeIndex: 0, activeId: null }),
      setSort: (sort) => set({ sort, activeIndex: 0, activeId: null }),
      setActive: (activeIndex, activeId) => set({ activeIndex, activeId }),
      toggleSelected: (id) =>
        set((s) => {
          const selected = { ...s.selected };
          if (selected[id]) delete selected[id];
          else selected[id] = true;
          return { selected };
        }),
      selectMany: (ids) =>
        set((s) => ({
          selected: { ...s.selected, ...Object.fromEntries(ids.map((id) => [id, true as const])) },
        })),
      clearSelection: () => set({ selected: {} }),
    }),
    {
      name: 'mesa.queue-view',
      partialize: (s) => ({ queue: s.queue, filters: s.filters, sort: s.sort }),
    },
  ),
);

export const selectedIdsOf = (selected: Record<string, true>): string[] => Object.keys(selected);

export const hasFilters = (filters: QueueFilters): boolean =>
  Object.values(filters).some((v) => v !== null && v !== '');
