import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services';
import { redactUrl } from '../storage/database';
import { OutboxSender } from './outbox-sender';
import { countQueued } from './outbox-store';

export interface MailJobs {
  sender: OutboxSender | null;
  stop(): Promise<void>;
}

/**
 * Starts the outbox sender when an SMTP server is configured. Without one the outbox
 * still fills (nothing is lost) and the log says so once, at start.
 */
export async function startMailJobs(
  services: Services,
  logger: FastifyBaseLogger,
  tuning: { retryBaseMs?: number } = {},
): Promise<MailJobs> {
  const { config } = services;
  if (!config.smtpUrl) {
    logger.warn(
      { queued: await countQueued(services.database) },
      'mail is not being sent: no --smtp-url; requester mail stays in the outbox until one is set',
    );
    return { sender: null, stop: async () => undefined };
  }
  const sender = new OutboxSender({
    database: services.database,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    clock: services.clock,
    log: logger,
    ...tuning,
  });
  logger.info({ smtp: redactUrl(config.smtpUrl), from: config.mailFrom }, 'sending requester mail');
  const drain = () =>
    void sender
      .drain()
      .catch((error: unknown) => logger.error({ err: error }, 'outbox sender failed; will retry'));
  // A change may have queued mail: look soon after each one, and on a timer for retries.
  const unsubscribe = services.notifier.subscribe(drain);
  const timer = setInterval(drain, config.mailPollMs);
  timer.unref();
  drain();
  return {
    sender,
    async stop() {
      clearInterval(timer);
      unsubscribe();
      sender.close();
      await sender.idle();
    },
  };
}
