import Dexie, { type IndexableType } from 'dexie';
import type { Priority, TicketStatus } from '../../shared/index';
import { getDb } from './app-db';
import type { CachedTicket, MesaDb } from './db';
import { queueKeyRange, type QueueOrder, type QueueScope } from './queue-keys';
import { compareOf, countInQueue, filterOf, selectQueue, type TicketFacets } from './queue-match';
import { ticketMemoryIndex, type TicketMemoryIndex } from './ticket-memory-index';

/**
 * The queue views. An unfiltered view is ONE range read of the `*queueKeys` index
 * (queue-keys.ts) with a limit: the cache may hold 100k tickets and a 50-row page by index
 * costs milliseconds where reading the table costs seconds (docs/sync-protocol.md). A filtered view is
 * selected from the in-memory facets (ticket-memory-index.ts); the rules are queue-match.ts.
 */

export type QueueKind = 'mine' | 'unassigned' | 'team' | 'breaching' | 'all';
/** sla: resolution due time, soonest first (no running clock last). updated: newest first. priority: P1 first, then sla. */
export type QueueSort = 'sla' | 'updated' | 'priority';
/** open: new, assigned, in progress, pending. done: resolved, closed, cancelled. */
export type QueueState = 'open' | 'done';

export interface QueueFilters {
  status?: readonly TicketStatus[];
  priority?: readonly Priority[];
  category?: readonly string[];
  /** Team ids (the console's team filter). */
  team?: readonly string[];
  /** Assignee ids; '' is "unassigned" (the console's assignee filter). */
  assignee?: readonly string[];
  /** Tags, lowercase; a ticket matches when it carries any of them. */
  tag?: readonly string[];
  /** Only tickets with changes not yet acknowledged by the server. */
  pendingOnly?: boolean;
}

