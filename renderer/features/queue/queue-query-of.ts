import type { QueueQuery } from '../../data/queue-query';
import type { QueueFilters, QueueId, QueueSort } from '../../stores/queue-store';

export interface Viewer {
  id: string | null;
  teamIds: readonly string[];
}

export type QueueView = Omit<QueueQuery, 'offset' | 'limit'>;

/**
 * The agent's queue, filters and sort as the data layer's queue query. Closed tickets are
 * reachable through the status filter: choosing resolved/closed/cancelled reads the "done"
 * side of the same index.
 */
export function queueQueryOf(
  queue: QueueId,
  filters: QueueFilters,
  sort: QueueSort,
  viewer: Viewer,
  now: number,
): QueueView {
  const done = filters.status === 'resolved' || filters.status === 'closed' || filters.status === 'cancelled';
  return {
    kind: queue,
    agentId: queue === 'mine' ? viewer.id : null,
    teamIds: queue === 'team' ? viewer.teamIds : undefined,
    state: done && queue !== 'breaching' ? 'done' : 'open',
    sort,
    now: queue === 'breaching' ? now : undefined,
    filters: {
      ...(filters.status ? { status: [filters.status] } : {}),
      ...(filters.priority ? { priority: [filters.priority] } : {}),
      ...(filters.category ? { category: [filters.category] } : {}),
      ...(filters.teamId ? { team: [filters.teamId] } : {}),
      // The assignee filter is hidden in the two queues that already fix the assignee.
      ...(filters.assigneeId && queue !== 'mine' && queue !== 'unassigned'
        ? { assignee: [filters.assigneeId === 'none' ? '' : filters.assigneeId] }
        : {}),
      ...(filters.tag ? { tag: [filters.tag.trim().toLowerCase()] } : {}),
    },
  };
}
