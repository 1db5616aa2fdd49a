import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionService } from '../../electron/core/connection-service';
import type { StoredSession } from '../../electron/core/credential-store';
import type { GroupTraffic } from './console-group';
import { epochMs } from './epoch';
import { startGroupThread, type GroupHandle } from './group-thread';
import { summarizeLatency, type LatencySummary } from './latency-tracker';
import type { LoadBackends } from './load-backends';
import type { LoadOptions } from './load-options';
import { ProcessSampler } from './process-stats';
import { memoryStore } from './simulated-console';

/** The demo agents (backend/seed): each signs in once, and its consoles share the token. */
export const AGENT_EMAILS = ['agent', 'lucia', 'jordi', 'sam', 'maria'].map((name) => `${name}@example.com`);
const DEMO_PASSWORD = 'mesa-demo';
/** Consoles per thread before a second one is worth its start-up. */
const CONSOLES_PER_THREAD = 100;

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

async function signInAgents(url: string, count: number): Promise<StoredSession[]> {
  const sessions: StoredSession[] = [];
  for (const email of AGENT_EMAILS.slice(0, Math.max(1, Math.min(count, AGENT_EMAILS.length)))) {
    const store = memoryStore(null);
    const connection = new ConnectionService({
      store,
      fetch: globalThis.fetch,
      observer: { sessionChanged: () => {}, serverAnswered: () => {}, serverUnreachable: () => {} },
    });
    await connection.login(url, email, DEMO_PASSWORD);
    sessions.push((await store.read())!);
  }
  return sessions;
}

const sum = (traffic: GroupTraffic[], key: 'pulls' | 'pullBytes' | 'eventBytes' | 'applied'): number =>
  traffic.reduce((total, t) => total + t[key], 0);

/** Every group's pushes, with when the slowest console of all groups reached each one's change. */
async function latencyOver(groups: GroupHandle[], windowStart: number): Promise<LatencySummary> {
  const pushes = (await Promise.all(groups.map((g) => g.pushes()))).flat();
  const seqs = pushes.map((p) => p.seq ?? 0);
  const perGroup = await Promise.all(groups.map((g) => g.reachedAt(seqs)));
  const reached = seqs.map((_, i) =>
    perGroup.some((times) => times[i] === null) ? null : Math.max(...perGroup.map((times) => times[i]!)),
  );
  return summarizeLatency(pushes, reached, windowStart);
}

/** Until every push's change is seen and every console has passed the last of them, or the time is up. */
async function drain(groups: GroupHandle[], timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const progress = await Promise.all(groups.map((g) => g.progress()));
    const target = Math.max(...progress.map((p) => p.maxSeq));
    if (progress.every((p) => p.pending === 0 && p.minPosition >= target)) return;
    await sleep(100);
  }
}

/**
 * One run: sign in, open every console's stream in batches and let each catch up, push the
 * mix at the asked rate for the duration, give the consoles time to drain, and take the
 * figures. The consoles are spread over worker threads, one per core at most.
 */
export async function runLoad(
  options: LoadOptions,
  backends: LoadBackends,
  log: (line: string) => void = () => {},
): Promise<LoadFigures> {
  const sessions = await signInAgents(backends.urls[0]!, options.consoles);
  const threads = Math.max(
    1,
    Math.min(availableParallelism(), Math.ceil(options.consoles / CONSOLES_PER_THREAD)),
  );
  const groups = Array.from({ length: threads }, (_, first) =>
    startGroupThread({
      sessions,
      urls: backends.urls,
      first,
      step: threads,
      total: options.consoles,
      rampBatch: Math.ceil(options.rampBatch / threads),
    }),
  );
  const samplers = backends.pids.map((pid) => new ProcessSampler(pid));
  try {
    const connected = (await Promise.all(groups.map((g) => g.connect()))).reduce((a, b) => a + b, 0);
    log(
      `${connected} of ${options.consoles} consoles connected and caught up (${threads} thread(s)); pushing ${options.rate}/s for ${options.durationS} s`,
    );
    const before = await Promise.all(groups.map((g) => g.traffic()));
    for (const s of samplers) s.begin();
    const rssTimer = setInterval(() => samplers.forEach((s) => s.sampleRss()), 500);
    const startedAt = epochMs() + 100;
    const cpuAtStart = process.cpuUsage();
    await Promise.all(
      groups.map((g, i) => g.push(options.rate / threads, options.durationS, i + 1, startedAt)),
    );
    const elapsedS = (epochMs() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const after = await Promise.all(groups.map((g) => g.traffic()));
    const servers = samplers.map((s) => ({ cpu: s.cpuShare(), rssMiB: s.peakRss / 2 ** 20 }));
    const loadAverage = loadavg().slice(0, 2) as [number, number];

    await drain(groups, options.drainS * 1000);
    clearInterval(rssTimer);
    for (const [i, s] of samplers.entries())
      servers[i]!.rssMiB = Math.max(servers[i]!.rssMiB, s.sampleRss() / 2 ** 20);
    const latencyMs = await latencyOver(groups, startedAt);

    const errors: Record<string, number> = {};
    for (const t of after)
      for (const [kind, count] of Object.entries(t.errors)) errors[kind] = (errors[kind] ?? 0) + count;
    if (latencyMs.unconverged) errors.unconverged = latencyMs.unconverged;
    if (latencyMs.unseen) errors.unseen = latencyMs.unseen;
    const delta = (key: 'pulls' | 'pullBytes' | 'eventBytes' | 'applied') =>
      (sum(after, key) - sum(before, key)) / elapsedS;
    return {
      consoles: options.consoles,
      connected,
      instances: backends.urls.length,
      db: options.url ? 'external' : options.db,
      durationS: elapsedS,
      askedRate: options.rate,
      appliedPerS: delta('applied'),
      latencyMs,
      pullsPerS: delta('pulls'),
      bytesPerS: delta('pullBytes') + delta('eventBytes'),
      eventBytesPerS: delta('eventBytes'),
      servers,
      generatorCpu: (cpu.user + cpu.system) / 1e6 / elapsedS,
      errors,
      loadAverage,
      cores: availableParallelism(),
    };
  } finally {
    await Promise.all(groups.map((g) => g.stop().catch(() => {})));
    await Promise.all(groups.map((g) => g.terminate()));
  }
}
