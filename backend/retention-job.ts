import type { FastifyBaseLogger } from 'fastify';
import type { Services } from './services';
import { compactMutationResults, pruneSessions } from './storage/retention';

/** One retention pass: expired sessions deleted, mutation results past the window compacted. */
export async function runRetention(services: Services): Promise<{ sessions: number; compacted: number }> {
  const now = services.clock();
  const sessions = await pruneSessions(services.database, now);
  const before = new Date(now.getTime() - services.config.mutationResultsKeptMs);
  const compacted = await compactMutationResults(services.database, before);
  return { sessions, compacted };
}

/** Runs retention now and then on an interval; safe on several instances at once (both steps are idempotent). */
export function startRetentionJob(services: Services, logger: FastifyBaseLogger): { stop(): void } {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const done = await runRetention(services);
      if (done.sessions > 0 || done.compacted > 0)
        logger.info(done, 'retention: sessions pruned, results compacted');
    } catch (error) {
      logger.error({ err: error }, 'retention pass failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), services.config.retentionIntervalMs);
  timer.unref();
  void pass();
  return { stop: () => clearInterval(timer) };
}
