import type { FastifyBaseLogger } from 'fastify';
import { LoginThrottle } from './auth/login-throttle';
import { TokenStore } from './auth/tokens';
import { BlobStore } from './attachments/blob-store';
import type { BackendConfig } from './config';
import { FeedbackTokens } from './feedback/feedback-tokens';
import { domainOf } from './mail/message-ids';
import { PageTokens } from './mail/page-tokens';
import { RequesterMailer } from './mail/requester-mailer';
import type { Database } from './storage/database';
import { loadOrCreateSecret } from './storage/server-settings';
import { ChangeBroadcast } from './sync/change-broadcast';
import { ChangeNotifier } from './sync/change-notifier';
import { PageCache } from './sync/page-cache';
import { PushService } from './sync/push-service';

/** The backend's parts, wired once per process and handed to the routes and jobs. */
export interface Services {
  config: BackendConfig;
  database: Database;
  clock: () => Date;
  tokens: TokenStore;
  loginThrottle: LoginThrottle;
  notifier: ChangeNotifier;
  /** Encoded pull pages shared by every request for the same page since the sequence last moved. */
  pages: PageCache;
  /** The event streams' fan-out: one message per move of the sequence, encoded once. */
  broadcast: ChangeBroadcast;
  push: PushService;
  blobs: BlobStore;
  feedbackTokens: FeedbackTokens;
  mailer: RequesterMailer;
  pageTokens: PageTokens;
  /** Set once the server listens: where requesters reach it (feedback links). */
  publicUrl: string;
}

export async function createServices(
  config: BackendConfig,
  database: Database,
  logger: FastifyBaseLogger,
  clock: () => Date = () => new Date(),
): Promise<Services> {
  const tokens = new TokenStore(database, config.tokenTtlMs, clock);
  const notifier = new ChangeNotifier(database, (error) =>
    logger.warn({ err: error }, 'change notifications: LISTEN connection lost'),
  );
  const feedbackTokens = new FeedbackTokens(
    await loadOrCreateSecret(database.db, 'feedback_secret'),
    config.feedbackLinkTtlMs,
  );
  const services = {
    config,
    database,
    clock,
    tokens,
    loginThrottle: new LoginThrottle(config.loginThrottle),
    notifier,
    feedbackTokens,
    publicUrl: config.publicUrl ?? '',
  } as Services;
  services.pageTokens = new PageTokens(await loadOrCreateSecret(database.db, 'requester_page_secret'));
  services.mailer = new RequesterMailer({
    pageTokens: services.pageTokens,
    feedbackLink: (ticketId, now) => `${services.publicUrl}/feedback/${feedbackTokens.create(ticketId, now)}`,
    publicUrl: () => services.publicUrl,
    domain: domainOf(config.mailFrom),
    log: (message, fields) => logger.debug(fields, message),
  });
  services.blobs = new BlobStore(database, config.dataDir, config.maxAttachmentBytes, clock);
  services.push = new PushService({
    database,
    notifier,
    mailer: services.mailer,
    clock,
    revokeSessions: (scope, agentId) => tokens.revokeAllFor(scope.trx, agentId),
    onMutationError: (error, mutation) =>
      logger.error({ err: error, mutation }, 'mutation failed; recorded as rejected (server_error)'),
  });
  await notifier.start();
  services.pages = new PageCache(database);
  services.broadcast = new ChangeBroadcast(notifier, services.pages, config.broadcast, (error) =>
    logger.warn({ err: error }, 'change broadcast: reading the page failed; sent a plain announcement'),
  );
  return services;
}
