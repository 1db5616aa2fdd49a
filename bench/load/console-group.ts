import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../../e2e/chaos/seeded-random';
import type { StoredSession } from '../../electron/core/credential-store';
import { epochMs } from './epoch';
import { LatencyTracker } from './latency-tracker';
import { SimulatedConsole } from './simulated-console';
import { TrafficMeter } from './traffic-meter';

/** What a group is told to simulate; plain data, so it crosses to a worker thread. */
export interface GroupPlan {
  sessions: StoredSession[];
  urls: string[];
  /** This group's consoles are numbers first, first + step, … below total (agents and servers go round by number). */
  first: number;
  step: number;
  total: number;
  rampBatch: number;
}

export interface GroupProgress {
  /** Acknowledged pushes whose change no console here has seen yet. */
  pending: number;
  /** The highest change of this group's pushes. */
  maxSeq: number;
  /** The cursor of this group's slowest console. */
  minPosition: number;
}

export interface GroupTraffic {
  pulls: number;
  pullBytes: number;
  eventBytes: number;
  applied: number;
  errors: Record<string, number>;
}

const waitFor = async (done: () => boolean, timeoutMs: number): Promise<void> => {
  const until = performance.now() + timeoutMs;
  while (!done() && performance.now() < until) await sleep(50);
};

/**
 * Some of the run's consoles, in one thread: a worker holds a group, so that the consoles'
 * own work (reading streams, checking pages with the shared schemas) spreads over the
 * machine's cores instead of making one thread the bottleneck of the measurement.
 */
export class ConsoleGroup {
  private readonly meter = new TrafficMeter();
  private readonly tracker = new LatencyTracker();
  private readonly consoles: SimulatedConsole[] = [];

  constructor(plan: GroupPlan) {
    const fetch = this.meter.meteredFetch();
    for (let i = plan.first; i < plan.total; i += plan.step) {
      const session = plan.sessions[i % plan.sessions.length]!;
      const serverUrl = plan.urls[i % plan.urls.length]!;
      this.consoles.push(new SimulatedConsole({ ...session, serverUrl }, fetch, this.tracker, this.meter));
    }
    this.rampBatch = plan.rampBatch;
  }

  private readonly rampBatch: number;

  /** Opens every console's stream, a batch at a time, each batch caught up before the next; returns how many are open. */
  async connect(): Promise<number> {
    for (let i = 0; i < this.consoles.length; i += this.rampBatch) {
      const batch = this.consoles.slice(i, i + this.rampBatch);
      await Promise.all(batch.map((c) => c.start()));
      await waitFor(() => batch.every((c) => c.caughtUpOnce), 30_000);
    }
    return this.consoles.filter((c) => c.opened).length;
  }

  /**
   * Pushes `rate` mutations a second from random consoles of the group, from `startAt` for
   * `durationS`, open loop: a slow server shows as latency and a lower applied rate, not as
   * fewer attempts. Resolves when every push has been answered.
   */
  async push(rate: number, durationS: number, seed: number, startAt: number): Promise<void> {
    if (rate <= 0 || this.consoles.length === 0) return;
    // Seeded, so two runs push the same mix.
    const random = seededRandom(seed);
    const inFlight = new Set<Promise<void>>();
    const intervalMs = 1000 / rate;
    for (let n = 0; n * intervalMs < durationS * 1000; n += 1) {
      const wait = startAt + n * intervalMs - epochMs();
      if (wait > 0) await sleep(wait);
      const push = this.consoles[Math.floor(random() * this.consoles.length)]!.pushOne(
        random,
        seed * 1e6 + n,
      );
      inFlight.add(push);
      void push.finally(() => inFlight.delete(push));
    }
    await Promise.all(inFlight);
  }

  progress(): GroupProgress {
    const records = this.tracker.records();
    return {
      pending: records.filter((r) => r.seq === null).length,
      maxSeq: records.reduce((max, r) => Math.max(max, r.seq ?? 0), 0),
      minPosition: Math.min(...this.consoles.map((c) => c.position)),
    };
  }

  pushes(): Array<{ seq: number | null; ackAt: number }> {
    return this.tracker.records();
  }

  reachedAt(seqs: number[]): Array<number | null> {
    return this.tracker.reachedAt(seqs);
  }

  traffic(): GroupTraffic {
    return {
      ...this.meter.snapshot(),
      applied: this.meter.applied,
      errors: Object.fromEntries(this.meter.errors),
    };
  }

  stop(): void {
    for (const c of this.consoles) c.stop();
  }
}
