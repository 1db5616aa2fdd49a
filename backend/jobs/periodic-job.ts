import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../storage/database';
import { withJobLease } from './job-lease';

export interface PeriodicJob {
  /** Stops the timer and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and every `intervalMs`, never two runs at once in this process, and
 * under the job's lease, so one instance at a time runs it across the deployment.
 * A failed run is logged and the next one tries again.
 */
export function startPeriodicJob(options: {
  name: string;
  intervalMs: number;
  database: Database;
  logger: FastifyBaseLogger;
  run: () => Promise<void>;
}): PeriodicJob {
  const { name, database, logger } = options;
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    current = withJobLease(database, name, options.run)
      .then((outcome) => {
        if (!outcome.ran) logger.debug({ job: name }, 'job running on another instance; skipped');
      })
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'job failed'))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
