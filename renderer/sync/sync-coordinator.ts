import { liveQuery, type Subscription } from 'dexie';
import { LIMITS, type Connectivity, type MesaApi, type MutationType, type Session } from '../../shared/index';
import { adoptSession, forgetSessionAgent } from '../data/cache-owner';
import { ensureClientId } from '../data/client-id';
import type { MesaDb } from '../data/db';
import { foldSmallPages } from '../data/fold-pages';
import { readCursor, readMeta, writeMeta } from '../data/meta';
import { queuedTickets } from '../data/outbox';
import { ticketMemoryIndex } from '../data/ticket-memory-index';
import { performMutation, type MutationInput, type MutationOutcome } from './perform-mutation';
import { pullUntilCurrent } from './pull-loop';
import { fillFromSnapshot, savedSnapshot, type SnapshotOutcome } from './snapshot-loop';
import { pushOutbox, type PushLoopOptions } from './push-loop';
import { classifyFailure } from './sync-errors';
import { withSyncLock } from './sync-lock';
import type { SyncStateStore } from './sync-store';

export interface SyncCoordinatorOptions {
  /** The renderer's only way to the network (window.mesa, or a test transport). */
  api: MesaApi;
  db: MesaDb;
  store: SyncStateStore;
  now?: () => Date;
  /** Changes per pull request (≤ 1,000, the bridge's chunk limit). */
  pageSize?: number;
  /** Tickets per snapshot page on a first sign-in (their comments and attachments come with them). */
  snapshotPageSize?: number;
  /** Mutations per push request (at most, and by default, the server's LIMITS.mutationsPerPush). */
  pushBatchSize?: number;
  /** How often a failed or unfinished sync is tried again; 0 turns the timer off (tests). */
  retryIntervalMs?: number;
  /** Cuts a push batch short (see PushLoopOptions.holdBack), e.g. the attachment upload gate. */
  holdBack?: PushLoopOptions['holdBack'];
}

/**
 * Keeps the cache in step with the server, with no React in it. Pulls at start, on the
 * server's poke, on reconnect; pushes the outbox when the agent changes something, on
 * reconnect and on a timer while anything is left. Every pull and push runs in ONE loop,
 * one step at a time: a push never overlaps another push (no mutation is in two requests
 * at once), and a pull never lands between a push's request and its answer being recorded.
 * A Web Lock extends that to other tabs on the same cache (sync-lock.ts).
 */
export class SyncCoordinator {
  readonly #api: MesaApi;
  readonly #db: MesaDb;
  readonly #store: SyncStateStore;
  readonly #now: () => Date;
  readonly #pageSize: number;
  readonly #snapshotPageSize: number;
  readonly #batchSize: number;
  readonly #retryMs: number;
  readonly #holdBack: PushLoopOptions['holdBack'];

  #started = false;
  #stopped = false;
  #signedIn = false;
  #clientId: string | null = null;
  /** The stored cursor as last read or written, so a poke is judged without a database read. */
  #cursor = 0;
  #wantPull = false;
  #wantPush = false;
  #looping = false;
  #loop: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setInterval> | null = null;
  #unsubscribe: Array<() => void> = [];
  #pendingWatch: Subscription | null = null;
  /** A snapshot is being stored: pushes wait for its end (see #fillFromSnapshot). */
  #snapshotting = false;
  #pushHeld = false;

  constructor(options: SyncCoordinatorOptions) {
    this.#api = options.api;
    this.#db = options.db;
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
    this.#pageSize = options.pageSize ?? 1000;
    this.#snapshotPageSize = options.snapshotPageSize ?? 500;
    this.#batchSize = Math.min(options.pushBatchSize ?? LIMITS.mutationsPerPush, LIMITS.mutationsPerPush);
    this.#retryMs = options.retryIntervalMs ?? 30_000;
    this.#holdBack = options.holdBack;
  }

