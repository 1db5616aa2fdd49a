import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services';
import { compactMutationResults, pruneSessions } from '../storage/retention';
import { startPeriodicJob, type PeriodicJob } from './periodic-job';

/** One retention pass: expired sessions deleted, mutation results past the window compacted. */
export async function runRetention(services: Services): Promise<{ sessions: number; compacted: number }> {
  const now = services.clock();
  const sessions = await pruneSessions(services.database, now);
  const before = new Date(now.getTime() - services.config.mutationResultsKeptMs);
  const compacted = await compactMutationResults(services.database, before);
  return { sessions, compacted };
}

/** Runs retention now and then hourly. Both steps are idempotent; the lease only saves duplicate work. */
export function startRetentionJob(services: Services, logger: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob({
    name: 'retention',
    intervalMs: services.config.retentionIntervalMs,
    database: services.database,
    logger,
    run: async () => {
      const done = await runRetention(services);
      if (done.sessions > 0 || done.compacted > 0)
        logger.info(done, 'retention: sessions pruned, results compacted');
    },
  });
}
