import type { Ticket } from '../../shared/index';
import type { HeadsRow, PageBody, PageHeads, TicketHeadFields } from './rows';

/**
 * A page's heads: what the memory view keeps of each of its tickets (no description, audit,
 * resolution or reason texts, comments), stored as its own small text
 * beside the page so that a start parses these and not the whole page.
 */

/**
 * `commentTickets`: the tickets of comments the page deletes, which its body names by comment
 * id only (the writer knows them from the memory view).
 */
export function headsOf(body: PageBody, deletedCommentTickets: Iterable<string> = []): PageHeads {
  const commentTickets = new Set(deletedCommentTickets);
  for (const comment of body.comments) commentTickets.add(comment.ticketId);
  return {
    tickets: body.tickets.map(headFieldsOf),
    // A body without stamps (written before they were) is dated at start, as its ticket's policy says.
    slaKeys: body.tickets.map((_, i) => body.slaKeys?.[i] ?? [null, null, '\u0000']),
    ticketDeletes: [...body.ticketDeletes],
    commentTickets: [...commentTickets],
  };
}

export function headsRowOf(seq: number, heads: PageHeads): HeadsRow {
  return { seq, text: JSON.stringify(heads) };
}

/** The stored text back as heads, each ticket's repeated values shared (see intern). */
export function readHeads(row: HeadsRow): PageHeads {
  const heads = JSON.parse(row.text) as PageHeads;
  heads.tickets = heads.tickets.map(headFieldsOf);
  return heads;
}

/**
 * The head's fields of a ticket, in one fixed order (one object shape for every head),
 * with the values many tickets repeat (ids of agents, teams and policies, status,
 * category, channel, tags) shared: JSON.parse makes a fresh string of each.
 */
export function headFieldsOf(ticket: TicketHeadFields | Ticket): TicketHeadFields {
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    category: intern(ticket.category),
    impact: ticket.impact,
    urgency: ticket.urgency,
    priority: ticket.priority,
    status: intern(ticket.status),
    assigneeId: internOrNull(ticket.assigneeId),
    teamId: internOrNull(ticket.teamId),
    requester: ticket.requester,
    channel: intern(ticket.channel),
    tags: ticket.tags.length ? ticket.tags.map(intern) : NO_TAGS,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    firstResponseAt: ticket.firstResponseAt,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    resolutionCode: ticket.resolutionCode === null ? null : intern(ticket.resolutionCode),
    feedback: ticket.feedback,
    slaPolicyId: internOrNull(ticket.slaPolicyId),
    // The policy's clocks are run here; the server's evaluation stands in only without one.
    sla: ticket.slaPolicyId === null ? ticket.sla : null,
    statusHistory: ticket.statusHistory.map((change) => ({ at: change.at, status: intern(change.status) })),
  };
}

const NO_TAGS: string[] = [];

/** Few distinct values (agents, teams, policies, enums, tags), each kept once. */
const interned = new Map<string, string>();
const MAX_INTERNED = 50_000;

function intern<T extends string>(value: T): T {
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  if (interned.size < MAX_INTERNED) interned.set(value, value);
  return value;
}

function internOrNull(value: string | null): string | null {
  return value === null ? null : intern(value);
}
