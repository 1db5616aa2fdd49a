import Dexie from 'dexie';
import type { CachedTicket, MesaDb } from '../data/db';
import type { SlaWatchSettings } from './sla-watcher';

/**
 * The open tickets the watcher looks at: the agent's own and/or their teams', each one
 * index range read ([assigneeKey|teamKey + open + slaDueMs]) soonest-due first with a limit,
 * never the whole table (MACHINE.md: 100k rows cost seconds). Past the limit are tickets
 * due latest or paused; an agent with more than that many open tickets has bigger news
 * than one more notification.
 */
export const WATCH_LIMIT_PER_RANGE = 1_000;

function openRange(db: MesaDb, index: '[assigneeKey+open+slaDueMs]' | '[teamKey+open+slaDueMs]', key: string): Promise<CachedTicket[]> {
  return db.tickets.where(index).between([key, 1, Dexie.minKey], [key, 1, Dexie.maxKey], true, true).limit(WATCH_LIMIT_PER_RANGE).toArray();
}

export async function loadWatchedTickets(db: MesaDb, agentId: string, teamIds: readonly string[], scope: SlaWatchSettings['scope']): Promise<CachedTicket[]> {
  const reads: Array<Promise<CachedTicket[]>> = [];
  if (scope !== 'team') reads.push(openRange(db, '[assigneeKey+open+slaDueMs]', agentId));
  if (scope !== 'mine') for (const teamId of teamIds) reads.push(openRange(db, '[teamKey+open+slaDueMs]', teamId));
  const byId = new Map<string, CachedTicket>();
  for (const rows of await Promise.all(reads)) for (const row of rows) byId.set(row.id, row);
  return [...byId.values()];
}
