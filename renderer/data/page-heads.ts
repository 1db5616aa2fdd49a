import type { Ticket } from '../../shared/index';
import type { HeadsRow, PageBody, PageHeads, TicketHeadFields } from './rows';
import type { StoredSlaKeys } from './sla-stamp';

/**
 * A page's heads: what the memory view keeps of each of its tickets (no description, audit,
 * resolution or reason texts, comments), stored as its own small text beside the page so
 * that a start parses these and not the whole page. Each head is stored as an array in a
 * fixed order (StoredHead): the keys of 100,000 objects would be a third of the text.
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

type StoredHead = [
  id: string,
  number: string | null,
  title: string,
  category: string,
  impact: Ticket['impact'],
  urgency: Ticket['urgency'],
  priority: Ticket['priority'],
  status: Ticket['status'],
  assigneeId: string | null,
  teamId: string | null,
  requesterName: string,
  requesterEmail: string,
  requesterPhone: string | null,
  channel: Ticket['channel'],
  tags: string[],
  createdAt: string,
  updatedAt: string,
  firstResponseAt: string | null,
  resolvedAt: string | null,
  closedAt: string | null,
  resolutionCode: Ticket['resolutionCode'],
  feedback: Ticket['feedback'],
  slaPolicyId: string | null,
  sla: Ticket['sla'],
  /** at, status, at, status, …  */
  statusHistory: string[],
];

interface StoredHeads {
  t: StoredHead[];
  k: StoredSlaKeys[];
  d: string[];
  c: string[];
}

export function headsRowOf(seq: number, heads: PageHeads): HeadsRow {
  const stored: StoredHeads = {
    t: heads.tickets.map(storedHeadOf),
    k: heads.slaKeys,
    d: heads.ticketDeletes,
    c: heads.commentTickets,
  };
  return { seq, text: JSON.stringify(stored) };
}

/** The stored text back as heads, each ticket's repeated values shared (see intern). */
export function readHeads(row: HeadsRow): PageHeads {
  const stored = JSON.parse(row.text) as StoredHeads;
  return {
    tickets: stored.t.map(headOfStored),
    slaKeys: stored.k,
    ticketDeletes: stored.d,
    commentTickets: stored.c,
  };
}

function storedHeadOf(head: TicketHeadFields): StoredHead {
  const history: string[] = [];
  for (const change of head.statusHistory) history.push(change.at, change.status);
  return [
    head.id,
    head.number,
    head.title,
    head.category,
    head.impact,
    head.urgency,
    head.priority,
    head.status,
    head.assigneeId,
    head.teamId,
    head.requester.name,
    head.requester.email,
    head.requester.phone ?? null,
    head.channel,
    head.tags,
    head.createdAt,
    head.updatedAt,
    head.firstResponseAt,
    head.resolvedAt,
    head.closedAt,
    head.resolutionCode,
    head.feedback,
    head.slaPolicyId,
    head.sla,
    history,
  ];
}

function headOfStored(stored: StoredHead): TicketHeadFields {
  const history = stored[24];
  const statusHistory: TicketHeadFields['statusHistory'] = [];
  for (let i = 0; i + 1 < history.length; i += 2)
    statusHistory.push({ at: history[i]!, status: intern(history[i + 1] as Ticket['status']) });
  const phone = stored[12];
  return {
    id: stored[0],
    number: stored[1],
    title: stored[2],
    category: intern(stored[3]),
    impact: stored[4],
    urgency: stored[5],
    priority: stored[6],
    status: intern(stored[7]),
    assigneeId: internOrNull(stored[8]),
    teamId: internOrNull(stored[9]),
    requester:
      phone === null
        ? { name: stored[10], email: stored[11] }
        : { name: stored[10], email: stored[11], phone },
    channel: intern(stored[13]),
    tags: stored[14].length ? stored[14].map(intern) : NO_TAGS,
    createdAt: stored[15],
    updatedAt: stored[16],
    firstResponseAt: stored[17],
    resolvedAt: stored[18],
    closedAt: stored[19],
    resolutionCode: stored[20] === null ? null : intern(stored[20]),
    feedback: stored[21],
    slaPolicyId: internOrNull(stored[22]),
    sla: stored[23],
    statusHistory,
  };
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
