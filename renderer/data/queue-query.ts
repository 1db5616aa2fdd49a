import Dexie, { type IndexableType } from 'dexie';
import type { Priority, TicketStatus } from '../../shared/index';
import { getDb } from './app-db';
import type { CachedTicket, MesaDb } from './db';
import { queueKeyRange, type QueueOrder, type QueueScope } from './queue-keys';

/**
 * The queue views. Each is ONE range read of the `*queueKeys` index (queue-keys.ts) with a limit: the cache may hold
 * 100k tickets and a 50-row page by index costs milliseconds where reading the table
 * costs seconds (MACHINE.md). Filters narrow the range in JavaScript while Dexie walks
 * it, so they stop as soon as the page is full.
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
  /** Default 'sla'. The breaching queue is always ordered by when the warning began (≈ due order). */
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

function predicateOf(query: QueueQuery): ((ticket: CachedTicket) => boolean) | null {
  const { status, priority, category, team, assignee, tag, pendingOnly } = query.filters ?? {};
  const tests: Array<(ticket: CachedTicket) => boolean> = [];
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

function collectionOf(db: MesaDb, range: Range, predicate: ((t: CachedTicket) => boolean) | null) {
  let collection = db.tickets.where('queueKeys').between(range.lower, range.upper, true, true);
  if (range.reverse) collection = collection.reverse();
  return predicate ? collection.filter(predicate) : collection;
}

/** The order the index gives, for merging several ranges (several teams) into one page. */
function compareBySort(sort: QueueSort): (a: CachedTicket, b: CachedTicket) => number {
  const byId = (a: CachedTicket, b: CachedTicket): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'sla':
      return (a, b) => a.slaDueMs - b.slaDueMs || byId(a, b);
    case 'priority':
      return (a, b) => a.priority - b.priority || a.slaDueMs - b.slaDueMs || byId(a, b);
    case 'updated':
      return (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : byId(b, a));
  }
}

/** One page of a queue view. Stable for the same cache contents; safe inside useLiveQuery. */
export async function queueQuery(query: QueueQuery, db: MesaDb = getDb()): Promise<CachedTicket[]> {
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const ranges = rangesOf(query);
  const predicate = predicateOf(query);
  if (ranges.length === 0) return [];
  if (ranges.length === 1) {
    return collectionOf(db, ranges[0]!, predicate).offset(offset).limit(limit).toArray();
  }
  // Several teams: the first offset+limit rows of each range hold the merged page.
  const parts = await Promise.all(ranges.map((range) => collectionOf(db, range, predicate).limit(offset + limit).toArray()));
  return parts
    .flat()
    .sort(compareBySort(query.sort ?? 'sla'))
    .slice(offset, offset + limit);
}

/** How many tickets a queue view holds (same ranges and filters, no paging). */
export async function countQueue(query: Omit<QueueQuery, 'sort' | 'offset' | 'limit'>, db: MesaDb = getDb()): Promise<number> {
  const predicate = predicateOf(query);
  const counts = await Promise.all(rangesOf(query).map((range) => collectionOf(db, { ...range, reverse: false }, predicate).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * Open tickets of one assignee or one team, soonest SLA due first, up to `limit` (the SLA
 * watcher's read; past the queue views' page limit).
 */
export function openTicketsBySlaDue(db: MesaDb, scope: { assigneeId: string } | { teamId: string }, limit: number): Promise<CachedTicket[]> {
  const [lower, upper] = queueKeyRange('assigneeId' in scope ? `a:${scope.assigneeId}` : `t:${scope.teamId}`, 1, 's');
  return db.tickets.where('queueKeys').between(lower, upper, true, true).limit(limit).toArray();
}
