import type { Attachment, Comment, MutationEnvelope, Ticket } from '../../shared/index';
import type { StoredSlaKeys } from './sla-stamp';

/**
 * The shapes of the cache's rows, and nothing else: every module of the data layer may
 * import these without importing the database (which would make its imports a cycle).
 */

/** The fields a cache keeps beside a ticket's own, for the queues (queue-match.ts). */
export interface TicketCacheKeys {
  /** How many outbox mutations touch this ticket: > 0 shows the "not yet synced" mark. */
  pendingCount: number;
  /** The due time of the ticket's SLA state (sla-keys.ts) in epoch ms (Infinity with no running clock), for the "SLA due" order. */
  slaDueMs: number;
  /**
   * When that clock reaches the policy's warning fraction, in epoch ms (Infinity with no
   * running clock). The "breaching" queue is `slaWarnMs <= now`.
   */
  slaWarnMs: number;
  /** 1 when the ticket is open (new, assigned, in progress, pending), 0 otherwise. */
  open: 0 | 1;
  /** `assigneeId`, or '' when unassigned: the queues' scope key (queue-match.ts). */
  assigneeKey: string;
  /** `teamId`, or '' when the ticket has no team. */
  teamKey: string;
}

/**
 * The long or rarely read fields of a ticket, left out of its head: the detail view reads
 * them from the ticket's page when it is opened.
 */
export type TicketBodyField = 'description' | 'audit' | 'resolutionNote' | 'pendingReason' | 'cancelReason';

/**
 * A ticket's fields as a head holds them (page-heads.ts). `sla`, the server's evaluation,
 * is kept only for a ticket without a policy (null otherwise): with one, the console runs
 * the clocks itself from the timeline.
 */
export type TicketHeadFields = Omit<Ticket, TicketBodyField>;

/**
 * What the console keeps in memory of every cached ticket: what the queue rows, the facets,
 * the SLA keys, the SLA watcher and the reports read. A CachedTicket is one too.
 */
export interface TicketHead extends TicketHeadFields, TicketCacheKeys {}

/**
 * A cached ticket: the server's copy (`server`), and what the agent sees (the top-level
 * fields = server state + the mutations still in the outbox). Keeping the server copy
 * lets a rejection roll back without a network round trip. Tickets as the server sent
 * them live in pages (PageRow); this row is the per-ticket overlay (`tickets` store) for
 * a ticket with local changes, and the shape a single-ticket read gets.
 */
export interface CachedTicket extends Ticket, TicketCacheKeys {
  /**
   * The last state the server sent; null for a ticket created here and not yet synced;
   * absent when it is the visible ticket itself (no pending mutation). Read it with
   * serverCopyOf (cached-ticket.ts).
   */
  server?: Ticket | null;
}

export interface CachedComment extends Comment {
  /**
   * The server's copy; null while the comment exists only here; absent when it is the
   * comment itself (every comment a pull brings: storing it twice doubled each row).
   */
  server?: Comment | null;
  /** 1 while the comment exists only here (its comment.add not yet acknowledged). */
  pending: 0 | 1;
}

/** An attachment with its bytes kept locally; `uploaded` 0 until the server has the blob. */
export interface CachedAttachment extends Attachment {
  blob: Blob | null;
  uploaded: 0 | 1;
  /** 1 once the server accepted this attachment (or its change feed carried it); 0 while only our pending attachment.add made it. */
  confirmed: 0 | 1;
}

/** A mutation waiting to be pushed. `seq` orders the outbox; it is the truth across reloads. */
export interface OutboxEntry extends MutationEnvelope {
  seq?: number;
  /** The ticket it touches, to rebuild that ticket's local state on a rejection. */
  ticketId: string | null;
  /** When the agent made the change; also the `now` its optimistic replay uses, so a rebase is deterministic. */
  createdAt: string;
  /** How many times it was sent; an entry is removed only once the server answered. */
  attempts: number;
}

/** The bytes of a file whose attachment.add the server refused: the rebuild drops the attachment row, not these. */
export interface RefusedFile {
  fileName: string;
  contentType: string;
  size: number;
  blob: Blob;
}

/**
 * A mutation the server refused, kept for the "Refused changes" panel until dismissed.
 * `args` keeps what the agent wrote (a reply's body, a new ticket's description), and
 * `files` a refused attachment's bytes, so a refusal never loses the agent's work.
 */
export interface Rejection {
  id: string;
  type: string;
  ticketId: string | null;
  code: string;
  message: string;
  at: string;
  args: unknown;
  files?: RefusedFile[];
}

export interface SyncMeta {
  key: string;
  value: unknown;
}

/**
 * Durability, per IndexedDB's `durability` transaction hint (Chromium honours it). Dexie
 * sets it per database instance, not per transaction, so the cache keeps two connections
 * to the same database: the strict one for everything the agent typed (the outbox,
 * optimistic writes, settling push results), and a relaxed sibling for pulled pages, which
 * the server can always send again. Chromium's own default has been "relaxed" since
 * version 121, so strict must be asked for by name.
 */
export type CacheDurability = 'strict' | 'relaxed';

/**
 * What one stored page says about tickets and their conversations, as the server sent it
 * (validated, the last change per id kept). Pages are replayed in `seq` order, so a later
 * page's copy of a ticket wins over an earlier one's.
 */
export interface PageBody {
  tickets: Ticket[];
  /** Per ticket, in the same order: its SLA instants as dated when stored (sla-stamp.ts). */
  slaKeys?: StoredSlaKeys[];
  ticketDeletes: string[];
  comments: Comment[];
  commentDeletes: string[];
}

/**
 * A row of the `pages` store: one pulled page (or several folded together) as JSON text.
 * A few large rows cost IndexedDB a fraction of a row per ticket to write and to read back.
 */
export interface PageRow {
  seq?: number;
  /** JSON of a PageBody. */
  text: string;
  /** Tickets + comments it holds, to decide which small pages to fold together. */
  size: number;
}

/**
 * What the memory view needs of one page (page-heads.ts): its tickets' heads, and which
 * tickets it names. Kept beside the page so that a start reads these and not the full text.
 */
export interface PageHeads {
  /** Their SLA instants not dated yet (Infinity): the memory view dates them. */
  tickets: TicketHead[];
  /** Per ticket, in the same order: its SLA instants as dated when stored (sla-stamp.ts). */
  slaKeys: StoredSlaKeys[];
  ticketDeletes: string[];
  /** The tickets whose server comments this page adds, changes or deletes. */
  commentTickets: string[];
}

/** A row of the `heads` store: the PageHeads of the page with the same seq, written in the same transaction. */
export interface HeadsRow {
  seq: number;
  /** JSON of a PageHeads in its stored form (page-heads.ts). */
  text: string;
}

/** The search words as last saved (word-index.ts WordIndexSnapshot), and the last page they include. */
export interface WordsRow {
  key: 'words';
  /** Every page with a seq up to this one is in the words; later ones are read and indexed at start. */
  pageSeq: number;
  snapshot: unknown;
}
