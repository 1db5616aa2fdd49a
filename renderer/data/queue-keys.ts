import Dexie, { type IndexableType } from 'dexie';
import type { CachedTicket } from './db';

/**
 * The keys of the one multi-entry `*queueKeys` index every queue view reads. v2 had one
 * compound index per (scope × sort), thirteen in all; IndexedDB pays per index on every
 * write, and at a 100k bootstrap that dominated; one index costs a fraction of thirteen
 * (bench/README.md).
 * Each key starts with what the separate index's name used to say, so one index range
 * read with a limit still serves each view:
 *   [scope, open, 's', slaDueMs]            by SLA due
 *   [scope, open, 'u', updatedAt]           by last update
 *   [scope, open, 'p', priority, slaDueMs]  by priority, then SLA due
 *   ['w', slaWarnMs]                        open tickets, by when the SLA warning begins
 *   ['pending']                             tickets with changes not yet acknowledged
 * scope: '*' (all), 'a:' + assigneeKey ('a:' = unassigned), 't:' + teamKey.
 */

export type QueueKeyFields = Pick<CachedTicket, 'open' | 'assigneeKey' | 'teamKey' | 'slaDueMs' | 'slaWarnMs' | 'updatedAt' | 'priority' | 'pendingCount'>;

export type QueueScope = '*' | `a:${string}` | `t:${string}`;
export type QueueOrder = 's' | 'u' | 'p';

export function queueKeysOf(row: QueueKeyFields): IndexableType[] {
  const scopes: QueueScope[] = ['*', `a:${row.assigneeKey}`];
  // No queue lists "the tickets of no team"; the team filter and 'all' cover them.
  if (row.teamKey) scopes.push(`t:${row.teamKey}`);
  const keys: IndexableType[] = [];
  for (const scope of scopes) {
    keys.push([scope, row.open, 's', row.slaDueMs], [scope, row.open, 'u', row.updatedAt], [scope, row.open, 'p', row.priority, row.slaDueMs]);
  }
  if (row.open) keys.push(['w', row.slaWarnMs]);
  if (row.pendingCount > 0) keys.push(['pending']);
  return keys;
}

/**
 * Bounds of one view's keys. Bounding after the order tag is enough: a shorter key sorts
 * before its extensions, and the max key (an array) after any number or string.
 */
export function queueKeyRange(scope: QueueScope, open: 0 | 1, order: QueueOrder): [IndexableType, IndexableType] {
  return [
    [scope, open, order, Dexie.minKey],
    [scope, open, order, Dexie.maxKey],
  ];
}

export const PENDING_KEY: IndexableType = ['pending'];
