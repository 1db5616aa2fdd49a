import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services';
import { redactUrl } from '../storage/database';
import { publishCommentDelivery } from './comment-delivery';
import { ImapPoller } from './imap-poller';
import { OutboxSender } from './outbox-sender';
import { countQueued } from './outbox-store';

export interface MailJobs {
  sender: OutboxSender | null;
  poller: ImapPoller | null;
  stop(): Promise<void>;
}

/** Largest inbound message downloaded: the attachment limit plus room for the text and MIME encoding. */
const inboundLimit = (maxAttachmentBytes: number) => Math.ceil(maxAttachmentBytes * 1.4) + 1024 * 1024;

function startPoller(services: Services, logger: FastifyBaseLogger): ImapPoller | null {
  const { config } = services;
  if (!config.imapUrl) {
    logger.info('mail is not being read: no --imap-url');
    return null;
  }
  const poller = new ImapPoller({
    services,
    imapUrl: config.imapUrl,
    pollMs: config.mailPollMs,
    maxMessageBytes: inboundLimit(config.maxAttachmentBytes),
    log: logger,
  });
  poller.start();
  return poller;
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
  const poller = startPoller(services, logger);
  if (!config.smtpUrl) {
    logger.warn(
      { queued: await countQueued(services.database) },
      'mail is not being sent: no --smtp-url; requester mail stays in the outbox until one is set',
    );
    return { sender: null, poller, stop: async () => poller?.stop() };
  }
  const sender = new OutboxSender({
    database: services.database,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    clock: services.clock,
    log: logger,
    onDelivery: (commentId, delivery) =>
      publishCommentDelivery(services.database, services.notifier, commentId, delivery),
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
    poller,
    async stop() {
      await poller?.stop();
      clearInterval(timer);
      unsubscribe();
      sender.close();
      await sender.idle();
    },
  };
}