  /** Subscribes to the main process's events, reads the session, and starts the first sync. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#stopped = false;
    this.#unsubscribe = [
      this.#api.on('syncPoke', ({ cursor }) => this.#onPoke(cursor)),
      this.#api.on('connectivityChanged', (connectivity) => this.#onConnectivity(connectivity)),
      this.#api.on('sessionChanged', (session) => void this.#onSession(session)),
    ];
    this.#pendingWatch = liveQuery(() => queuedTickets(this.#db)).subscribe({
      next: ({ pendingCount, ticketIds }) => {
        const before = this.#store.getState().queuedTicketIds;
        const same = before.size === ticketIds.length && ticketIds.every((id) => before.has(id));
        this.#store.setState(same ? { pendingCount } : { pendingCount, queuedTicketIds: new Set(ticketIds) });
      },
      error: (error: unknown) => this.#fail(error),
    });
    try {
      this.#clientId = await ensureClientId(this.#db);
      this.#cursor = await readCursor(this.#db);
      const snapshot = await savedSnapshot(this.#db);
      // A reload in the middle of the first fill: the bar starts where the last page left it.
      if (snapshot) {
        this.#snapshotting = true;
        this.#store.setState((s) => ({
          bootstrap: {
            ...s.bootstrap,
            active: true,
            tickets: { sent: snapshot.sent, total: snapshot.total },
          },
        }));
      }
      this.#store.setState({ lastSyncAt: (await readMeta(this.#db, 'lastSyncAt')) ?? null });
      await this.#onSession(await this.#api.getSession(undefined));
      this.#onConnectivity(await this.#api.getConnectivity(undefined));
    } catch (error) {
      // The bridge could not answer (main process busy, host restarting): the cache stays usable and the timer retries.
      this.#fail(error);
      this.#signedIn = (await readMeta(this.#db, 'sessionAgent').catch(() => null)) != null;
      void this.#schedule(true, true);
    }
    if (this.#retryMs > 0) this.#timer = setInterval(() => this.#onTimer(), this.#retryMs);
  }

  /** Stops listening and waits for the step in hand to finish (a request already sent is answered and recorded). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#started = false;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#pendingWatch?.unsubscribe();
    this.#pendingWatch = null;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#loop;
  }

  /**
   * A user action: validated, applied to the cache optimistically and queued in one
   * transaction (performMutation), then pushed. A refusal by the shared rules comes back
   * as `{ ok: false, code }` with nothing written; a full disk as code 'storage_full'.
   */
  async mutate<T extends MutationType>(type: T, args: MutationInput<T>): Promise<MutationOutcome> {
    let outcome: MutationOutcome;
    try {
      outcome = await performMutation(type, args, { db: this.#db, now: this.#now() });
    } catch (error) {
      const failure = classifyFailure(error);
      if (!failure.storage) throw error;
      this.#fail(error);
      return { ok: false, code: failure.code, message: failure.message };
    }
    if (outcome.ok) {
      this.#store.setState({ storageError: null });
      void this.#schedule(false, true);
    }
    return outcome;
  }

  /** Pull and push now; resolves once the loop is idle again. */
  sync(): Promise<void> {
    return this.#schedule(true, true);
  }

  /** Resolves once the loop has nothing left to do. */
  async whenIdle(): Promise<void> {
    while (this.#looping) await this.#loop;
  }

  #schedule(pull: boolean, push: boolean): Promise<void> {
    if (this.#stopped || !this.#signedIn) return this.#loop;
    this.#wantPull ||= pull;
    this.#wantPush ||= push;
    if (!this.#looping) {
      this.#looping = true;
      this.#loop = this.#run();
    }
    return this.#loop;
  }

  /** The single sync loop. Its last check of the flags and the reset of #looping happen in one synchronous step, so no request is lost. */
  async #run(): Promise<void> {
    try {
      while (!this.#stopped && (this.#wantPull || this.#wantPush)) {
        await withSyncLock(this.#db.name, async () => {
          if (this.#wantPush) {
            this.#wantPush = false;
            if (this.#snapshotting) this.#pushHeld = true;
            else if (this.#mayPush()) await this.#step(async () => void (await this.#pushAll()));
          }
          if (this.#wantPull) {
            this.#wantPull = false;
            await this.#step(() => this.#pullAll());
          }
        });
      }
    } finally {
      this.#looping = false;
    }
  }

  async #step(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Not while the host says the server gives no answer at all: such a push could only fail,
   * and each try counts against its mutations (`attempts`), which makes their settling
   * later take the slow path for "maybe applied on a lost try" (settle-push.ts). The host
   * probes on a short backoff, and coming back online pushes.
   */
  #mayPush(): boolean {
    return this.#store.getState().connectivity !== 'offline';
  }

  /** Pushes the outbox; resolves true when the server applied any of it. */
  async #pushAll(): Promise<boolean> {
    this.#clientId ??= await ensureClientId(this.#db);
    this.#store.setState({ pushing: true });
    let applied = false;
    try {
      await pushOutbox({
        api: this.#api,
        db: this.#db,
        clientId: this.#clientId,
        batchSize: this.#batchSize,
        now: this.#now,
        shouldStop: () => this.#stopped,
        holdBack: this.#holdBack,
        afterBatch: (settled) => {
          // What the server applied comes back in its change log: settling leaves the tickets to that pull.
          if (settled.applied) {
            applied = true;
            this.#wantPull = true;
          }
          this.#store.setState({ lastError: null, storageError: null });
          if (settled.rejected.length) this.#store.setState({ lastRejectedCount: settled.rejected.length });
        },
      });
    } finally {
      this.#store.setState({ pushing: false });
    }
    return applied;
  }

  async #pullAll(): Promise<void> {
    const start = await readCursor(this.#db);
    this.#cursor = start;
    const first = start === 0;
    ticketMemoryIndex(this.#db).warmFacets();
    this.#store.setState((s) => ({
      pulling: true,
      bootstrap: { ...s.bootstrap, active: first, cursor: start, changes: 0 },
    }));
    try {
      if (first && (await this.#fillFromSnapshot()) === 'stopped') return;
      await pullUntilCurrent({
        api: this.#api,
        db: this.#db,
        pageSize: this.#pageSize,
        shouldStop: () => this.#stopped,
        afterPage: async ({ cursor, applied }) => {
          this.#cursor = cursor;
          this.#store.setState((s) => ({
            bootstrap: { ...s.bootstrap, cursor, changes: s.bootstrap.changes + applied.applied },
            lastError: applied.skipped.length
              ? {
                  code: 'invalid_data',
                  message: `${applied.skipped.length} changes from the server could not be read.`,
                  at: this.#now().toISOString(),
                }
              : null,
            storageError: null,
          }));
          // During a long first fill the agent's own changes go out between pages, not after the last one.
          if (!this.#wantPush || !this.#mayPush()) return false;
          this.#wantPush = false;
          let pushed = false;
          await this.#step(async () => {
            pushed = await this.#pushAll();
          });
          return pushed;
        },
      });
      const lastSyncAt = this.#now().toISOString();
      await writeMeta(this.#db, 'lastSyncAt', lastSyncAt);
      // The queues answer from the memory view, which takes each page when it commits: the
      // first sync is over for the agent once the view holds every page and the live
      // queries had a turn to read it (else a queue shows "no tickets" for a moment).
      await ticketMemoryIndex(this.#db).facetsReady();
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.#store.setState((s) => ({
        lastSyncAt,
        bootstrap: { ...s.bootstrap, active: false, tickets: null, ticketsPerSecond: null },
      }));
      // Read the search words and queue facets in the background now, not on the agent's first search or filter.
      ticketMemoryIndex(this.#db).warm();
      // Each sync stored a small page; many of them are folded into one (fold-pages.ts).
      foldSmallPages(this.#db).catch(() => {
        // Nothing is lost: the pages stay as they are until the next sync folds them.
      });
    } finally {
      this.#store.setState({ pulling: false });
    }
  }

  /**
   * The first fill, from the server's snapshot: open tickets first, so the queues show rows
   * long before the history is in. The agent's changes meanwhile stay queued (and shown): a
   * push applied now would leave the pages already stored with the server's older copy and
   * nothing pending over it until the pull from the snapshot's number, so it waits for that.
   */
  async #fillFromSnapshot(): Promise<SnapshotOutcome> {
    this.#snapshotting = true;
    let rateFrom: { at: number; sent: number } | null = null;
    let outcome: SnapshotOutcome = 'stopped';
    try {
      outcome = await fillFromSnapshot({
        api: this.#api,
        db: this.#db,
        pageSize: this.#snapshotPageSize,
        shouldStop: () => this.#stopped,
        afterPage: ({ tickets, applied }) => {
          const at = this.#now().getTime();
          rateFrom ??= { at, sent: tickets.sent };
          const seconds = (at - rateFrom.at) / 1000;
          const ticketsPerSecond = seconds > 0 ? (tickets.sent - rateFrom.sent) / seconds : null;
          this.#store.setState((s) => ({
            bootstrap: {
              ...s.bootstrap,
              changes: s.bootstrap.changes + applied.applied,
              tickets,
              ticketsPerSecond,
            },
            lastError: null,
            storageError: null,
          }));
        },
      });
    } finally {
      if (outcome !== 'stopped') this.#snapshotting = false;
      if (!this.#snapshotting && this.#pushHeld) {
        this.#pushHeld = false;
        this.#wantPush = true;
      }
    }
    this.#cursor = await readCursor(this.#db);
    return outcome;
  }

  #onPoke(cursor: number): void {
    this.#store.setState((s) => ({
      bootstrap: { ...s.bootstrap, target: Math.max(cursor, s.bootstrap.target ?? 0) },
    }));
    if (cursor > this.#cursor) void this.#schedule(true, false);
  }

  #onConnectivity(connectivity: Connectivity): void {
    const before = this.#store.getState().connectivity;
    this.#store.setState({ connectivity: connectivity.state, connectivityError: connectivity.lastError });
    if (connectivity.state === 'online' && before !== 'online') void this.#schedule(true, true);
  }

  async #onSession(session: Session): Promise<void> {
    try {
      if (!session.agent) {
        this.#signedIn = false;
        await forgetSessionAgent(this.#db);
        return;
      }
      if (await adoptSession(this.#db, session.serverUrl, session.agent)) {
        this.#cursor = 0;
        this.#snapshotting = false;
        this.#store.setState({ lastSyncAt: null });
      }
      this.#signedIn = true;
      void this.#schedule(true, true);
    } catch (error) {
      this.#fail(error);
    }
  }

  #onTimer(): void {
    const state = this.#store.getState();
    if (state.pendingCount > 0 || state.lastError) void this.#schedule(true, true);
  }

  #fail(error: unknown): void {
    const failure = classifyFailure(error);
    const at = this.#now().toISOString();
    this.#store.setState({
      lastError: { code: failure.code, message: failure.message, at },
      ...(failure.storage ? { storageError: { message: failure.message, at } } : {}),
    });
  }
}
