import type { TicketHead, MesaDb } from '../data/db';
import { openTicketIdsBySlaDue, openTicketsBySlaDue } from '../data/queue-query';
import type { SlaWatchSettings } from './sla-watcher';

/**
 * The open tickets the watcher looks at: the agent's own and/or their teams', each one
 * index range read (openTicketsBySlaDue) soonest-due first with a limit,
 * never the whole table (docs/sync-protocol.md: 100k rows cost seconds). Past the limit are tickets
 * due latest or paused; an agent with more than that many open tickets has bigger news
 * than one more notification.
 */
export const WATCH_LIMIT_PER_RANGE = 1_000;

type WatchedRange = { assigneeId: string } | { teamId: string };

/** The index ranges the watcher reads: the agent's own tickets and/or each of their teams'. */
function watchedRanges(
  agentId: string,
  teamIds: readonly string[],
  scope: SlaWatchSettings['scope'],
): WatchedRange[] {
  const ranges: WatchedRange[] = [];
  if (scope !== 'team') ranges.push({ assigneeId: agentId });
  if (scope !== 'mine') for (const teamId of teamIds) ranges.push({ teamId });
  return ranges;
}

export async function loadWatchedTickets(
  db: MesaDb,
  agentId: string,
  teamIds: readonly string[],
  scope: SlaWatchSettings['scope'],
): Promise<TicketHead[]> {
  const reads = watchedRanges(agentId, teamIds, scope).map((range) =>
    openTicketsBySlaDue(db, range, WATCH_LIMIT_PER_RANGE),
  );
  const byId = new Map<string, TicketHead>();
  for (const rows of await Promise.all(reads)) for (const row of rows) byId.set(row.id, row);
  return [...byId.values()];
}

/**
 * How many tickets loadWatchedTickets would read, from the same ranges' keys only: what a
 * liveQuery observes to learn that a watched ticket changed. Reading the rows themselves
 * on every change (every pulled page of a bootstrap) cost thousands of rows each time;
 * the watcher reads them once when it wakes.
 */
export async function countWatchedTickets(
  db: MesaDb,
  agentId: string,
  teamIds: readonly string[],
  scope: SlaWatchSettings['scope'],
): Promise<number> {
  const reads = watchedRanges(agentId, teamIds, scope).map((range) =>
    openTicketIdsBySlaDue(db, range, WATCH_LIMIT_PER_RANGE),
  );
  return new Set((await Promise.all(reads)).flat()).size;
}