export interface QueueQuery {
  kind: QueueKind;
  /** 'mine': whose tickets. 'breaching': narrows to this assignee when given. */
  agentId?: string | null;
  /** 'team': the teams to list (merged). 'breaching': narrows to these teams when given. */
  teamIds?: readonly string[];
  /** Default 'open'. The breaching queue is open tickets only. */
  state?: QueueState;
  filters?: QueueFilters;
  /** Default 'sla'. */
  sort?: QueueSort;
  offset?: number;
  /** Default 50, at most 500. */
  limit?: number;
  /** Epoch ms that counts as now for 'breaching'; default Date.now(). */
  now?: number;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

const ORDER_OF: Record<QueueSort, QueueOrder> = { sla: 's', updated: 'u', priority: 'p' };

interface Range {
  lower: IndexableType;
  upper: IndexableType;
  reverse: boolean;
}

function scopedRange(scope: QueueScope, open: 0 | 1, sort: QueueSort): Range {
  const [lower, upper] = queueKeyRange(scope, open, ORDER_OF[sort]);
  return { lower, upper, reverse: sort === 'updated' };
}

/** The index ranges a query reads (several for several teams; none when it can match nothing). */
function rangesOf(query: QueueQuery): Range[] {
  const open: 0 | 1 = (query.state ?? 'open') === 'open' ? 1 : 0;
  const sort = query.sort ?? 'sla';
  switch (query.kind) {
    case 'all':
      return [scopedRange('*', open, sort)];
    case 'mine':
      return query.agentId ? [scopedRange(`a:${query.agentId}`, open, sort)] : [];
    case 'unassigned':
      return [scopedRange('a:', open, sort)];
    case 'team':
      return [...new Set(query.teamIds ?? [])].filter(Boolean).map((teamId) => scopedRange(`t:${teamId}`, open, sort));
    case 'breaching':
      if (!open) return [];
      return [{ lower: ['w', Dexie.minKey], upper: ['w', query.now ?? Date.now()], reverse: false }];
  }
}

function collectionOf(db: MesaDb, range: Range) {
  const collection = db.tickets.where('queueKeys').between(range.lower, range.upper, true, true);
  return range.reverse ? collection.reverse() : collection;
}

/**
 * Something derived from the in-memory index (a view's ids, a count), computed once per
 * index version. Inside a liveQuery the one-row read first subscribes the caller to every
 * ticket write: any write may move a ticket into or out of a filtered view, which no index
 * range could say.
 */
async function fromMemory<T extends readonly string[] | number>(db: MesaDb, key: string, compute: (tickets: Iterable<TicketFacets>) => T): Promise<T> {
  await db.tickets.limit(1).toArray();
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
  return value;
}

const memos = new WeakMap<TicketMemoryIndex, { version: number; values: Map<string, readonly string[] | number> }>();

/** A view without its paging: every page of it shares one selection. */
function viewKey(query: QueueQuery): string {
  const { offset: _offset, limit: _limit, ...view } = query;
  return JSON.stringify(view);
}

/**
 * One page of a queue view. Stable for the same cache contents; safe inside useLiveQuery.
 * Unfiltered, it is one index range read with a limit. Filtered, from memory: filtering
 * while walking the range would read every row before the first match, and at 100k
 * tickets a rare status sorted late is tens of thousands of rows away.
 */
export async function queueQuery(query: QueueQuery, db: MesaDb = getDb()): Promise<CachedTicket[]> {
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const ranges = rangesOf(query);
  if (ranges.length === 0) return [];
  // The breaching range is keyed by warning instant, not by the order the agent chose.
  if (filterOf(query) || query.kind === 'breaching') {
    const all = await fromMemory(db, `ids ${viewKey(query)}`, (tickets) => selectQueue(tickets, query));
    const ids = all.slice(offset, offset + limit);
    const rows = await db.tickets.bulkGet(ids);
    return rows.filter((row): row is CachedTicket => row !== undefined);
  }
  if (ranges.length === 1) return collectionOf(db, ranges[0]!).offset(offset).limit(limit).toArray();
  // Several teams: the first offset+limit rows of each range hold the merged page.
  const parts = await Promise.all(ranges.map((range) => collectionOf(db, range).limit(offset + limit).toArray()));
  return parts
    .flat()
    .sort(compareOf(query))
    .slice(offset, offset + limit);
}

/**
 * How many tickets a queue view holds (same scope and filters, no paging). From memory when
 * filtered or once the memory index is built or being built (the console starts it when it
 * first pulls): IndexedDB counts by walking the range (hundreds of ms at 20k tickets; see
 * bench/README.md), and the five queue counts and the open queue's run again after every change
 * (every pulled page of a bootstrap). Only a cache no pull has started on is counted there.
 */
export async function countQueue(query: Omit<QueueQuery, 'sort' | 'offset' | 'limit'>, db: MesaDb = getDb()): Promise<number> {
  const ranges = rangesOf(query);
  if (ranges.length === 0) return 0;
  if (filterOf(query) || ticketMemoryIndex(db).started) {
    return fromMemory(db, `count ${viewKey(query)}`, (tickets) => countInQueue(tickets, query));
  }
  const counts = await Promise.all(ranges.map((range) => collectionOf(db, { ...range, reverse: false }).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * Open tickets of one assignee or one team, soonest SLA due first, up to `limit` (the SLA
 * watcher's read; past the queue views' page limit).
 */
export function openTicketsBySlaDue(db: MesaDb, scope: { assigneeId: string } | { teamId: string }, limit: number): Promise<CachedTicket[]> {
  return openBySlaDue(db, scope).limit(limit).toArray();
}

/** The ids of the same tickets, without reading the rows. */
export function openTicketIdsBySlaDue(db: MesaDb, scope: { assigneeId: string } | { teamId: string }, limit: number): Promise<string[]> {
  return openBySlaDue(db, scope).limit(limit).primaryKeys();
}

function openBySlaDue(db: MesaDb, scope: { assigneeId: string } | { teamId: string }) {
  const [lower, upper] = queueKeyRange('assigneeId' in scope ? `a:${scope.assigneeId}` : `t:${scope.teamId}`, 1, 's');
  return db.tickets.where('queueKeys').between(lower, upper, true, true);
}
