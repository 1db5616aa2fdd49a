import { createParser } from 'eventsource-parser';
import { MesaError } from '../../shared/ipc/result';
import { eventsChangesSchema, eventsCursorSchema, type PullResponse } from '../../shared/sync/wire';
import type { Backoff } from './backoff';
import { apiUrl, type Fetch } from './backend-http';
import type { Clock } from './clock';
import { errorForNetworkFailure, errorForStatus } from './http-errors';

/**
 * The server's change feed (GET /api/v1/events): it only says "there is something after N",
 * and the page then pulls. Kept open while signed in; when it drops it comes back after a
 * backoff with full jitter, reset once a connection is open again. A watchdog aborts a
 * connection that has been silent longer than the server's heartbeat allows, because a
 * half-open TCP connection (laptop sleep, Wi-Fi change) never reports an error by itself.
 */
export interface EventStreamOptions {
  fetch: Fetch;
  clock: Clock;
  backoff: Backoff;
  /** How long to wait for the response headers. */
  connectTimeoutMs: number;
  /** Silence longer than this (no event, no heartbeat comment) counts as a lost connection. */
  idleTimeoutMs: number;
  onOpen: () => void;
  /** The sequence moved to `cursor`; `carried` is the pull page after `carried.after` when the server sent it along. */
  onPoke: (cursor: number, carried?: { after: number; page: PullResponse }) => void;
  /** No answer at all while connecting: the server is unreachable. */
  onUnreachable: (error: MesaError, retryAt: number) => void;
  /** An open stream ended, or the server answered the connect with an error. */
  onLost: (message: string, retryAt: number) => void;
  /** The server refused the token: stop, the session is over. */
  onUnauthorized: (error: MesaError) => void;
}

type Target = { serverUrl: string; token: string };

export class EventStream {
  private target: Target | null = null;
  /** Bumped on every start/stop, so callbacks of an older connection know they are stale. */
  private generation = 0;
  private abort: AbortController | null = null;
  private retryTimer: unknown = null;

  constructor(private readonly options: EventStreamOptions) {}

  get running(): boolean {
    return this.target !== null;
  }

  start(serverUrl: string, token: string): void {
    this.stop();
    this.target = { serverUrl, token };
    this.options.backoff.reset();
    void this.connect(this.generation);
  }

  stop(): void {
    this.generation++;
    this.target = null;
    this.abort?.abort();
    this.abort = null;
    if (this.retryTimer !== null) this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Skip the rest of the backoff wait (the health probe saw the server come back). */
  reconnectNow(): void {
    if (!this.target || this.retryTimer === null) return;
    this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.connect(this.generation);
  }

  private async connect(generation: number): Promise<void> {
    const target = this.target;
    if (!target || generation !== this.generation) return;
    const { clock, connectTimeoutMs, idleTimeoutMs } = this.options;
    const abort = new AbortController();
    this.abort = abort;
    // An object, not a `let`: the watchdog callbacks write it and TypeScript must not assume it is still null.
    const abortReason: { why: 'connect_timeout' | 'idle' | null } = { why: null };
    let watchdog = clock.setTimeout(() => {
      abortReason.why = 'connect_timeout';
      abort.abort();
    }, connectTimeoutMs);
    const feed = () => {
      clock.clearTimeout(watchdog);
      watchdog = clock.setTimeout(() => {
        abortReason.why = 'idle';
        abort.abort();
      }, idleTimeoutMs);
    };
    const stale = () => generation !== this.generation;

    let opened = false;
    try {
      const response = await this.options.fetch(apiUrl(target.serverUrl, '/api/v1/events'), {
        headers: { authorization: `Bearer ${target.token}`, accept: 'text/event-stream' },
        signal: abort.signal,
        redirect: 'error',
      });
      if (stale()) return void response.body?.cancel().catch(() => {});
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        const error = errorForStatus(response.status, body);
        if (error.code === 'unauthorized') {
          this.stop();
          this.options.onUnauthorized(error);
          return;
        }
        return this.retry(generation, (retryAt) => this.options.onLost(error.message, retryAt));
      }
      if (!response.body) throw new Error('event stream without a body');
      opened = true;
      feed();
      this.options.backoff.reset();
      this.options.onOpen();
      await this.read(response.body, generation, feed);
      if (stale()) return;
      this.retry(generation, (retryAt) =>
        this.options.onLost('The server closed the event stream.', retryAt),
      );
    } catch (error) {
      if (stale()) return;
      const { why } = abortReason;
      if (opened || why === 'idle') {
        const message =
          why === 'idle' ? 'The event stream went silent.' : 'The event stream was interrupted.';
        this.retry(generation, (retryAt) => this.options.onLost(message, retryAt));
      } else {
        const failure =
          why === 'connect_timeout'
            ? new MesaError('offline', 'The server did not open the event stream in time.')
            : errorForNetworkFailure(error, connectTimeoutMs);
        this.retry(generation, (retryAt) => this.options.onUnreachable(failure, retryAt));
      }
    } finally {
      clock.clearTimeout(watchdog);
      if (this.abort === abort) this.abort = null;
    }
  }

  private async read(body: ReadableStream<Uint8Array>, generation: number, feed: () => void): Promise<void> {
    const decoder = new TextDecoder();
    // Heartbeat comments need no callback: every chunk read already feeds the watchdog.
    const parser = createParser({
      onEvent: (event) => {
        if (event.event !== 'changes' || generation !== this.generation) return;
        let json: unknown;
        try {
          json = JSON.parse(event.data);
        } catch {
          return;
        }
        const parsed = eventsChangesSchema.safeParse(json);
        if (parsed.success) {
          const { cursor, after, page } = parsed.data;
          return this.options.onPoke(cursor, after !== undefined && page ? { after, page } : undefined);
        }
        // A page that fails the schema is dropped, never half-used: the cursor alone makes the page pull.
        const poke = eventsCursorSchema.safeParse(json);
        if (poke.success) this.options.onPoke(poke.data.cursor);
      },
    });
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        feed();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      reader.releaseLock();
    }
  }

  private retry(generation: number, report: (retryAt: number) => void): void {
    if (generation !== this.generation || !this.target) return;
    const delay = this.options.backoff.next();
    const retryAt = this.options.clock.now() + delay;
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = null;
      void this.connect(generation);
    }, delay);
    report(retryAt);
  }
}
