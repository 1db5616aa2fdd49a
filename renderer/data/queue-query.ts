import { getDb } from './app-db';
import type { MesaDb } from './db';
import { countInQueue, selectQueue, type TicketFacets } from './queue-match';
import type { QueueQuery } from './queue-types';
import type { TicketHead } from './rows';
import { observeCache, ticketMemoryIndex, type TicketMemoryIndex } from './ticket-memory-index';

/**
 * The queue views, from the memory view of the cache (ticket-memory-index.ts): a view's
 * ids are selected and sorted from the facets of every ticket (queue-match.ts), once per
 * change of the cache, and only the rows of the page asked for are handed out.
 */

export type { QueueFilters, QueueKind, QueueQuery, QueueSort, QueueState } from './queue-types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/**
 * Something derived from the memory view (a view's ids, a count), computed once per
 * version of it. Inside a liveQuery, observeCache subscribes the caller to every change
 * of the cache: any write may move a ticket into or out of a view.
 */
async function fromMemory<T extends readonly string[] | number>(
  db: MesaDb,
  key: string,
  compute: (tickets: Iterable<TicketFacets>) => T,
): Promise<{ index: TicketMemoryIndex; value: T }> {
  await observeCache(db);
  const index = ticketMemoryIndex(db);
  // Promise.resolve: inside a liveQuery, Dexie's rule for awaiting a non-Dexie promise.
  if (!index.current) await Promise.resolve(index.facetsReady());
  let memo = memos.get(index);
  if (!memo || memo.version !== index.version) {
    memo = { version: index.version, values: new Map() };
    memos.set(index, memo);
  }
  let value = memo.values.get(key) as T | undefined;
  if (value === undefined) {
    value = compute(index.facets());
    // A handful of views are live at once (the open queue's page and count, the five queue counts).
    if (memo.values.size >= 32) memo.values.clear();
    memo.values.set(key, value);
  }
  return { index, value };
}

const memos = new WeakMap<
  TicketMemoryIndex,
  { version: number; values: Map<string, readonly string[] | number> }
>();

/** A view without its paging: every page of it shares one selection. */
function viewKey(query: Omit<QueueQuery, 'sort' | 'offset' | 'limit'> & Partial<QueueQuery>): string {
  const { offset: _offset, limit: _limit, ...view } = query;
  return JSON.stringify(view);
}

/** One page of a queue view. Stable for the same cache contents; safe inside useLiveQuery. */
export async function queueQuery(query: QueueQuery, db: MesaDb = getDb()): Promise<TicketHead[]> {
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const { index, value } = await fromMemory(db, `ids ${viewKey(query)}`, (tickets) =>
    selectQueue(tickets, query),
  );
  return index.tickets(value.slice(offset, offset + limit));
}

/** How many tickets a queue view holds (same scope and filters, no paging). */
export async function countQueue(
  query: Omit<QueueQuery, 'sort' | 'offset' | 'limit'>,
  db: MesaDb = getDb(),
): Promise<number> {
  return (await fromMemory(db, `count ${viewKey(query)}`, (tickets) => countInQueue(tickets, query))).value;
}

/**
 * Open tickets of one assignee or one team, soonest SLA due first, up to `limit` (the SLA
 * watcher's read; past the queue views' page limit).
 */
export async function openTicketsBySlaDue(
  db: MesaDb,
  scope: { assigneeId: string } | { teamId: string },
  limit: number,
): Promise<TicketHead[]> {
  const { index, value } = await fromMemory(db, `ids ${viewKey(slaDueView(scope))}`, (tickets) =>
    selectQueue(tickets, slaDueView(scope)),
  );
  return index.tickets(value.slice(0, limit));
}

/** The ids of the same tickets. */
export async function openTicketIdsBySlaDue(
  db: MesaDb,
  scope: { assigneeId: string } | { teamId: string },
  limit: number,
): Promise<string[]> {
  const { value } = await fromMemory(db, `ids ${viewKey(slaDueView(scope))}`, (tickets) =>
    selectQueue(tickets, slaDueView(scope)),
  );
  return value.slice(0, limit);
}

function slaDueView(scope: { assigneeId: string } | { teamId: string }): QueueQuery {
  return 'assigneeId' in scope
    ? { kind: 'mine', agentId: scope.assigneeId, sort: 'sla' }
    : { kind: 'team', teamIds: [scope.teamId], sort: 'sla' };
}
