import type { Priority, TicketStatus } from '../../shared/index';

/** What a queue view asks for; the rules are queue-match.ts, the reads queue-query.ts. */

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
