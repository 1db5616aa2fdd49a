import Dexie from 'dexie';
import type { Comment, SlaPolicy, Ticket } from '../../shared/index';
import { PageCache } from './page-cache';
import { readPageBody } from './page-body';
import { headsOf, readHeads } from './page-heads';
import { commentsInPage, ticketInPage } from './page-slices';
import { facetsOf, type TicketFacets } from './queue-match';
import type {
  CachedComment,
  CachedTicket,
  PageBody,
  PageHeads,
  TicketCacheKeys,
  TicketHead,
  TicketHeadFields,
  WordsRow,
} from './rows';
import type { MesaDb } from './db';
import { slaKeys, type SlaKeys } from './sla-keys';
import { policyStamp, readSlaKeys } from './sla-stamp';
import { ticketWords } from './search-words';
import type { CacheWrite, TicketWriteFeed } from './ticket-writes';
import { WordIndex, readWordIndexSnapshot } from './word-index';

/**
 * What the console shows, in memory: a head of every cached ticket as the agent sees it
 * (rows.ts TicketHead: what the queues, counts, filters, the SLA watcher and the reports
 * read), the queue facets and the search words. Built at start in ONE pass over the pages'
 * heads (the `heads` store: a page's tickets without their long texts, replayed in order),
 * then the overlay (the tickets with local changes) on top; the saved search words are read
 * right after, so the queue's rows do not wait for them. From then on kept current from
 * the writes the cache reports (TicketWriteFeed), each applied when its transaction
 * commits.
 *
 * A ticket's full copy and its server comments stay in its pages: per ticket the view keeps
 * which page holds its latest copy and which pages hold its comments, and reads those
 * (a few parsed pages are kept, page-cache.ts) when a ticket is opened, rebuilt or its
 * words are made.
 *
 * A ticket's words need its description and comments, so they are made lazily: the ids
 * whose words are behind are re-made before the next search, or in the background after a
 * pull (warm()), a chunk at a time so the UI keeps its turn; once caught up, the words are
 * saved (`snapshots` store) with the last page they include, and the next start indexes
 * only the pages after it.
 */

/** Tickets whose words are re-made per turn of the UI. */
const WORDS_CHUNK = 500;
/**
 * Up to this many tickets behind, their words are made from their own parts of their pages
 * (page-slices.ts); more, from whole pages parsed once: parsing a page is one long task.
 */
const WORDS_FROM_PARTS = 50;
/** Quiet time before the words are saved. */
const SAVE_AFTER_MS = 2_000;

type State = 'cold' | 'loading' | 'loaded';

export class TicketMemoryIndex {
  readonly #db: MesaDb;
  /** The heads of the tickets as the pages say (the server's copies). */
  readonly #base = new Map<string, TicketHead>();
  /** The overlay rows: what the agent sees of tickets with local changes. */
  readonly #overlay = new Map<string, CachedTicket>();
  /** Per ticket of the pages, the seq of the page with its latest copy. */
  readonly #pageOf = new Map<string, number>();
  /** Per ticket, the seqs of the pages with its server comments (or their deletes), in order. */
  readonly #commentPages = new Map<string, number[]>();
  /** Pages folded into a later one since the load: seq → the seq that holds it now. */
  readonly #foldedInto = new Map<number, number>();
  readonly #pages = new PageCache();
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

  /** A ticket's head as the agent sees it. Call facetsReady() first. */
  ticket(id: string): TicketHead | undefined {
    return this.#overlay.get(id) ?? this.#base.get(id);
  }

  /** The heads of these ids that exist, in that order. */
  tickets(ids: readonly string[]): TicketHead[] {
    const rows: TicketHead[] = [];
    for (const id of ids) {
      const row = this.ticket(id);
      if (row) rows.push(row);
    }
    return rows;
  }

