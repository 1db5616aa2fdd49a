import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { startPostgresCluster, type PostgresCluster } from '../../backend/testing/postgres-cluster';
import type { LoadOptions } from './load-options';

/** The backends a load run talks to: started here (seeded), or one given by --url. */
export interface LoadBackends {
  urls: string[];
  /** Process ids of the started backends, for CPU and RSS; empty with --url. */
  pids: number[];
  stop(): Promise<void>;
}

/**
 * The simulated consoles share the five demo agents' tokens, so each agent pushes what a
 * fifth of all consoles push; the per-agent push limit (meant for one agent's runaway loop)
 * is raised to twice that, or it would measure the limit instead of the server.
 */
export function pushLimitFor(rate: number, agents: number): number {
  return Math.max(300, Math.ceil(((rate * 60) / agents) * 2));
}

export async function startLoadBackends(
  options: Pick<LoadOptions, 'db' | 'instances' | 'url' | 'rate'>,
  agents: number,
): Promise<LoadBackends> {
  if (options.url) return { urls: [options.url], pids: [], stop: async () => {} };
  const extraArgs = ['--push-rate-limit', String(pushLimitFor(options.rate, agents))];
  let cluster: PostgresCluster | null = null;
  let databaseUrl: string | undefined;
  if (options.db === 'postgres') {
    cluster = await startPostgresCluster({ durable: true });
    databaseUrl = await cluster.createDatabase('mesa_load');
  }
  const processes: BackendProcess[] = [];
  try {
    // One after the other: the first migrates and seeds, the second finds it done.
    for (let i = 0; i < options.instances; i += 1)
      processes.push(await startBackendProcess({ databaseUrl, seedDemo: true, extraArgs }));
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    await cluster?.stop();
    throw error;
  }
  return {
    urls: processes.map((p) => p.url),
    pids: processes.map((p) => p.pid!),
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
      await cluster?.stop();
    },
  };
}
