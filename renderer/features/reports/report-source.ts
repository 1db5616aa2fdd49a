import type { SlaPolicy } from '../../../shared/index';
import type { ReportFactTicket } from '../../../shared/reports/index';
import { getDb } from '../../data/app-db';
import { eachRow } from '../../data/each-row';
import type { CachedTicket } from '../../data/db';

/**
 * Where the Reports view gets its tickets: the one place that knows how the cache stores
 * them. Everything else in this folder takes plain ReportFactTickets, so a change of
 * storage layout is a change here only.
 */

/** Tickets per IndexedDB request: the UI gets a turn between requests. */
const CHUNK = 2_000;

/** Only what the report reads: a smaller message to the worker than the whole row. */
function reportFieldsOf(row: CachedTicket): ReportFactTicket {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    createdAt: row.createdAt,
    priority: row.priority,
    firstResponseAt: row.firstResponseAt,
    statusHistory: row.statusHistory,
    teamId: row.teamId,
    assigneeId: row.assigneeId,
    category: row.category,
    channel: row.channel,
    status: row.status,
    feedback: row.feedback,
    slaPolicyId: row.slaPolicyId,
  };
}

/** Every cached ticket, as the agent sees it (pending changes included), a chunk at a time. */
export async function readReportTickets(onChunk: (tickets: ReportFactTicket[]) => void): Promise<void> {
  let chunk: ReportFactTicket[] = [];
  await eachRow(getDb().tickets, CHUNK, (row) => row.id, (row) => {
    chunk.push(reportFieldsOf(row));
    if (chunk.length === CHUNK) {
      onChunk(chunk);
      chunk = [];
    }
  });
  if (chunk.length) onChunk(chunk);
}

export async function readReportPolicies(): Promise<SlaPolicy[]> {
  return getDb().slaPolicies.toArray();
}

/** The cached tickets with these ids, as the report reads them; null for an id no longer cached. */
export async function readReportTicketsById(ids: readonly string[]): Promise<Array<ReportFactTicket | null>> {
  const rows = await getDb().tickets.bulkGet([...ids]);
  return rows.map((row) => (row ? reportFieldsOf(row) : null));
}

/**
 * Calls `listener` with the ids of the tickets each committed write changed ('all' when
 * the write does not say: a clear); returns the unsubscribe. Comment-only writes are left
 * out: no report figure depends on a comment's words.
 */
export function onTicketsWritten(listener: (ids: readonly string[] | 'all') => void): () => void {
  return getDb().ticketWrites.subscribe((write) => {
    if (write.wordsOnly) return;
    void write.committed.then((committed) => {
      if (committed) listener(write.ids);
    });
  });
}