  /**
   * A whole ticket as the agent sees it: the overlay's row, else the pages' copy, read from
   * its page through `db` (pass the connection of the caller's transaction, if any).
   */
  async fullTicket(id: string, db: MesaDb = this.#db): Promise<CachedTicket | undefined> {
    return this.#overlay.get(id) ?? (await this.pagedTicket(id, db));
  }

  /** True when the pages hold a copy of this ticket. */
  hasPaged(id: string): boolean {
    return this.#base.has(id);
  }

  /**
   * The ticket as the pages hold it (the server's copy before any overlay), read from its
   * page: only its part of the page's text is parsed, unless `whole` (many of the page's
   * tickets are wanted).
   */
  async pagedTicket(id: string, db: MesaDb = this.#db, whole = false): Promise<CachedTicket | undefined> {
    const head = this.#base.get(id);
    const seq = this.#pageOf.get(id);
    if (!head || seq === undefined) return undefined;
    let ticket: Ticket | null | undefined = null;
    if (!whole && !this.#pages.parsed(this.#current(seq))) {
      const text = await this.#readPage(seq, (at) => this.#pages.text(db, at));
      ticket = text === undefined ? undefined : ticketInPage(text, id);
    }
    if (ticket === null)
      ticket = (await this.#readPage(seq, (at) => this.#pages.body(db, at)))?.tickets.find(
        (t) => t.id === id,
      );
    // The head's keys: dated with the policies cached now, as the queues use them.
    return ticket ? { ...ticket, ...keysOf(head) } : undefined;
  }

