import { isOpenStatus, type Comment, type SlaPolicy, type Ticket } from '../../shared/index';
import { readPageBody } from './page-body';
import { facetsOf, type TicketFacets } from './queue-match';
import type { CachedComment, CachedTicket, PageBody, WordsRow } from './rows';
import type { MesaDb } from './db';
import { slaKeys } from './sla-keys';
import { policyStamp, readSlaKeys } from './sla-stamp';
import { ticketWords } from './search-words';
import type { CacheWrite, TicketWriteFeed } from './ticket-writes';
import { WordIndex, readWordIndexSnapshot } from './word-index';

/**
 * What the console shows, in memory: every cached ticket as the agent sees it, the server's
 * comments, the queue facets and the search words. Built at start in ONE pass: the pages
 * (tickets and comments as the server sent them, replayed in order), then the overlay (the
 * tickets with local changes) on top; the saved search words are read right after, so the
 * queue's rows do not wait for them. From then on kept
 * current from the writes the cache reports (TicketWriteFeed), each applied when its
 * transaction commits. Queue views, counts, filters and search are answered from here;
 * IndexedDB is read only for the overlay's comments.
 *
 * A ticket's words need its comments, so they are made lazily: the ids whose words are
 * behind are re-made before the next search, or in the background after a pull (warm()),
 * a chunk at a time so the UI keeps its turn; once caught up, the words are saved
 * (`snapshots` store) with the last page they include, and the next start indexes only the
 * pages after it.
 */

/** Tickets whose words are re-made per turn of the UI. */
const WORDS_CHUNK = 500;
/** Quiet time before the words are saved. */
const SAVE_AFTER_MS = 2_000;

type State = 'cold' | 'loading' | 'loaded';

export class TicketMemoryIndex {
  readonly #db: MesaDb;
  /** The tickets as the pages say (the server's copies). */
  readonly #base = new Map<string, CachedTicket>();
  /** The overlay rows: what the agent sees of tickets with local changes. */
  readonly #overlay = new Map<string, CachedTicket>();
  /** The server's comments, by ticket, then by id. */
  readonly #comments = new Map<string, Map<string, Comment>>();
  readonly #commentTicket = new Map<string, string>();
  readonly #facets = new Map<string, TicketFacets>();
  readonly #policies = new Map<string, SlaPolicy>();
  /** policyStamp of each cached policy, made once per policy rather than once per ticket. */
  readonly #stamps = new Map<string, string>();
  #words = new WordIndex();
  /** Ids whose words are behind what the cache holds. */
  readonly #wordsBehind = new Set<string>();
  /** The last stored page applied. */
  #pageSeq = 0;
  /** The page seq the saved words include, or -1 when they need saving. */
  #savedSeq = -1;
  #state: State = 'cold';
  #loading: Promise<void> | null = null;
  /** Writes reported while loading: applied after the load (applying one twice is harmless). */
  #buffered: CacheWrite[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #rebuild = false;
  #version = 0;
  #wordsWork: Promise<void> | null = null;
  /** Per page read at the last load, the tickets it names: until the saved words are restored. */
  #loadedPages: Map<number, string[]> | null = null;
  #restoring: Promise<void> | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(db: MesaDb, feed: TicketWriteFeed) {
    this.#db = db;
    feed.subscribe((write) => this.#onWrite(write));
  }

  /** Tickets whose words are still to be made (after restoreWords: those the saved words do not cover). */
  get wordsBehind(): number {
    return this.#wordsBehind.size;
  }

