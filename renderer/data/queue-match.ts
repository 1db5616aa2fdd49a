import type { QueueQuery } from './queue-types';
import type { TicketHead } from './rows';

/**
 * Which tickets a queue view holds and in what order, as pure functions of a few fields of
 * each ticket. The IndexedDB path (queue-query.ts) walks an index range and applies the
 * filters; the in-memory path (ticket-memory-index.ts) keeps these fields per cached
 * ticket and applies scope, filters and order here. Both must give the same pages.
 */

/** The fields a queue view looks at. */
export type TicketFacets = Pick<
  TicketHead,
  | 'id'
  | 'status'
  | 'priority'
  | 'category'
  | 'assigneeId'
  | 'teamId'
  | 'assigneeKey'
  | 'teamKey'
  | 'tags'
  | 'pendingCount'
  | 'open'
  | 'slaDueMs'
  | 'slaWarnMs'
  | 'updatedAt'
>;

export function facetsOf(row: TicketHead): TicketFacets {
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    category: row.category,
    assigneeId: row.assigneeId,
    teamId: row.teamId,
    assigneeKey: row.assigneeKey,
    teamKey: row.teamKey,
    tags: row.tags.map((tag) => tag.toLowerCase()),
    pendingCount: row.pendingCount,
    open: row.open,
    slaDueMs: row.slaDueMs,
    slaWarnMs: row.slaWarnMs,
    updatedAt: row.updatedAt,
  };
}

type Test = (ticket: TicketFacets) => boolean;

/** The queue itself (which tickets before any filter), or null when it can hold none. */
export function scopeOf(query: QueueQuery): Test | null {
  const open: 0 | 1 = (query.state ?? 'open') === 'open' ? 1 : 0;
  switch (query.kind) {
    case 'all':
      return (t) => t.open === open;
    case 'mine': {
      const agentId = query.agentId;
      return agentId ? (t) => t.open === open && t.assigneeKey === agentId : null;
    }
    case 'unassigned':
      return (t) => t.open === open && t.assigneeKey === '';
    case 'team': {
      const teams = new Set((query.teamIds ?? []).filter(Boolean));
      return teams.size ? (t) => t.open === open && teams.has(t.teamKey) : null;
    }
    case 'breaching': {
      if (!open) return null;
      const now = query.now ?? Date.now();
      return (t) => t.open === 1 && t.slaWarnMs <= now;
    }
  }
}

/** The filters of a view (and the breaching queue's narrowing), or null when there are none. */
export function filterOf(query: QueueQuery): Test | null {
  const { status, priority, category, team, assignee, tag, pendingOnly } = query.filters ?? {};
  const tests: Test[] = [];
  if (status?.length) tests.push((t) => status.includes(t.status));
  if (priority?.length) tests.push((t) => priority.includes(t.priority));
  if (category?.length) tests.push((t) => category.includes(t.category));
  if (team?.length) tests.push((t) => team.includes(t.teamKey));
  if (assignee?.length) tests.push((t) => assignee.includes(t.assigneeKey));
  if (tag?.length) tests.push((t) => t.tags.some((x) => tag.includes(x.toLowerCase())));
  if (pendingOnly) tests.push((t) => t.pendingCount > 0);
  if (query.kind === 'breaching' && query.agentId) tests.push((t) => t.assigneeId === query.agentId);
  if (query.kind === 'breaching' && query.teamIds?.length) {
    const teams = new Set(query.teamIds);
    tests.push((t) => t.teamId !== null && teams.has(t.teamId));
  }
  return tests.length ? (ticket) => tests.every((test) => test(ticket)) : null;
}

const byId = (a: TicketFacets, b: TicketFacets): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The order of a view, as its index range gives it (ties by id, as IndexedDB orders equal
 * index keys by primary key). `a - b || …`: two stopped clocks (Infinity) give NaN, which
 * falls through to the next key like 0.
 */
export function compareOf(
  query: Pick<QueueQuery, 'kind' | 'sort'>,
): (a: TicketFacets, b: TicketFacets) => number {
  switch (query.sort ?? 'sla') {
    case 'sla':
      return (a, b) => a.slaDueMs - b.slaDueMs || byId(a, b);
    case 'priority':
      return (a, b) => a.priority - b.priority || a.slaDueMs - b.slaDueMs || byId(a, b);
    case 'updated':
      return (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : byId(b, a));
  }
}

function matcherOf(query: QueueQuery): Test | null {
  const scope = scopeOf(query);
  if (!scope) return null;
  const filter = filterOf(query);
  return filter ? (ticket) => scope(ticket) && filter(ticket) : scope;
}

/** The ids of a whole view, in order: scope, then filters, then sort. */
export function selectQueue(tickets: Iterable<TicketFacets>, query: QueueQuery): string[] {
  const matches = matcherOf(query);
  if (!matches) return [];
  const matched: TicketFacets[] = [];
  for (const ticket of tickets) if (matches(ticket)) matched.push(ticket);
  return matched.sort(compareOf(query)).map((ticket) => ticket.id);
}

/** How many tickets a view holds (no sort). */
export function countInQueue(tickets: Iterable<TicketFacets>, query: QueueQuery): number {
  const matches = matcherOf(query);
  if (!matches) return 0;
  let n = 0;
  for (const ticket of tickets) if (matches(ticket)) n += 1;
  return n;
}
