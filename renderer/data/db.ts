import Dexie, { type EntityTable, type IndexableType } from 'dexie';
import type {
  Agent,
  Attachment,
  Category,
  Comment,
  Macro,
  MutationEnvelope,
  SlaPolicy,
  Team,
  Ticket,
} from '../../shared/index';
import type { FacetLogEntry } from './facet-log';
import { upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV6, upgradeToV8 } from './migrations';
import { TicketWriteFeed, ticketWritesMiddleware } from './ticket-writes';

/**
 * A cached ticket: the server's copy (`server`), and what the agent sees (the top-level
 * fields = server state + the mutations still in the outbox). Keeping the server copy
 * lets a rejection roll back without a network round trip.
 */
export interface CachedTicket extends Ticket {
  /**
   * The last state the server sent; null for a ticket created here and not yet synced;
   * absent when it is the visible ticket itself (no pending mutation). Read it with
   * serverCopyOf (cached-ticket.ts).
   */
  server?: Ticket | null;
  /** How many outbox mutations touch this ticket: > 0 shows the "not yet synced" mark. */
  pendingCount: number;
  /** The due time of the ticket's SLA state (sla-keys.ts) in epoch ms (Infinity with no running clock), for the "SLA due" index. */
  slaDueMs: number;
  /**
   * When that clock reaches the policy's warning fraction, in epoch ms (Infinity with no
   * running clock). The "breaching" queue is `slaWarnMs <= now`.
   */
  slaWarnMs: number;
  /** 1 when the ticket is open (new, assigned, in progress, pending), 0 otherwise: for the queue indexes. */
  open: 0 | 1;
  /** `assigneeId`, or '' when unassigned: IndexedDB cannot index null, so the queues key on this. */
  assigneeKey: string;
  /** `teamId`, or '' when the ticket has no team (same reason). */
  teamKey: string;
  /** The keys of the one queue index (queue-keys.ts); the search words live in memory (ticket-memory-index.ts). */
  queueKeys: IndexableType[];
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
 * to the same database: the strict one (this) for everything the agent typed (the outbox,
 * optimistic writes, settling push results), and a relaxed sibling for pulled pages, which
 * the server can always send again. Chromium's own default has been "relaxed" since
 * version 121, so strict must be asked for by name.
 */
export type CacheDurability = 'strict' | 'relaxed';

export const DB_NAME = 'mesa';

export class MesaDb extends Dexie {
  tickets!: EntityTable<CachedTicket, 'id'>;
  /** The queue fields of the tickets as a log of their writes, appended by ticketWritesMiddleware (facet-log.ts). */
  ticketFacetLog!: EntityTable<FacetLogEntry, 'seq'>;
  comments!: EntityTable<CachedComment, 'id'>;
  attachments!: EntityTable<CachedAttachment, 'id'>;
  agents!: EntityTable<Agent, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  macros!: EntityTable<Macro, 'id'>;
  slaPolicies!: EntityTable<SlaPolicy, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejections!: EntityTable<Rejection, 'id'>;
  meta!: EntityTable<SyncMeta, 'key'>;

  readonly durability: CacheDurability;
  /** Ticket writes through this connection and its relaxed sibling, for the in-memory search index. */
  readonly ticketWrites: TicketWriteFeed;
  #relaxed: MesaDb | null = null;

