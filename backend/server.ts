import type { FastifyInstance } from 'fastify';
import { buildApp, createFastify } from './app';
import type { BackendConfig } from './config';
import { startAutoCloseJob } from './jobs/auto-close';
import { startBlobCleanupJob } from './jobs/blob-cleanup';
import { startRetentionJob } from './jobs/retention';
import { startMailJobs, type MailJobs } from './mail/mail-jobs';
import { seedDemo } from './seed/demo-seed';
import { createServices, type Services } from './services';
import { openDatabase } from './storage/database';

export interface RunningBackend {
  url: string;
  port: number;
  app: FastifyInstance;
  services: Services;
  mail: MailJobs;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Tests move time; everything that reads the clock reads this. */
  clock?: () => Date;
  /** Skip the auto-close timer (tests run sweeps by hand). */
  autoCloseJob?: boolean;
  /** Skip the blob cleanup timer (tests run it by hand). */
  blobCleanupJob?: boolean;
  /** Skip the retention timer (tests run passes by hand). */
  retentionJob?: boolean;
  /** Tests retry failed mail sooner than a real server should. */
  mailRetryBaseMs?: number;
}

/** Opens the database (migrating it), seeds if asked, and listens. What the CLI runs, and what tests run in-process. */
export async function startBackend(
  config: BackendConfig,
  options: StartOptions = {},
): Promise<RunningBackend> {
  const app = createFastify(config);
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    if (config.seedDemo) {
      const started = Date.now();
      const seeded = await seedDemo(database, {
        tickets: config.demoTickets,
        now: (options.clock ?? (() => new Date()))(),
      });
      app.log.info({ ...seeded, ms: Date.now() - started }, 'demo data seeded');
    }
    const services = await createServices(config, database, app.log, options.clock);
    await buildApp(app, services);
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host}:${port}`;
    services.publicUrl = config.publicUrl ?? url;
    const jobs = [
      options.autoCloseJob === false ? null : startAutoCloseJob(services, app.log),
      options.blobCleanupJob === false ? null : startBlobCleanupJob(services, app.log),
      options.retentionJob === false ? null : startRetentionJob(services, app.log),
    ];
    const mail = await startMailJobs(services, app.log, {
      ...(options.mailRetryBaseMs ? { retryBaseMs: options.mailRetryBaseMs } : {}),
    });
    return {
      url,
      port,
      app,
      services,
      mail,
      async close() {
        await Promise.all(jobs.map((job) => job?.stop()));
        await mail.stop();
        await app.close();
        services.broadcast.stop();
        await services.notifier.stop();
        await database.close();
      },
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
