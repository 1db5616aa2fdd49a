import type { Ticket } from '../../../shared/index';
import type { CachedComment } from '../../data/db';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface StaleReport {
  changes: FieldChange[];
  newComments: number;
}

/** Fields an agent replying would care about; SLA bookkeeping and audit noise are left out. */
const WATCHED = [
  'status',
  'assigneeId',
  'priority',
  'impact',
  'urgency',
  'category',
  'title',
  'description',
  'teamId',
  'tags',
];

/**
 * What other people changed on the server since `since` (a server `updatedAt` the agent
 * saw), from the ticket's audit trail: each watched field once, from its first "before" to
 * its last "after". The agent's own synced changes are not news to them and are skipped.
 * Null when nothing relevant changed.
 */
export function staleReport(
  server: Ticket | null,
  since: string | null | undefined,
  comments: readonly CachedComment[],
  meId: string | null,
): StaleReport | null {
  if (!server || since === undefined || since === null || server.updatedAt === since) return null;
  const byField = new Map<string, FieldChange>();
  for (const entry of server.audit) {
    if (entry.at <= since || entry.actorId === meId) continue;
    for (const [field, [before, after]] of Object.entries(entry.changes)) {
      if (!WATCHED.includes(field)) continue;
      const known = byField.get(field);
      byField.set(field, { field, before: known ? known.before : before, after });
    }
  }
  const changes = [...byField.values()].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  const newComments = comments.filter(
    (c) => c.server !== null && c.authorId !== meId && c.createdAt > since,
  ).length;
  return changes.length === 0 && newComments === 0 ? null : { changes, newComments };
}