  /**
   * Takes the saved words once after a load, outside the load: the queue's rows must not
   * wait for them. Only tickets of pages after the save, of the overlay, and of none (gone
   * since) are left to make; with nothing saved, every ticket is.
   */
  async restoreWords(): Promise<void> {
    while (this.#loadedPages) {
      this.#restoring ??= new Promise<void>((resolve, reject) => {
        // From a timer, as the load: not inside a caller's liveQuery.
        setTimeout(() => {
          this.#restoreSaved().then(resolve, reject);
        }, 0);
      }).finally(() => {
        this.#restoring = null;
      });
      await this.#restoring;
    }
  }

  /** Tickets held. */
  get size(): number {
    return this.#facets.size;
  }

  /** True from the first ask: loaded or loading. */
  get started(): boolean {
    return this.#state !== 'cold';
  }

  /** True once loaded (and in no need of a reload) with no write pending: reads need no wait. */
  get current(): boolean {
    return this.#state === 'loaded' && !this.#rebuild && this.#inFlight.size === 0;
  }

  /** Changes whenever a ticket changes (for memoising what is derived from the facets). */
  get version(): number {
    return this.#version;
  }

  /** Loads the cache if it never was, and waits for every write reported so far to be applied. */
  async facetsReady(): Promise<void> {
    const pending = [...this.#inFlight];
    let loaded = false;
    while (this.#state !== 'loaded' || this.#rebuild) {
      await this.#load();
      loaded = true;
    }
    // Writes reported during the load were held back and are in flight only now.
    await Promise.all(loaded ? [...pending, ...this.#inFlight] : pending);
  }

  /** As facetsReady, and the words caught up too (then saved soon, for the next start). */
  async ready(): Promise<void> {
    await this.facetsReady();
    await this.restoreWords();
    while (this.#wordsBehind.size) await this.#catchUpWords();
    this.#saveSoon();
  }

  /** Loads and catches the words up in the background (after a pull: the first search is then instant). */
  warm(): void {
    this.ready().catch(() => {
      // The next ready() retries; a search would report the error.
    });
  }

  /** Loads in the background, not the words (when a pull starts). */
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

  /** A ticket as the agent sees it. Call facetsReady() first. */
  ticket(id: string): CachedTicket | undefined {
    return this.#overlay.get(id) ?? this.#base.get(id);
  }

  /** The tickets of these ids that exist, in that order. */
  tickets(ids: readonly string[]): CachedTicket[] {
    const rows: CachedTicket[] = [];
    for (const id of ids) {
      const row = this.ticket(id);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** The ticket as the pages hold it (the server's copy before any overlay), if any. */
  pagedTicket(id: string): CachedTicket | undefined {
    return this.#base.get(id);
  }

  /** True when the overlay holds this ticket (local changes, or their last rebuild). */
  hasOverlay(id: string): boolean {
    return this.#overlay.has(id);
  }

  /** The ticket a server comment belongs to. */
  ticketOfServerComment(commentId: string): string | undefined {
    return this.#commentTicket.get(commentId);
  }

  /** The stamp (sla-stamp.ts) of the cached policy of this id; undefined when none is cached. */
  policyStampOf(policyId: string): string | undefined {
    return this.#stamps.get(policyId);
  }

  /** The server's comments of a ticket (unordered). */
  serverComments(ticketId: string): Comment[] {
    return [...(this.#comments.get(ticketId)?.values() ?? [])];
  }

  #onWrite(write: CacheWrite): void {
    if (this.#state === 'cold') return;
    if (this.#state === 'loading') {
      this.#buffered.push(write);
      return;
    }
    const applied = write.committed.then((committed) => {
      // Aborted: what is held is still the committed state.
      if (committed) this.#apply(write);
    });
    this.#inFlight.add(applied);
    void applied.finally(() => this.#inFlight.delete(applied));
  }

  #apply(write: CacheWrite): void {
    switch (write.kind) {
      case 'all':
        this.#rebuild = true;
        break;
      case 'overlay':
        for (const [i, id] of write.ids.entries()) {
          const row = write.rows?.[i];
          if (row) this.#overlay.set(id, row);
          else this.#overlay.delete(id);
          this.#refresh(id);
        }
        break;
      case 'comments':
        for (const id of write.ticketIds) this.#wordsBehind.add(id);
        break;
      case 'page':
        this.#applyPage(write.body, write.policies);
        this.#pageSeq = Math.max(this.#pageSeq, write.seq);
        break;
    }
    this.#savedSeq = -1;
    this.#version += 1;
  }

  /** Replays one page onto the server's copies. `policies`: the ones this page brought, already stored. */
  #applyPage(body: PageBody, policies: readonly SlaPolicy[] = []): void {
    const moved = new Set<string>();
    for (const policy of policies) {
      const stamp = policyStamp(policy);
      if (this.#stamps.get(policy.id) !== stamp) moved.add(policy.id);
      this.#setPolicy(policy, stamp);
    }
    for (const id of body.ticketDeletes) {
      this.#base.delete(id);
      for (const commentId of this.#comments.get(id)?.keys() ?? []) this.#commentTicket.delete(commentId);
      this.#comments.delete(id);
      this.#refresh(id);
    }
    for (const [i, ticket] of body.tickets.entries()) {
      const stored = body.slaKeys?.[i];
      const policy = ticket.slaPolicyId ? this.#policies.get(ticket.slaPolicyId) : undefined;
      const stamp = ticket.slaPolicyId ? (this.#stamps.get(ticket.slaPolicyId) ?? '') : '';
      const keys = stored && stored[2] === stamp ? readSlaKeys(stored) : slaKeys(ticket, policy);
      this.#base.set(ticket.id, baseRow(ticket, keys));
      this.#refresh(ticket.id);
    }
    for (const id of body.commentDeletes) {
      const ticketId = this.#commentTicket.get(id);
      if (ticketId === undefined) continue;
      this.#commentTicket.delete(id);
      this.#comments.get(ticketId)?.delete(id);
      this.#wordsBehind.add(ticketId);
    }
    for (const comment of body.comments) {
      let list = this.#comments.get(comment.ticketId);
      if (!list) this.#comments.set(comment.ticketId, (list = new Map()));
      list.set(comment.id, comment);
      this.#commentTicket.set(comment.id, comment.ticketId);
      this.#wordsBehind.add(comment.ticketId);
    }
    if (moved.size) this.#redate(moved);
  }

  #setPolicy(policy: SlaPolicy, stamp = policyStamp(policy)): void {
    this.#policies.set(policy.id, policy);
    this.#stamps.set(policy.id, stamp);
  }

  /** A policy that arrives or changes after its tickets moves their SLA instants. */
  #redate(policyIds: ReadonlySet<string>): void {
    for (const [id, row] of this.#base) {
      if (!row.open || row.slaPolicyId === null || !policyIds.has(row.slaPolicyId)) continue;
      this.#base.set(id, { ...row, ...slaKeys(row, this.#policies.get(row.slaPolicyId)) });
      this.#refresh(id);
    }
  }

  /** The facets of a ticket again, and its words behind. */
  #refresh(id: string): void {
    const row = this.ticket(id);
    if (row) this.#facets.set(id, facetsOf(row));
    else this.#facets.delete(id);
    this.#wordsBehind.add(id);
  }

  /**
   * One load at a time, started from a timer so its IndexedDB reads run outside the
   * caller's Dexie zone: a liveQuery that awaits it must not be charged with the read.
   */
  #load(): Promise<void> {
    this.#loading ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        this.#loadOnce().then(resolve, reject);
      }, 0);
    }).finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  /**
   * The one pass: every page and the overlay, read in one transaction (a consistent state). Writes reported meanwhile are applied after it, in order; a write
   * the read already saw is applied again, which changes nothing.
   */
  async #loadOnce(): Promise<void> {
    this.#state = 'loading';
    this.#rebuild = false;
    this.#buffered = [];
    const db = this.#db;
    try {
      const [pages, overlay, policies] = await db.transaction(
        'r',
        [db.pages, db.tickets, db.slaPolicies],
        () => Promise.all([db.pages.toArray(), db.tickets.toArray(), db.slaPolicies.toArray()]),
      );
      this.#clear();
      for (const policy of policies) this.#setPolicy(policy);
      const named = new Map<number, string[]>();
      for (const row of pages) {
        const body = readPageBody(row);
        this.#applyPage(body);
        const seq = row.seq ?? 0;
        this.#pageSeq = Math.max(this.#pageSeq, seq);
        named.set(seq, [
          ...body.tickets.map((t) => t.id),
          ...body.ticketDeletes,
          ...body.comments.map((c) => c.ticketId),
        ]);
      }
      for (const row of overlay) {
        this.#overlay.set(row.id, row);
        this.#refresh(row.id);
      }
      // Which words to make is decided when the saved ones are read (restoreWords).
      this.#wordsBehind.clear();
      this.#loadedPages = named;
      this.#state = 'loaded';
    } catch (error) {
      // Start over on the next ask: a half-built view must not answer.
      this.#clear();
      this.#state = 'cold';
      throw error;
    } finally {
      this.#version += 1;
    }
    const buffered = this.#buffered;
    this.#buffered = [];
    for (const write of buffered) this.#onWrite(write);
  }

  async #restoreSaved(): Promise<void> {
    const pages = this.#loadedPages;
    if (!pages) return;
    const saved = await this.#db.snapshots.get('words');
    // A load since this one started (a clear) decides again.
    if (pages !== this.#loadedPages) return;
    this.#loadedPages = null;
    const snapshot = readWordIndexSnapshot(saved?.snapshot);
    if (!saved || !snapshot) {
      for (const id of this.#facets.keys()) this.#wordsBehind.add(id);
      return;
    }
    this.#words = WordIndex.fromSnapshot(snapshot);
    for (const [seq, ids] of pages) if (seq > saved.pageSeq) for (const id of ids) this.#wordsBehind.add(id);
    for (const id of this.#overlay.keys()) this.#wordsBehind.add(id);
    for (const id of this.#words.keys()) if (!this.#facets.has(id)) this.#wordsBehind.add(id);
    if (this.#wordsBehind.size === 0) this.#savedSeq = saved.pageSeq;
  }

  #clear(): void {
    this.#base.clear();
    this.#overlay.clear();
    this.#comments.clear();
    this.#commentTicket.clear();
    this.#facets.clear();
    this.#policies.clear();
    this.#stamps.clear();
    this.#words = new WordIndex();
    this.#wordsBehind.clear();
    this.#pageSeq = 0;
    this.#savedSeq = -1;
    this.#loadedPages = null;
  }

  /** One worker at a time re-makes the words behind, a chunk per turn of the UI. */
  #catchUpWords(): Promise<void> {
    this.#wordsWork ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        this.#wordsChunk().then(resolve, reject);
      }, 0);
    }).finally(() => {
      this.#wordsWork = null;
    });
    return this.#wordsWork;
  }

  async #wordsChunk(): Promise<void> {
    const ids = take(this.#wordsBehind, WORDS_CHUNK);
    const withOverlay = ids.filter((id) => this.#overlay.has(id));
    // Read outside any caller's transaction (this runs from a timer).
    const local = withOverlay.length
      ? await this.#db.comments.where('ticketId').anyOf(withOverlay).toArray()
      : [];
    const localBodies = new Map<string, CachedComment[]>();
    for (const comment of local)
      localBodies.set(comment.ticketId, [...(localBodies.get(comment.ticketId) ?? []), comment]);
    for (const id of ids) {
      const row = this.ticket(id);
      if (!row) {
        this.#words.delete(id);
        continue;
      }
      const server = this.#comments.get(id);
      const bodies = [...(server?.values() ?? [])].map((comment) => comment.body);
      for (const comment of localBodies.get(id) ?? [])
        if (!server?.has(comment.id)) bodies.push(comment.body);
      this.#words.set(id, ticketWords(row, bodies));
    }
  }

  /**
   * Saves the words once the cache has been quiet for a moment: a bootstrap or a burst of
   * edits saves once, not once a page.
   */
  #saveSoon(): void {
    if (this.#savedSeq === this.#pageSeq) return;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      this.#saveWords().catch(() => {
        // Unsaved words are made again at the next start, from the pages.
      });
    }, SAVE_AFTER_MS);
  }

  /** Saves the words when caught up and not saved since the last change, on the relaxed connection. */
  async #saveWords(): Promise<void> {
    if (this.#loadedPages || this.#wordsBehind.size || this.#savedSeq === this.#pageSeq || !this.current)
      return;
    const row: WordsRow = { key: 'words', pageSeq: this.#pageSeq, snapshot: this.#words.toSnapshot() };
    await this.#db.relaxed.snapshots.put(row);
    this.#savedSeq = row.pageSeq;
  }
}

