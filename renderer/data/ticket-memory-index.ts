import type { CachedComment, CachedTicket, MesaDb } from './db';
import { ticketWords } from './search-words';
import type { TicketWrite, TicketWriteFeed } from './ticket-writes';
import { WordIndex } from './word-index';

/**
 * The search words of the cached tickets, kept in memory (WordIndex) and derived from the
 * cache: built lazily from IndexedDB the first time it is needed (or when warmed after a
 * bootstrap), then kept current from the ticket writes the db reports (TicketWriteFeed).
 * Written tickets are re-read, with their comments, from the cache itself, so the index
 * follows the committed state whichever code path wrote it. Until the first build nothing
 * is tracked: a bootstrap pays nothing for search.
 */

/** Rows read per IndexedDB request while building or catching up: bounded memory, and the UI gets turns between chunks. */
const CHUNK = 2_000;

type State = 'cold' | 'building' | 'warm';

export class TicketSearchIndex {
  readonly #db: MesaDb;
  readonly #words = new WordIndex();
  #state: State = 'cold';
  #dirty = new Set<string>();
  #dirtyAll = false;
  #work: Promise<void> | null = null;
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(db: MesaDb, feed: TicketWriteFeed) {
    this.#db = db;
    feed.subscribe((write) => this.#mark(write));
  }

  /** Tickets indexed so far. */
  get size(): number {
    return this.#words.size;
  }

  /** Builds the index if it was never built, and applies every write reported so far. */
  async ready(): Promise<void> {
    if (this.#state === 'cold') this.#state = 'building';
    // A write reported while a worker was finishing is picked up by the next round.
    while (this.#state !== 'warm' || this.#dirtyAll || this.#dirty.size) await this.#run();
  }

  /** Starts the build in the background (after a bootstrap, so the first search is instant). */
  warm(): void {
    this.ready().catch(() => {
      // The next ready() retries; a search would report the error.
    });
  }

  /** Ticket ids whose words start with every prefix, newest first. Call ready() first. */
  search(prefixes: readonly string[], limit: number): string[] {
    return this.#words.search(prefixes, limit);
  }

  #mark(write: TicketWrite): void {
    if (this.#state === 'cold') return;
    if (write === 'all') this.#dirtyAll = true;
    else for (const id of write) this.#dirty.add(id);
    // Keep up in the background too, so a search after a burst of pulled pages does not wait.
    if (this.#flushTimer !== null) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = null;
      this.ready().catch(() => {});
    }, 250);
  }

  /**
   * One worker at a time; it loops until nothing is left. Started from a timer so its
   * IndexedDB reads run outside the caller's Dexie zone: a liveQuery that awaits ready()
   * must not be charged with reading the whole table.
   */
  #run(): Promise<void> {
    this.#work ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        this.#drain().then(resolve, reject);
      }, 0);
    }).finally(() => {
      this.#work = null;
    });
    return this.#work;
  }

  async #drain(): Promise<void> {
    try {
      if (this.#state === 'building' || this.#dirtyAll) {
        this.#dirtyAll = false;
        this.#dirty.clear();
        await this.#build();
        this.#state = 'warm';
      }
      while (this.#dirty.size || this.#dirtyAll) {
        if (this.#dirtyAll) {
          this.#dirtyAll = false;
          this.#dirty.clear();
          await this.#build();
          continue;
        }
        const ids = [...this.#dirty].slice(0, CHUNK);
        for (const id of ids) this.#dirty.delete(id);
        await this.#refresh(ids);
      }
    } catch (error) {
      // Start over on the next ready(): a half-built index must not answer searches.
      this.#state = 'cold';
      this.#words.clear();
      throw error;
    }
  }

  /** Reads the whole cache in primary-key chunks: comment bodies first, then tickets. */
  async #build(): Promise<void> {
    const db = this.#db;
    this.#words.clear();
    const bodies = new Map<string, string[]>();
    let lastComment: string | null = null;
    for (;;) {
      const chunk: CachedComment[] = await (lastComment === null ? db.comments.orderBy(':id') : db.comments.where(':id').above(lastComment)).limit(CHUNK).toArray();
      for (const comment of chunk) pushBody(bodies, comment.ticketId, comment.body);
      if (chunk.length < CHUNK) break;
      lastComment = chunk[chunk.length - 1]!.id;
      await yieldToUi();
    }
    let lastTicket: string | null = null;
    for (;;) {
      const chunk: CachedTicket[] = await (lastTicket === null ? db.tickets.orderBy(':id') : db.tickets.where(':id').above(lastTicket)).limit(CHUNK).toArray();
      for (const ticket of chunk) this.#words.set(ticket.id, ticketWords(ticket, bodies.get(ticket.id)));
      if (chunk.length < CHUNK) break;
      lastTicket = chunk[chunk.length - 1]!.id;
      await yieldToUi();
    }
  }

  async #refresh(ids: string[]): Promise<void> {
    const db = this.#db;
    const [tickets, bodies] = await db.transaction('r', db.tickets, db.comments, async () => {
      const bodies = new Map<string, string[]>();
      await db.comments
        .where('ticketId')
        .anyOf(ids)
        .each((comment) => pushBody(bodies, comment.ticketId, comment.body));
      return [await db.tickets.bulkGet(ids), bodies] as const;
    });
    for (const [i, id] of ids.entries()) {
      const ticket = tickets[i];
      if (ticket) this.#words.set(id, ticketWords(ticket, bodies.get(id)));
      else this.#words.delete(id);
    }
  }
}

function pushBody(bodies: Map<string, string[]>, ticketId: string, body: string): void {
  const list = bodies.get(ticketId);
  if (list) list.push(body);
  else bodies.set(ticketId, [body]);
}

function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const indexes = new WeakMap<TicketWriteFeed, TicketSearchIndex>();

/** The search index of a cache (one per database, shared by its strict and relaxed connections). */
export function ticketSearchIndex(db: MesaDb): TicketSearchIndex {
  let index = indexes.get(db.ticketWrites);
  if (!index) {
    index = new TicketSearchIndex(db, db.ticketWrites);
    indexes.set(db.ticketWrites, index);
  }
  return index;
}
