import Dexie, { type EntityTable } from 'dexie';
import type { Agent, Category, Macro, SlaPolicy, Team } from '../../shared/index';
import type {
  CacheDurability,
  CachedAttachment,
  CachedComment,
  CachedTicket,
  HeadsRow,
  OutboxEntry,
  PageRow,
  Rejection,
  SyncMeta,
  WordsRow,
} from './rows';
import { TicketWriteFeed, ticketWritesMiddleware } from './ticket-writes';

export type {
  CacheDurability,
  CachedAttachment,
  CachedComment,
  CachedTicket,
  HeadsRow,
  OutboxEntry,
  PageBody,
  PageHeads,
  PageRow,
  RefusedFile,
  Rejection,
  SyncMeta,
  TicketHead,
} from './rows';

/** The cache's database. Caches from before the page layout were named LEGACY_DB_NAME. */
export const DB_NAME = 'mesa-cache';
export const LEGACY_DB_NAME = 'mesa';

export interface MesaDbOptions {
  durability?: CacheDurability;
  /** Shared by a connection and its relaxed sibling. */
  ticketWrites?: TicketWriteFeed;
}

/**
 * The cache: tickets and their conversations as the server sent them, in a few large rows
 * (`pages`), and a small per-ticket overlay (`tickets`, `comments`) for what changed here
 * and is not yet the server's. What the console shows is built in memory from both
 * (ticket-memory-index.ts), in one pass at start over the pages' heads (`heads`).
 */
export class MesaDb extends Dexie {
  /** Pulled pages as JSON text, in pull order (PageRow). */
  pages!: EntityTable<PageRow, 'seq'>;
  /** Each page's heads (HeadsRow, same seq, written with it): what a start reads. */
  heads!: EntityTable<HeadsRow, 'seq'>;
  /** The overlay: a ticket with local changes (pending mutations, or their last rebuild). */
  tickets!: EntityTable<CachedTicket, 'id'>;
  /** The overlay's comments: ours, until the server's copy arrives in a page. */
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
  /** Derived data saved so a start need not derive it again (the search words). */
  snapshots!: EntityTable<WordsRow, 'key'>;

  readonly durability: CacheDurability;
  /** Writes to the overlay through this connection and its relaxed sibling, for the in-memory view. */
  readonly ticketWrites: TicketWriteFeed;
  #relaxed: MesaDb | null = null;

  constructor(name = DB_NAME, options: MesaDbOptions = {}) {
    const durability = options.durability ?? 'strict';
    super(name, { chromeTransactionDurability: durability });
    this.durability = durability;
    this.ticketWrites = options.ticketWrites ?? new TicketWriteFeed();
    this.use(ticketWritesMiddleware(this.ticketWrites));
    // One version, declared whole: the console is unreleased, and Dexie brings a cache made
    // by an earlier declaration up to this one by the difference (a missing store is
    // created). A page stored before its heads were is read from its full text.
    this.version(2).stores({
      pages: '++seq, size',
      tickets: 'id',
      comments: 'id, ticketId',
      attachments: 'id, ticketId, sha256, uploaded',
      agents: 'id, email',
      teams: 'id',
      categories: 'id',
      macros: 'id',
      slaPolicies: 'id',
      outbox: '++seq, id, ticketId',
      rejections: 'id, at',
      meta: 'key',
      snapshots: 'key',
      heads: 'seq',
    });
  }

  /** The relaxed-durability connection to the same database, for pulled pages (see CacheDurability). */
  get relaxed(): MesaDb {
    if (this.durability === 'relaxed') return this;
    this.#relaxed ??= new MesaDb(this.name, { durability: 'relaxed', ticketWrites: this.ticketWrites });
    return this.#relaxed;
  }

  override close(options?: { disableAutoOpen: boolean }): void {
    this.#relaxed?.close(options);
    super.close(options);
  }
}