/** A server copy as the cache holds it when nothing is pending. */
function baseRow(ticket: Ticket, keys: { slaDueMs: number; slaWarnMs: number }): CachedTicket {
  return {
    ...ticket,
    pendingCount: 0,
    ...keys,
    open: isOpenStatus(ticket.status) ? 1 : 0,
    assigneeKey: ticket.assigneeId ?? '',
    teamKey: ticket.teamId ?? '',
  };
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

const indexes = new WeakMap<TicketWriteFeed, TicketMemoryIndex>();

/** The memory view of a cache (one per database, shared by its strict and relaxed connections). */
export function ticketMemoryIndex(db: MesaDb): TicketMemoryIndex {
  let index = indexes.get(db.ticketWrites);
  if (!index) {
    index = new TicketMemoryIndex(db, db.ticketWrites);
    indexes.set(db.ticketWrites, index);
  }
  return index;
}

/**
 * Inside a liveQuery, subscribes the caller to every change of what the memory view
 * holds: any overlay write (the one-row read subscribes to the whole table) and any
 * stored page (each moves the cursor, written in the same transaction).
 */
export async function observeCache(db: MesaDb): Promise<void> {
  // One at a time: inside a liveQuery only Dexie's own promises keep its observation context.
  await db.tickets.limit(1).toArray();
  await db.meta.get('cursor');
}
