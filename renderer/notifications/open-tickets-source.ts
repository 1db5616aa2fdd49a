import type { CachedTicket, MesaDb } from '../data/db';
import { openTicketIdsBySlaDue, openTicketsBySlaDue } from '../data/queue-query';
import type { SlaWatchSettings } from './sla-watcher';

/**
 * The open tickets the watcher looks at: the agent's own and/or their teams', each one
 * index range read (openTicketsBySlaDue) soonest-due first with a limit,
 * never the whole table (MACHINE.md: 100k rows cost seconds). Past the limit are tickets
 * due latest or paused; an agent with more than that many open tickets has bigger news
 * than one more notification.
 */
export const WATCH_LIMIT_PER_RANGE = 1_000;

export async function loadWatchedTickets(db: MesaDb, agentId: string, teamIds: readonly string[], scope: SlaWatchSettings['scope']): Promise<CachedTicket[]> {
  const reads: Array<Promise<CachedTicket[]>> = [];
  if (scope !== 'team') reads.push(openTicketsBySlaDue(db, { assigneeId: agentId }, WATCH_LIMIT_PER_RANGE));
  if (scope !== 'mine') for (const teamId of teamIds) reads.push(openTicketsBySlaDue(db, { teamId }, WATCH_LIMIT_PER_RANGE));
  const byId = new Map<string, CachedTicket>();
  for (const rows of await Promise.all(reads)) for (const row of rows) byId.set(row.id, row);
  return [...byId.values()];
}

/**
 * The same ranges as loadWatchedTickets, keys only: what a liveQuery observes to learn that
 * a watched ticket changed. Reading the rows themselves on every change (every pulled page
 * of a bootstrap) cost thousands of ~5 KB rows each time; the watcher reads them once when
 * it wakes.
 */
export async function watchedTicketIds(db: MesaDb, agentId: string, teamIds: readonly string[], scope: SlaWatchSettings['scope']): Promise<number> {
  const reads: Array<Promise<string[]>> = [];
  if (scope !== 'team') reads.push(openTicketIdsBySlaDue(db, { assigneeId: agentId }, WATCH_LIMIT_PER_RANGE));
  if (scope !== 'mine') for (const teamId of teamIds) reads.push(openTicketIdsBySlaDue(db, { teamId }, WATCH_LIMIT_PER_RANGE));
  return new Set((await Promise.all(reads)).flat()).size;
}
