import type { MesaDb } from './db';
import { eachRow } from './each-row';
import { compactFacetLog, readFacetLog, worthCompacting } from './facet-log';
import type { TicketFacets } from './queue-match';
import { ticketWords } from './search-words';
import type { TicketWrite, TicketWriteFeed } from './ticket-writes';
import { WordIndex } from './word-index';

/**
 * What the console keeps in memory about every cached ticket: its search words (WordIndex)
 * and the few fields a queue view filters, sorts and counts on (TicketFacets, ~200 bytes a
 * ticket). A filtered queue at 100k tickets cannot be served by walking an index range
 * with a JavaScript predicate: the matching rows may sit anywhere in the range, and each
 * row read is a structured clone of several KB. Counting by walking a range costs as much. From
 * memory it is a scan of small objects, and only the rows on screen are read.
 *
 * Derived from the cache, in two passes over it: the facets the first time they are needed
 * (or when a pull starts) from the facet log (facet-log.ts), the words the first time a
 * search needs them (or after a pull) from every ticket and comment: a filtered queue
 * does not wait for the words, which cost far more to read and make. Then kept current
 * from the writes the db reports (TicketWriteFeed):
 * - facets from the write itself, applied when its transaction commits (no read, so a
 *   bootstrap's pages cost only microseconds a ticket);
 * - words lazily: written ids are re-read, with their comments, from the cache before the
 *   next search (or when warmed after a pull). A ticket's words need its comments, which
 *   the ticket write does not carry.
 * Until the first build nothing is tracked.
 */

/** Ticket and comment rows read per IndexedDB request while building or catching up. */
const CHUNK = 2_000;

type State = 'cold' | 'building' | 'built';

export class TicketMemoryIndex {
  readonly #db: MesaDb;
  readonly #words = new WordIndex();
  readonly #facets = new Map<string, TicketFacets>();
  #version = 0;
  /** The facets: 'building' from the first ask until the whole cache was read. */
  #state: State = 'cold';
  /** The words are built in a second pass: a filtered queue must not wait for them. */
  #wordsBuilt = false;
  /** Ids whose words are behind the cache. */
  #wordsBehind = new Set<string>();
  /** The cache changed in a way no id list says (a clear): build again. */
  #rebuild = false;
  /** Writes whose transactions have not ended yet. */
  readonly #inFlight = new Set<Promise<void>>();
  #work: Promise<void> | null = null;
  #builtSignal = signal();

