import type { SlaPolicy } from '../../../shared/index';
import type { ReportFactTicket } from '../../../shared/reports/index';
import { getDb } from '../../data/app-db';
import type { TicketHead } from '../../data/rows';
import { ticketMemoryIndex } from '../../data/ticket-memory-index';
import { giveWay, SLICE_MS } from './main-thread-turn';

/**
 * Where the Reports view gets its tickets: the one place that knows how the cache holds
 * them. The cache's memory view (the tickets' heads, read from the stored pages in one pass,
 * with the agent's pending changes laid over them) answers: a head has every field a report
 * reads; everything else in this folder takes plain
 * ReportFactTickets, so a change of storage layout is a change here only.
 */

/**
 * Tickets per message to the worker: the message's structured clone is most of the main
 * thread's cost, so a chunk is small and the queue gets a turn once a slice's time is spent.
 */
const CHUNK = 200;

/** Only what the report reads: a smaller message to the worker than the whole ticket. */
function reportFieldsOf(row: TicketHead): ReportFactTicket {
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
  const index = ticketMemoryIndex(getDb());
  await index.facetsReady();
  // The ids first: the view may change while the chunks are handed over, and a ticket
  // written meanwhile reaches the report through onTicketsWritten.
  const ids = Array.from(index.facets(), (facets) => facets.id);
  await giveWay();
  let sliceStart = performance.now();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = index.tickets(ids.slice(start, start + CHUNK)).map(reportFieldsOf);
    if (chunk.length) onChunk(chunk);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await giveWay();
      sliceStart = performance.now();
    }
  }
}

export async function readReportPolicies(): Promise<SlaPolicy[]> {
  return getDb().slaPolicies.toArray();
}

/** The cached tickets with these ids, as the report reads them; null for an id no longer cached. */
export async function readReportTicketsById(ids: readonly string[]): Promise<Array<ReportFactTicket | null>> {
  const index = ticketMemoryIndex(getDb());
  await index.facetsReady();
  return ids.map((id) => {
    const row = index.ticket(id);
    return row ? reportFieldsOf(row) : null;
  });
}

/**
 * Calls `listener` with the ids of the tickets each committed write changed ('all' when
 * the write does not say: a clear); returns the unsubscribe. Comment-only writes are left
 * out: no report figure depends on a comment's words.
 */
export function onTicketsWritten(listener: (ids: readonly string[] | 'all') => void): () => void {
  return getDb().ticketWrites.subscribe((write) => {
    if (write.kind === 'comments' || write.kind === 'fold') return;
    const ids =
      write.kind === 'all'
        ? 'all'
        : write.kind === 'overlay'
          ? write.ids
          : [...write.heads.tickets.map((ticket) => ticket.id), ...write.heads.ticketDeletes];
    if (ids !== 'all' && ids.length === 0) return;
    void write.committed.then((committed) => {
      if (committed) listener(ids);
    });
  });
}