  constructor(name = DB_NAME, durability: CacheDurability = 'strict', ticketWrites = new TicketWriteFeed()) {
    super(name, { chromeTransactionDurability: durability });
    this.durability = durability;
    this.ticketWrites = ticketWrites;
    this.use(ticketWritesMiddleware(ticketWrites));
    // v1: the first schema. Kept as written so a v1 database upgrades instead of failing.
    this.version(1).stores({
      tickets:
        'id, number, status, assigneeId, teamId, category, priority, updatedAt, slaDueMs, pendingCount, *tags, *words,' +
        ' [open+slaDueMs], [assigneeId+open+slaDueMs], [teamId+open+slaDueMs], [assigneeId+status], [teamId+status],' +
        ' [open+updatedAt], [open+priority]',
      comments: 'id, ticketId, [ticketId+createdAt], pending',
      attachments: 'id, ticketId, sha256, uploaded',
      agents: 'id, email',
      teams: 'id',
      categories: 'id',
      macros: 'id',
      slaPolicies: 'id',
      outbox: '++seq, id, ticketId',
      rejections: 'id, at',
      meta: 'key',
    });
    // v2: IndexedDB leaves rows whose key part is null out of an index, so v1's
    // [assigneeId+…] could never list unassigned tickets. The queues now key on
    // assigneeKey/teamKey ('' for none), one index per (scope × sort) so every queue view
    // is a single index range read with a limit. Single-field indexes nothing reads are gone:
    // each index costs write time on a 100k-ticket bootstrap.
    this.version(2)
      .stores({
        tickets:
          'id, number, pendingCount, *words,' +
          ' [open+slaDueMs], [open+updatedAt], [open+priority+slaDueMs], [open+slaWarnMs],' +
          ' [assigneeKey+open+slaDueMs], [assigneeKey+open+updatedAt], [assigneeKey+open+priority+slaDueMs],' +
          ' [teamKey+open+slaDueMs], [teamKey+open+updatedAt], [teamKey+open+priority+slaDueMs],' +
          ' [assigneeId+status], [teamId+status]',
        comments: 'id, ticketId, [ticketId+createdAt], pending',
        attachments: 'id, ticketId, sha256, uploaded',
      })
      .upgrade(upgradeToV2);
    // v3: every index costs write time on a 100k bootstrap, and v2's were most of it (see
    // queue-keys.ts). v2's twelve compound indexes and pendingCount become one multi-entry
    // index (nothing read the two status ones); the multi-entry `*words` (up to 256 rows
    // per ticket) becomes an in-memory index derived from the cache (ticket-memory-index.ts).
    this.version(3)
      .stores({ tickets: 'id, number, *queueKeys' })
      .upgrade(upgradeToV3);
    // v4: a store of just the queue facets, mirrored on every ticket write
    // (ticket-writes.ts), so building the in-memory facets does not read every whole ticket
    // row (seconds at 100k; bench/README.md).
    this.version(4).stores({ ticketFacets: 'id' }).upgrade(upgradeToV4);
    // v5: a bootstrap writes more comments than tickets, and each comment put wrote three
    // index entries besides its row. `pending` was never read; `ticketId` queries are served
    // by [ticketId+createdAt] (a Dexie virtual index on its first part).
    this.version(5).stores({ comments: 'id, [ticketId+createdAt]' });
    // v6: v4's store wrote a row per ticket beside every ticket row, nearly a quarter of a
    // bootstrap; the facets are now a log with one entry per ticket write (facet-log.ts),
    // filled by upgradeToV6 from that store. v7 drops the store (Dexie reads a table in an
    // upgrade only if a later version deletes it).
    this.version(6).stores({ ticketFacetLog: '++seq' }).upgrade(upgradeToV6);
    this.version(7).stores({ ticketFacets: null });
    // v8: the SLA keys follow the ticket's SLA state (shared/domain/sla-state.ts), so the
    // "SLA due" order and "Breaching soon" agree with the row badge.
    this.version(8).stores({}).upgrade(upgradeToV8);
  }

  /** The relaxed-durability connection to the same database, for pulled pages (see CacheDurability). */
  get relaxed(): MesaDb {
    if (this.durability === 'relaxed') return this;
    this.#relaxed ??= new MesaDb(this.name, 'relaxed', this.ticketWrites);
    return this.#relaxed;
  }

  override close(options?: { disableAutoOpen: boolean }): void {
    this.#relaxed?.close(options);
    super.close(options);
  }
}
