import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { startChaosClient, type ChaosClient } from './chaos-client';
import { checkConvergence, type SentMutation } from './convergence-check';
import { startFaultProxy, type FaultKind, type FaultProxy, type FaultRates } from './fault-proxy';
import { planMutation } from './mutation-generator';
import { seededRandom } from './seeded-random';
import { settleAll } from './settle';
import { login, pullEverything, readLedger, type ServerState } from './server-state';

export interface ChaosOptions {
  mutations: number;
  clients: number;
  seed: number;
  /** How many times the backend is killed with SIGKILL during pushes and started again. */
  backendCrashes: number;
  rates: FaultRates;
  demoTickets: number;
  log?: (line: string) => void;
}

export const DEFAULT_RATES: FaultRates = {
  drop: 0.04,
  delay: 0.1,
  duplicate: 0.05,
  cutResponse: 0.05,
  badGateway: 0.04,
};

export interface ChaosReport {
  seed: number;
  attempted: number;
  refusedLocally: Record<string, number>;
  queued: number;
  applied: number;
  rejectedByServer: Record<string, number>;
  faults: Record<FaultKind, number>;
  offlinePeriods: number;
  clientRestarts: number;
  backendCrashes: number;
  seconds: number;
  violations: string[];
}

const ACCOUNTS = [
  { email: 'agent@example.com', password: 'mesa-demo' },
  { email: 'admin@example.com', password: 'mesa-demo' },
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await sleep(2);
  }
  return true;
}

