import { randomUUID } from 'node:crypto';
import { createBackoff, DEFAULT_BACKOFF } from '../../electron/core/backoff';
import type { Fetch } from '../../electron/core/backend-http';
import { systemClock } from '../../electron/core/clock';
import { ConnectionService } from '../../electron/core/connection-service';
import type { CredentialStore, StoredSession } from '../../electron/core/credential-store';
import { EventStream } from '../../electron/core/event-stream';
import { MesaError } from '../../shared/ipc/result';
import type { LatencyTracker, PushRecord } from './latency-tracker';
import { epochMs } from './epoch';
import { changeKey, planMutation, type OwnTicket } from './mutation-mix';
import type { TrafficMeter } from './traffic-meter';

/** The console's page size (renderer/sync/pull-loop.ts asks for the same). */
const PULL_LIMIT = 500;

/** A session held in memory: the load signs each agent in once and shares its token. */
export function memoryStore(session: StoredSession | null): CredentialStore {
  let stored: StoredSession | null = session;
  return {
    persistent: false,
    read: async () => stored,
    write: async (next) => void (stored = next),
    clear: async () => void (stored = null),
  };
}

/**
 * One agent's console as the network sees it: the core's own connection service and event
 * stream (the modules Electron's main process runs), a pull loop that does what the page's
 * sync coordinator does on a poke (pull from the cursor until nothing more is waiting; a
 * poke during a pull means one more round), and pushes of single mutations.
 */
export class SimulatedConsole {
  private cursor = 0;
  private target = 0;
  private pulling = false;
  private readonly clientId = randomUUID();
  private readonly tickets: OwnTicket[] = [];
  /** Each own ticket's last acknowledged push: the next waits until this console has pulled it. */
  private readonly lastPush = new Map<string, PushRecord>();
  /** Own tickets with a push on the way: one at a time each, so each push's change is its own. */
  private readonly sending = new Set<string>();
  private readonly index: number;
  private readonly connection: ConnectionService;
  private readonly stream: EventStream;
  opened = false;
  caughtUpOnce = false;

  constructor(
    private readonly session: StoredSession,
    fetch: Fetch,
    private readonly tracker: LatencyTracker,
    private readonly meter: TrafficMeter,
  ) {
    this.index = tracker.addConsole();
    this.connection = new ConnectionService({
      store: memoryStore(session),
      fetch,
      observer: { sessionChanged: () => {}, serverAnswered: () => {}, serverUnreachable: () => {} },
    });
    this.stream = new EventStream({
      fetch,
      clock: systemClock,
      backoff: createBackoff(DEFAULT_BACKOFF),
      connectTimeoutMs: 30_000,
      idleTimeoutMs: 45_000,
      onOpen: () => void (this.opened = true),
      // As console-core wires it: a carried page is handed to the connection before the poke.
      onPoke: (cursor, carried) => {
        if (carried) this.connection.offerCarried(carried.after, carried.page);
        this.poked(cursor);
      },
      onUnreachable: (error) => this.failed('stream_unreachable', error),
      onLost: () => {
        this.opened = false;
        meter.error('stream_lost');
      },
      onUnauthorized: (error) => this.failed('stream_unauthorized', error),
    });
  }

  get position(): number {
    return this.cursor;
  }

  async start(): Promise<void> {
    await this.connection.restore();
    this.stream.start(this.session.serverUrl, this.session.token ?? '');
  }

  stop(): void {
    this.stream.stop();
  }

  /** Pushes one mutation of the mix; resolves once it is answered. */
  async pushOne(random: () => number, n: number): Promise<void> {
    const agentId = this.session.agent?.id ?? '';
    const ready = this.tickets.filter((t) => !this.sending.has(t.id) && this.pulledOwn(t.id));
    const plan = planMutation(agentId, ready, random, n);
    const afterSeq = this.cursor;
    this.sending.add(plan.ticketId);
    try {
      const answer = await this.connection.push({ clientId: this.clientId, mutations: [plan.mutation] });
      const result = answer.results[0];
      if (result?.status !== 'applied') {
        this.meter.error(`rejected_${result?.code ?? 'unknown'}`);
        return;
      }
    } catch (error) {
      this.failed('push', error);
      return;
    } finally {
      this.sending.delete(plan.ticketId);
    }
    this.meter.applied += 1;
    const record = this.tracker.acknowledged(plan.key, afterSeq, epochMs());
    const { add, advance, drop } = plan.after;
    if (add) this.tickets.push(add);
    if (advance) Object.assign(this.tickets.find((t) => t.id === advance.id) ?? {}, advance);
    if (drop) {
      this.tickets.splice(this.tickets.indexOf(drop), 1);
      this.lastPush.delete(drop.id);
    }
    if (!drop) this.lastPush.set(plan.ticketId, record);
  }

  private pulledOwn(ticketId: string): boolean {
    const seq = this.lastPush.get(ticketId)?.seq;
    return seq !== null && seq !== undefined && seq <= this.cursor;
  }

  private poked(cursor: number): void {
    this.target = Math.max(this.target, cursor);
    if (cursor > this.cursor) void this.pullUntilCurrent();
  }

  private async pullUntilCurrent(): Promise<void> {
    if (this.pulling) return;
    this.pulling = true;
    try {
      for (;;) {
        const page = await this.connection.pull(this.cursor, PULL_LIMIT);
        for (const change of page.changes) {
          const key = changeKey(change.entity, change.id);
          this.tracker.sawChange(key, change.seq);
        }
        if (page.cursor > this.cursor) {
          this.cursor = page.cursor;
          this.tracker.advanced(this.index, this.cursor, epochMs());
        }
        if (!page.hasMore && this.cursor >= this.target) break;
        if (!page.hasMore && page.changes.length === 0) break;
      }
      this.caughtUpOnce = true;
    } catch (error) {
      this.failed('pull', error);
    } finally {
      this.pulling = false;
    }
  }

  private failed(kind: string, error: unknown): void {
    this.meter.error(error instanceof MesaError ? `${kind}_${error.code}` : kind);
  }
}