  /** Reads the page of a ticket ahead of its opening (when its row is focused). */
  prefetch(id: string): void {
    const seq = this.#overlay.has(id) ? undefined : this.#pageOf.get(id);
    if (seq !== undefined)
      this.#readPage(seq, (at) => this.#pages.text(this.#db, at)).catch(() => {
        // Only a head start: the opening reads it again.
      });
  }

  /** True when the overlay holds this ticket (local changes, or their last rebuild). */
  hasOverlay(id: string): boolean {
    return this.#overlay.has(id);
  }

  /**
   * The ticket a server comment belongs to. Pages name a deleted comment by its id only,
   * and the view keeps no index of comment ids, so this reads the pages, newest first: the
   * server sends comment deletes rarely (never, today).
   */
  async ticketOfServerComment(commentId: string, db: MesaDb = this.#db): Promise<string | undefined> {
    const seqs = (await db.pages.toCollection().primaryKeys()) as number[];
    for (const seq of seqs.reverse()) {
      const body = await this.#pages.body(db, seq);
      const comment = body?.comments.find((c) => c.id === commentId);
      if (comment) return comment.ticketId;
    }
    return undefined;
  }

  /** The stamp (sla-stamp.ts) of the cached policy of this id; undefined when none is cached. */
  policyStampOf(policyId: string): string | undefined {
    return this.#stamps.get(policyId);
  }

  /**
   * The server's comments of a ticket (unordered), read from the pages that hold them: only
   * their part of each page's text is parsed, unless `whole`.
   */
  async serverComments(ticketId: string, db: MesaDb = this.#db, whole = false): Promise<Comment[]> {
    const seqs = this.#commentPages.get(ticketId);
    if (!seqs) return [];
    const comments = new Map<string, Comment>();
    for (const seq of new Set(seqs.map((s) => this.#current(s)))) {
      let found: { comments: Comment[]; deletes: readonly string[] } | null = null;
      if (!whole && !this.#pages.parsed(seq)) {
        const text = await this.#readPage(seq, (at) => this.#pages.text(db, at));
        if (text === undefined) continue;
        found = commentsInPage(text, ticketId);
      }
      if (!found) {
        const body = await this.#readPage(seq, (at) => this.#pages.body(db, at));
        if (!body) continue;
        found = {
          comments: body.comments.filter((c) => c.ticketId === ticketId),
          deletes: body.commentDeletes,
        };
      }
      for (const id of found.deletes) comments.delete(id);
      for (const comment of found.comments) comments.set(comment.id, comment);
    }
    return [...comments.values()];
  }

  /** The row a page seq now lives in (after folds since the load). */
  #current(seq: number): number {
    let at = seq;
    for (let next = this.#foldedInto.get(at); next !== undefined; next = this.#foldedInto.get(at)) at = next;
    return at;
  }

  /** Reads the row a page seq now lives in. */
  async #readPage<T>(seq: number, read: (at: number) => Promise<T | undefined>): Promise<T | undefined> {
    const found = await read(this.#current(seq));
    // Inside a transaction no fold can have committed unseen (and only IndexedDB may be awaited there).
    if (found !== undefined || Dexie.currentTransaction) return found;
    // Folded meanwhile, the fold not applied yet: once it is, the seq leads to its new row.
    await this.facetsReady();
    return read(this.#current(seq));
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
        if (write.seq) this.#pages.remember(write.seq, write.body);
        this.#applyPage(write.seq, write.heads, write.policies, write.body);
        this.#pageSeq = Math.max(this.#pageSeq, write.seq);
        break;
      case 'fold':
        for (const run of write.runs) {
          const into = run.at(-1)!;
          for (const seq of run) if (seq !== into) this.#foldedInto.set(seq, into);
          this.#pages.forget(run);
        }
        // The same content: no ticket changes, nothing to re-make or save.
        return;
    }
    this.#savedSeq = -1;
    this.#version += 1;
  }

  /**
   * Replays one page's heads onto the server's copies. `policies`: the ones this page
   * brought, already stored; `body`: the page itself when at hand, to date a ticket whose
   * stored instants are stale from its full copy.
   */
  #applyPage(seq: number, heads: PageHeads, policies: readonly SlaPolicy[] = [], body?: PageBody): void {
    const moved = new Set<string>();
    for (const policy of policies) {
      const stamp = policyStamp(policy);
      if (this.#stamps.get(policy.id) !== stamp) moved.add(policy.id);
      this.#setPolicy(policy, stamp);
    }
    for (const id of heads.ticketDeletes) {
      this.#base.delete(id);
      this.#pageOf.delete(id);
      this.#commentPages.delete(id);
      this.#refresh(id);
    }
    for (const [i, head] of heads.tickets.entries()) {
      const stored = heads.slaKeys[i];
      const stamp = head.slaPolicyId ? (this.#stamps.get(head.slaPolicyId) ?? '') : '';
      const keys =
        stored && stored[2] === stamp ? readSlaKeys(stored) : this.#dated(body?.tickets[i] ?? head);
      // A head is made for this (page-heads.ts) and not handed out before it is dated.
      head.slaDueMs = keys.slaDueMs;
      head.slaWarnMs = keys.slaWarnMs;
      this.#base.set(head.id, head);
      this.#pageOf.set(head.id, seq);
      this.#refresh(head.id);
    }
    for (const ticketId of heads.commentTickets) {
      const seqs = this.#commentPages.get(ticketId);
      if (!seqs) this.#commentPages.set(ticketId, [seq]);
      else if (seqs.at(-1) !== seq) seqs.push(seq);
      this.#wordsBehind.add(ticketId);
    }
    if (moved.size) this.#redate(moved);
  }

  /** SLA instants with the cached policy. */
  #dated(ticket: TicketHeadFields): SlaKeys {
    const policy = ticket.slaPolicyId ? this.#policies.get(ticket.slaPolicyId) : undefined;
    return slaKeys(ticket, policy);
  }

  #setPolicy(policy: SlaPolicy, stamp = policyStamp(policy)): void {
    this.#policies.set(policy.id, policy);
    this.#stamps.set(policy.id, stamp);
  }

  /** A policy that arrives or changes after its tickets moves their SLA instants. */
  #redate(policyIds: ReadonlySet<string>): void {
    for (const [id, row] of this.#base) {
      if (!row.open || row.slaPolicyId === null || !policyIds.has(row.slaPolicyId)) continue;
      this.#base.set(id, { ...row, ...this.#dated(row) });
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
   * The one pass: every page's heads and the overlay, read in one transaction (a consistent
   * state); a page stored without heads is read in full instead. Writes reported meanwhile
   * are applied after it, in order; a write the read already saw is applied again, which
   * changes nothing.
   */
  async #loadOnce(): Promise<void> {
    this.#state = 'loading';
    this.#rebuild = false;
    this.#buffered = [];
    const db = this.#db;
    try {
      const [pages, overlay, policies] = await db.transaction(
        'r',
        [db.pages, db.heads, db.tickets, db.slaPolicies],
        () => Promise.all([readAllHeads(db), db.tickets.toArray(), db.slaPolicies.toArray()]),
      );
      this.#clear();
      for (const policy of policies) this.#setPolicy(policy);
      const named = new Map<number, string[]>();
      for (const [seq, heads] of pages) {
        this.#applyPage(seq, heads);
        this.#pageSeq = Math.max(this.#pageSeq, seq);
        named.set(seq, [...heads.tickets.map((t) => t.id), ...heads.ticketDeletes, ...heads.commentTickets]);
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
    this.#pageOf.clear();
    this.#commentPages.clear();
    this.#foldedInto.clear();
    this.#pages.clear();
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

  /** A chunk's tickets in the order of their pages, so that each page is parsed once for them. */
  async #wordsChunk(): Promise<void> {
    const ids = take(this.#wordsBehind, WORDS_CHUNK).sort(
      (a, b) => (this.#pageOf.get(a) ?? 0) - (this.#pageOf.get(b) ?? 0),
    );
    const whole = ids.length > WORDS_FROM_PARTS;
    const withOverlay = ids.filter((id) => this.#overlay.has(id));
    // Read outside any caller's transaction (this runs from a timer).
    const local = withOverlay.length
      ? await this.#db.comments.where('ticketId').anyOf(withOverlay).toArray()
      : [];
    const localBodies = new Map<string, CachedComment[]>();
    for (const comment of local)
      localBodies.set(comment.ticketId, [...(localBodies.get(comment.ticketId) ?? []), comment]);
    for (const id of ids) {
      const row = this.#overlay.get(id) ?? (await this.pagedTicket(id, this.#db, whole));
      if (!row) {
        this.#words.delete(id);
        continue;
      }
      const server = await this.serverComments(id, this.#db, whole);
      const serverIds = new Set(server.map((comment) => comment.id));
      const bodies = server.map((comment) => comment.body);
      for (const comment of localBodies.get(id) ?? [])
        if (!serverIds.has(comment.id)) bodies.push(comment.body);
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

/**
 * Every page's heads, in seq order: the `heads` rows, and for a page stored without them
 * (a version 1 cache) its full text, read and cut down here.
 */
async function readAllHeads(db: MesaDb): Promise<Array<[number, PageHeads]>> {
  const [seqs, rows] = await Promise.all([db.pages.toCollection().primaryKeys(), db.heads.toArray()]);
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  const missing = (seqs as number[]).filter((seq) => !bySeq.has(seq));
  const full = missing.length ? await db.pages.bulkGet(missing) : [];
  const fallback = new Map(missing.map((seq, i) => [seq, full[i]]));
  const pages: Array<[number, PageHeads]> = [];
  for (const seq of seqs as number[]) {
    const row = bySeq.get(seq);
    if (row) pages.push([seq, readHeads(row)]);
    else {
      const page = fallback.get(seq);
      if (page) pages.push([seq, headsOf(readPageBody(page))]);
    }
  }
  return pages;
}

/** The cache's own fields of a head. */
function keysOf(head: TicketHead): TicketCacheKeys {
  return {
    pendingCount: head.pendingCount,
    slaDueMs: head.slaDueMs,
    slaWarnMs: head.slaWarnMs,
    open: head.open,
    assigneeKey: head.assigneeKey,
    teamKey: head.teamKey,
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