/**
 * Backend + one fault proxy per client + the clients; random mutations with offline
 * periods, one client restart mid-push and backend kills mid-push; then settle and check.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const report: ChaosReport = {
    seed: options.seed,
    attempted: 0,
    refusedLocally: {},
    queued: 0,
    applied: 0,
    rejectedByServer: {},
    faults: { none: 0, drop: 0, delay: 0, duplicate: 0, cutResponse: 0, badGateway: 0 },
    offlinePeriods: 0,
    clientRestarts: 0,
    backendCrashes: 0,
    seconds: 0,
    violations: [],
  };
  const backend: BackendProcess = await startBackendProcess({
    seedDemo: true,
    demoTickets: options.demoTickets,
    extraArgs: ['--login-rate-limit', '10000', '--heartbeat-ms', '2000'],
  });
  const proxies: FaultProxy[] = [];
  const clients: ChaosClient[] = [];
  try {
    const accountOf = new Map<string, string>();
    const seededState = await pullEverything(
      backend.url,
      await login(backend.url, ACCOUNTS[0]!.email, ACCOUNTS[0]!.password),
    );
    for (let i = 0; i < options.clients; i += 1) {
      const proxy = await startFaultProxy({
        target: backend.url,
        seed: options.seed + i + 1,
        rates: options.rates,
        maxDelayMs: 200,
      });
      proxies.push(proxy);
      const account = ACCOUNTS[i % ACCOUNTS.length]!;
      const name = `client${i + 1}`;
      accountOf.set(name, account.email);
      // Sign in and fill the cache with the faults off; the chaos starts once everyone is in.
      proxy.setRates({ drop: 0, delay: 0, duplicate: 0, cutResponse: 0, badGateway: 0 });
      const client = await startChaosClient({ name, serverUrl: proxy.url, ...account });
      await client.coordinator.sync();
      proxy.setRates(options.rates);
      clients.push(client);
    }
    log(`backend ${backend.url}, ${clients.length} clients, ${seededState.tickets.size} seeded tickets`);

    const sent: SentMutation[] = [];
    const offlineUntil = new Array<number>(clients.length).fill(-1);
    const restartAt = Math.floor(options.mutations / 2);
    const crashAt = new Set(
      Array.from({ length: options.backendCrashes }, (_, k) =>
        Math.floor(((k + 1) * options.mutations) / (options.backendCrashes + 1) + options.mutations / 7),
      ),
    );

    for (let step = 0; step < options.mutations; step += 1) {
      for (const [i, proxy] of proxies.entries()) {
        if (offlineUntil[i] === step) proxy.setOffline(false);
        // Now and then a laptop loses its network for a while; the others carry on.
        if (offlineUntil[i]! < step && random() < 0.006) {
          offlineUntil[i] = step + 20 + Math.floor(random() * 150);
          proxy.setOffline(true);
          report.offlinePeriods += 1;
        }
      }
      const index = Math.floor(random() * clients.length);
      const client = clients[index]!;
      const plan = await planMutation(client.db, random);
      report.attempted += 1;
      if (plan.via === 'stale') {
        await client.db.outbox.add(plan.entry);
        sent.push({
          id: plan.entry.id,
          client: client.name,
          type: plan.entry.type,
          args: plan.entry.args as Record<string, unknown>,
        });
        report.queued += 1;
        void client.coordinator.sync();
      } else {
        const outcome = await client.coordinator.mutate(plan.type, plan.args as never);
        if (outcome.ok) {
          sent.push({ id: outcome.mutationId, client: client.name, type: plan.type, args: plan.args });
          report.queued += 1;
        } else bump(report.refusedLocally, outcome.code);
      }

      if (step === restartAt) {
        // Restart in the middle of a push: wait for one to be on the wire, then drop everything.
        const victim = clients[0]!;
        proxies[0]!.setOffline(false);
        offlineUntil[0] = -1;
        void victim.coordinator.sync();
        const caught = await waitFor(() => victim.pushInFlight(), 5_000);
        await victim.restart();
        report.clientRestarts += 1;
        log(
          `step ${step}: restarted ${victim.name} ${caught ? 'with a push in flight' : '(no push was in flight)'}`,
        );
      }
      if (crashAt.has(step)) {
        const pushing = await waitFor(() => clients.some((c) => c.pushInFlight()), 5_000);
        await backend.kill('SIGKILL');
        report.backendCrashes += 1;
        await sleep(200 + Math.floor(random() * 400));
        await backend.restart();
        log(
          `step ${step}: backend killed (-9) ${pushing ? 'during a push' : '(no push was in flight)'} and restarted`,
        );
      }
      if (random() < 0.3) await sleep(Math.floor(random() * 4));
      if (step % 500 === 499) log(`step ${step + 1}: ${report.queued} queued`);
    }

    log('settling: faults off, everyone online');
    for (const proxy of proxies) {
      proxy.setRates({ drop: 0, delay: 0, duplicate: 0, cutResponse: 0, badGateway: 0 });
      proxy.setOffline(false);
    }
    const reference = new Map<string, ServerState>();
    const referenceNow = async () => {
      for (const account of ACCOUNTS)
        reference.set(
          account.email,
          await pullEverything(backend.url, await login(backend.url, account.email, account.password)),
        );
      return Math.max(...[...reference.values()].map((r) => r.cursor));
    };
    const settled = await settleAll(clients, referenceNow, 120_000);
    if (!settled) report.violations.push('the clients did not settle within 120 s');
    await referenceNow();

    const ledger = readLedger(backend.dataDir);
    for (const s of sent) {
      const row = ledger.get(s.id);
      if (row?.status === 'applied') report.applied += 1;
      else if (row) bump(report.rejectedByServer, row.code ?? 'rejected');
    }
    report.violations.push(
      ...(await checkConvergence({
        clients,
        reference,
        accountOf,
        ledger,
        sent,
        seeded: { tickets: seededState.tickets.size, comments: seededState.comments.size },
      })),
    );
    for (const proxy of proxies)
      for (const kind of Object.keys(proxy.counts) as FaultKind[]) report.faults[kind] += proxy.counts[kind];
  } finally {
    for (const client of clients) await client.stop().catch(() => {});
    for (const proxy of proxies) await proxy.close();
    await backend.stop();
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
  }
  return report;
}