  constructor(db: MesaDb, feed: TicketWriteFeed) {
    this.#db = db;
    feed.subscribe((write) => this.#onWrite(write));
  }

  /** Tickets indexed so far. */
  get size(): number {
    return this.#facets.size;
  }

  /** True from the first ask for the facets: built or being built. */
  get started(): boolean {
    return this.#state !== 'cold';
  }

  /** True once the facets are built (and in no need of a rebuild): from here on they are tracked. */
  get built(): boolean {
    return this.#state === 'built' && !this.#rebuild;
  }

  /** True when built and no write is pending: facets() needs no wait. */
  get current(): boolean {
    return this.built && this.#inFlight.size === 0;
  }

  /** Changes whenever the facets change (for memoising what is derived from them). */
  get version(): number {
    return this.#version;
  }

  /**
   * Builds the facets if they were never built, and waits for every write reported so far
   * to end (only those: during a bootstrap another page is always about to be written).
   */
  async facetsReady(): Promise<void> {
    if (this.#state === 'cold') this.#state = 'building';
    const pending = [...this.#inFlight];
    // The worker may be on a words pass that started the build: the facets are ready when
    // its first pass ends, not when it does.
    while (!this.built) await Promise.race([this.#run(false), this.#builtSignal.promise]);
    await Promise.all(pending);
  }

  /** As facetsReady, and the words too. */
  async ready(): Promise<void> {
    await this.facetsReady();
    // A write reported while a worker was finishing is picked up by the next round.
    while (!this.built || !this.#wordsBuilt || this.#wordsBehind.size) await this.#run(true);
  }

  /** Builds and catches up in the background (after a pull, so the first search is instant). */
  warm(): void {
    this.ready().catch(() => {
      // The next ready() retries; a search would report the error.
    });
  }

  /**
   * Builds the facets in the background, not the words (when a pull starts: on a first
   * fill the build is of an empty cache, and from then on every page's facets come with
   * its write, so the queue counts never walk IndexedDB while it fills).
   */
  warmFacets(): void {
    this.facetsReady().catch(() => {
      // As warm().
    });
  }

  /** Ticket ids whose words start with every prefix, newest first. Call ready() first. */
  search(prefixes: readonly string[], limit: number): string[] {
    return this.#words.search(prefixes, limit);
  }

  /** The queue fields of every cached ticket. Call facetsReady() first. */
  facets(): IterableIterator<TicketFacets> {
    return this.#facets.values();
  }

  #onWrite(write: TicketWrite): void {
    if (this.#state === 'cold') return;
    const { ids, facets } = write;
    if (ids === 'all') {
      this.#rebuild = true;
      return;
    }
    for (const id of ids) this.#wordsBehind.add(id);
    if (write.wordsOnly) return;
    const applied = write.committed.then((committed) => {
      // Aborted: the facets held are still the committed state (the words are re-read anyway).
      if (!committed) return;
      if (facets) for (const row of facets) this.#facets.set(row.id, row);
      else for (const id of ids) this.#facets.delete(id);
      this.#version += 1;
    });
    this.#inFlight.add(applied);
    void applied.finally(() => this.#inFlight.delete(applied));
  }

  /**
   * One worker at a time. Started from a timer so its IndexedDB reads run outside the
   * caller's Dexie zone: a liveQuery that awaits ready() must not be charged with reading
   * the whole table.
   */
  #run(words: boolean): Promise<void> {
    this.#work ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        this.#drain(words).then(resolve, reject);
      }, 0);
    }).finally(() => {
      this.#work = null;
    });
    return this.#work;
  }

  async #drain(words: boolean): Promise<void> {
    try {
      if (this.#state !== 'built' || this.#rebuild) {
        this.#state = 'building';
        this.#rebuild = false;
        this.#wordsBuilt = false;
        await this.#buildFacets();
        this.#state = 'built';
        this.#builtSignal.resolve();
        this.#builtSignal = signal();
      }
      if (!words) return;
      if (!this.#wordsBuilt) {
        // Reads the cache as it is now: what was written before needs no catching up.
        this.#wordsBehind.clear();
        await this.#buildWords();
        this.#wordsBuilt = true;
      }
      while (this.#wordsBehind.size && this.built) await this.#refresh(take(this.#wordsBehind, CHUNK));
    } catch (error) {
      // Start over on the next ask: a half-built index must not answer.
      this.#state = 'cold';
      this.#wordsBuilt = false;
      this.#words.clear();
      this.#facets.clear();
      this.#version += 1;
      throw error;
    }
  }

  /**
   * Replays the facet log (kept in step with the tickets by ticket-writes.ts). A log grown
   * well past the tickets it describes is rewritten afterwards, in the background: nobody
   * waits for it, and if it fails the log is only longer than it needs to be.
   */
  async #buildFacets(): Promise<void> {
    this.#facets.clear();
    this.#version += 1;
    const read = await readFacetLog(this.#db, this.#facets);
    this.#version += 1;
    if (worthCompacting(this.#facets.size, read)) setTimeout(() => void compactFacetLog(this.#db).catch(() => undefined), 0);
  }

  /** Reads every comment body, then every ticket again, for their words. */
  async #buildWords(): Promise<void> {
    this.#words.clear();
    const bodies = new Map<string, string[]>();
    await eachRow(this.#db.comments, CHUNK, byId, (comment) => pushBody(bodies, comment.ticketId, comment.body));
    await eachRow(this.#db.tickets, CHUNK, byId, (ticket) => this.#words.set(ticket.id, ticketWords(ticket, bodies.get(ticket.id))));
  }

  /** Re-reads tickets and their comments for their words (their facets come with their writes). */
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

const byId = (row: { id: string }): string => row.id;

/** A promise and its resolve (Promise.withResolvers, not in this TypeScript lib yet). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Removes and returns up to `n` ids of a set. */
function take(set: Set<string>, n: number): string[] {
  const ids: string[] = [];
  for (const id of set) {
    if (ids.length === n) break;
    ids.push(id);
  }
  for (const id of ids) set.delete(id);
  return ids;
}

function pushBody(bodies: Map<string, string[]>, ticketId: string, body: string): void {
  const list = bodies.get(ticketId);
  if (list) list.push(body);
  else bodies.set(ticketId, [body]);
}

const indexes = new WeakMap<TicketWriteFeed, TicketMemoryIndex>();

/** The memory index of a cache (one per database, shared by its strict and relaxed connections). */
export function ticketMemoryIndex(db: MesaDb): TicketMemoryIndex {
  let index = indexes.get(db.ticketWrites);
  if (!index) {
    index = new TicketMemoryIndex(db, db.ticketWrites);
    indexes.set(db.ticketWrites, index);
  }
  return index;
}
