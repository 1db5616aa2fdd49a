import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionService } from '../../electron/core/connection-service';
import type { StoredSession } from '../../electron/core/credential-store';
import { LatencyTracker, type LatencySummary } from './latency-tracker';
import type { LoadBackends } from './load-backends';
import type { LoadOptions } from './load-options';
import { ProcessSampler } from './process-stats';
import { SimulatedConsole } from './simulated-console';
import { TrafficMeter } from './traffic-meter';

/** The demo agents (backend/seed): each signs in once, and its consoles share the token. */
export const AGENT_EMAILS = ['agent', 'lucia', 'jordi', 'sam', 'maria'].map((name) => `${name}@example.com`);
const DEMO_PASSWORD = 'mesa-demo';

export interface LoadFigures {
  consoles: number;
  connected: number;
  instances: number;
  db: string;
  durationS: number;
  askedRate: number;
  appliedPerS: number;
  latencyMs: LatencySummary;
  pullsPerS: number;
  bytesPerS: number;
  eventBytesPerS: number;
  /** Per backend process: share of one core, and peak RSS in MiB. */
  servers: Array<{ cpu: number; rssMiB: number }>;
  /** The load generator's own CPU, as a share of one core: on a small machine it competes with the server. */
  generatorCpu: number;
  errors: Record<string, number>;
  loadAverage: [number, number];
  cores: number;
}

/** A small deterministic generator, so two runs push the same mix. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function signInAgents(
  url: string,
  fetch: typeof globalThis.fetch,
  count: number,
): Promise<StoredSession[]> {
  const sessions: StoredSession[] = [];
  for (const email of AGENT_EMAILS.slice(0, Math.max(1, Math.min(count, AGENT_EMAILS.length)))) {
    let stored: StoredSession | null = null;
    const connection = new ConnectionService({
      store: {
        persistent: false,
        read: async () => stored,
        write: async (s) => void (stored = s),
        clear: async () => void (stored = null),
      },
      fetch,
      observer: { sessionChanged: () => {}, serverAnswered: () => {}, serverUnreachable: () => {} },
    });
    await connection.login(url, email, DEMO_PASSWORD);
    sessions.push(stored!);
  }
  return sessions;
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > until) return false;
    await sleep(50);
  }
  return true;
}

/**
 * One run: sign in, open every console's stream in batches and let each catch up, push the
 * mix at the asked rate for the duration, give the consoles time to drain, and take the figures.
 */
export async function runLoad(
  options: LoadOptions,
  backends: LoadBackends,
  log: (line: string) => void = () => {},
): Promise<LoadFigures> {
  const meter = new TrafficMeter();
  const fetch = meter.meteredFetch();
  const tracker = new LatencyTracker();
  const sessions = await signInAgents(backends.urls[0]!, fetch, options.consoles);
  const consoles = Array.from({ length: options.consoles }, (_, i) => {
    const session = sessions[i % sessions.length]!;
    const serverUrl = backends.urls[i % backends.urls.length]!;
    return new SimulatedConsole({ ...session, serverUrl }, fetch, tracker, meter);
  });
  const samplers = backends.pids.map((pid) => new ProcessSampler(pid));
  try {
    for (let i = 0; i < consoles.length; i += options.rampBatch) {
      const batch = consoles.slice(i, i + options.rampBatch);
      await Promise.all(batch.map((c) => c.start()));
      await waitFor(() => batch.every((c) => c.caughtUpOnce), 30_000);
    }
    const connected = consoles.filter((c) => c.opened).length;
    log(
      `${connected} of ${consoles.length} consoles connected and caught up; pushing ${options.rate}/s for ${options.durationS} s`,
    );

    const random = seededRandom(20);
    const before = meter.snapshot();
    const applied0 = meter.applied;
    for (const s of samplers) s.begin();
    const rssTimer = setInterval(() => samplers.forEach((s) => s.sampleRss()), 500);
    const startedAt = performance.now();
    const cpuAtStart = process.cpuUsage();
    const inFlight = new Set<Promise<void>>();
    const intervalMs = 1000 / options.rate;
    for (let n = 0; ; n += 1) {
      const due = startedAt + n * intervalMs;
      if (due - startedAt >= options.durationS * 1000) break;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      // Open loop: a slow server shows as latency and a lower applied rate, not as fewer attempts.
      const push = consoles[Math.floor(random() * consoles.length)]!.pushOne(random, n);
      inFlight.add(push);
      void push.finally(() => inFlight.delete(push));
    }
    await Promise.all(inFlight);
    const elapsedS = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const generatorCpu = (cpu.user + cpu.system) / 1e6 / elapsedS;
    const after = meter.snapshot();
    const servers = samplers.map((s) => ({ cpu: s.cpuShare(), rssMiB: s.peakRss / 2 ** 20 }));
    const appliedPerS = (meter.applied - applied0) / elapsedS;
    const loadAverage = loadavg().slice(0, 2) as [number, number];

    await waitFor(() => {
      const settled = tracker.settledSeq();
      return settled !== null && consoles.every((c) => c.position >= settled);
    }, options.drainS * 1000);
    clearInterval(rssTimer);
    for (const [i, s] of samplers.entries())
      servers[i]!.rssMiB = Math.max(servers[i]!.rssMiB, s.sampleRss() / 2 ** 20);
    const latencyMs = tracker.summarize(startedAt);

    const errors = Object.fromEntries(meter.errors);
    if (latencyMs.unconverged) errors.unconverged = latencyMs.unconverged;
    if (latencyMs.unseen) errors.unseen = latencyMs.unseen;
    return {
      consoles: options.consoles,
      connected,
      instances: backends.urls.length,
      db: options.url ? 'external' : options.db,
      durationS: elapsedS,
      askedRate: options.rate,
      appliedPerS,
      latencyMs,
      pullsPerS: (after.pulls - before.pulls) / elapsedS,
      bytesPerS: (after.pullBytes - before.pullBytes + after.eventBytes - before.eventBytes) / elapsedS,
      eventBytesPerS: (after.eventBytes - before.eventBytes) / elapsedS,
      servers,
      generatorCpu,
      errors,
      loadAverage,
      cores: availableParallelism(),
    };
  } finally {
    for (const c of consoles) c.stop();
  }
}
