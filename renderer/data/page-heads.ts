import { isOpenStatus, type Ticket } from '../../shared/index';
import type { HeadsRow, PageBody, PageHeads, TicketHead, TicketHeadFields } from './rows';
import type { StoredSlaKeys } from './sla-stamp';

/**
 * A page's heads: what the memory view keeps of each of its tickets (no description, audit,
 * resolution or reason texts, comments), stored as its own small text beside the page so
 * that a start parses these and not the whole page. Each head is stored as an array in a
 * fixed order (StoredHead), its repeated values as numbers into a table of the page's: the
 * keys of 100,000 objects would be a third of the text, and making each of their strings
 * once per ticket a good part of the parse.
 */

/**
 * `commentTickets`: the tickets of comments the page deletes, which its body names by comment
 * id only (the writer knows them from the memory view).
 */
export function headsOf(body: PageBody, deletedCommentTickets: Iterable<string> = []): PageHeads {
  const commentTickets = new Set(deletedCommentTickets);
  for (const comment of body.comments) commentTickets.add(comment.ticketId);
  return {
    tickets: body.tickets.map(headOf),
    // A body without stamps (written before they were) is dated at start, as its ticket's policy says.
    slaKeys: body.tickets.map((_, i) => body.slaKeys?.[i] ?? [null, null, '\u0000']),
    ticketDeletes: [...body.ticketDeletes],
    commentTickets: [...commentTickets],
  };
}

/** A head as stored: an array in a fixed order, the values many heads repeat as numbers into the page's `s`. */
type StoredHead = [
  id: string,
  number: string | null,
  title: string,
  category: number,
  impact: Ticket['impact'],
  urgency: Ticket['urgency'],
  priority: Ticket['priority'],
  status: number,
  /** -1: null (as every coded value that may be null). */
  assigneeId: number,
  teamId: number,
  requesterName: string,
  requesterEmail: string,
  requesterPhone: string | null,
  channel: number,
  tags: number[],
  createdAt: string,
  updatedAt: string,
  firstResponseAt: string | null,
  resolvedAt: string | null,
  closedAt: string | null,
  resolutionCode: number,
  feedback: Ticket['feedback'],
  slaPolicyId: number,
  sla: Ticket['sla'],
  /** at, status, at, status, … */
  statusHistory: Array<string | number>,
];

interface StoredHeads {
  /** The page's repeated values (ids of agents, teams and policies, enums, tags), each once. */
  s: string[];
  t: StoredHead[];
  k: StoredSlaKeys[];
  d: string[];
  c: string[];
}

export function headsRowOf(seq: number, heads: PageHeads): HeadsRow {
  const strings: string[] = [];
  const codes = new Map<string, number>();
  const code = (value: string | null): number => {
    if (value === null) return -1;
    let n = codes.get(value);
    if (n === undefined) codes.set(value, (n = strings.push(value) - 1));
    return n;
  };
  const stored: StoredHeads = {
    s: strings,
    t: heads.tickets.map((head) => storedHeadOf(head, code)),
    k: heads.slaKeys,
    d: heads.ticketDeletes,
    c: heads.commentTickets,
  };
  return { seq, text: JSON.stringify(stored) };
}

/** The stored text back as heads, each repeated value shared across pages (see intern). */
export function readHeads(row: HeadsRow): PageHeads {
  const stored = JSON.parse(row.text) as StoredHeads;
  const strings = stored.s.map(intern);
  return {
    tickets: stored.t.map((head) => headOfStored(head, strings)),
    slaKeys: stored.k,
    ticketDeletes: stored.d,
    commentTickets: stored.c,
  };
}

function storedHeadOf(head: TicketHeadFields, code: (value: string | null) => number): StoredHead {
  const history: Array<string | number> = [];
  for (const change of head.statusHistory) history.push(change.at, code(change.status));
  return [
    head.id,
    head.number,
    head.title,
    code(head.category),
    head.impact,
    head.urgency,
    head.priority,
    code(head.status),
    code(head.assigneeId),
    code(head.teamId),
    head.requester.name,
    head.requester.email,
    head.requester.phone ?? null,
    code(head.channel),
    head.tags.map(code),
    head.createdAt,
    head.updatedAt,
    head.firstResponseAt,
    head.resolvedAt,
    head.closedAt,
    code(head.resolutionCode),
    head.feedback,
    code(head.slaPolicyId),
    head.sla,
    history,
  ];
}

function headOfStored(stored: StoredHead, strings: readonly string[]): TicketHead {
  const text = <T extends string>(n: number) => strings[n] as T;
  const textOrNull = <T extends string>(n: number) => (n < 0 ? null : (strings[n] as T));
  const history = stored[24];
  const statusHistory: TicketHead['statusHistory'] = [];
  for (let i = 0; i + 1 < history.length; i += 2)
    statusHistory.push({ at: history[i] as string, status: text(history[i + 1] as number) });
  const phone = stored[12];
  const assigneeId = textOrNull(stored[8]);
  const teamId = textOrNull(stored[9]);
  const status = text<Ticket['status']>(stored[7]);
  return {
    id: stored[0],
    number: stored[1],
    title: stored[2],
    category: text(stored[3]),
    impact: stored[4],
    urgency: stored[5],
    priority: stored[6],
    status,
    assigneeId,
    teamId,
    requester:
      phone === null
        ? { name: stored[10], email: stored[11] }
        : { name: stored[10], email: stored[11], phone },
    channel: text(stored[13]),
    tags: stored[14].length ? stored[14].map((n) => text(n)) : NO_TAGS,
    createdAt: stored[15],
    updatedAt: stored[16],
    firstResponseAt: stored[17],
    resolvedAt: stored[18],
    closedAt: stored[19],
    resolutionCode: textOrNull(stored[20]),
    feedback: stored[21],
    slaPolicyId: textOrNull(stored[22]),
    sla: stored[23],
    statusHistory,
    pendingCount: 0,
    slaDueMs: Infinity,
    slaWarnMs: Infinity,
    open: isOpenStatus(status) ? 1 : 0,
    assigneeKey: assigneeId ?? '',
    teamKey: teamId ?? '',
  };
}

/**
 * A ticket's head: its fields, in one fixed order (one object shape for every head), with
 * the values many tickets repeat shared (JSON.parse makes a fresh string of each), and the
 * cache's keys as for a server copy with nothing pending, its SLA instants not dated yet
 * (the memory view dates them).
 */
export function headOf(ticket: TicketHeadFields | Ticket): TicketHead {
  const status = intern(ticket.status);
  const assigneeId = internOrNull(ticket.assigneeId);
  const teamId = internOrNull(ticket.teamId);
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    category: intern(ticket.category),
    impact: ticket.impact,
    urgency: ticket.urgency,
    priority: ticket.priority,
    status,
    assigneeId,
    teamId,
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
    // As a stored head is read back (headOfStored).
    pendingCount: 0,
    slaDueMs: Infinity,
    slaWarnMs: Infinity,
    open: isOpenStatus(status) ? 1 : 0,
    assigneeKey: assigneeId ?? '',
    teamKey: teamId ?? '',
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
