import { LIMITS } from '../shared/index';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleOptions } from './auth/login-throttle';
import { DEFAULT_BROADCAST, type BroadcastOptions } from './sync/change-broadcast';
import type { TrustProxy } from './trust-proxy';

/** Everything the backend can be told at start; the CLI fills it from flags and the environment. */
export interface BackendConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  databaseUrl?: string;
  seedDemo: boolean;
  demoTickets?: number;
  maxAttachmentBytes: number;
  /** Largest JSON or form body (a push of 500 mutations with long descriptions fits). */
  maxBodyBytes: number;
  autoCloseDays: number;
  autoCloseIntervalMs: number;
  tokenTtlMs: number;
  /** How long a mutation's full result is kept before it is compacted to its id and code (retention.ts). */
  mutationResultsKeptMs: number;
  retentionIntervalMs: number;
  feedbackLinkTtlMs: number;
  heartbeatMs: number;
  /** An event stream whose reader lets more than this wait in the server's buffer is cut off. */
  eventBufferBytes: number;
  broadcast: BroadcastOptions;
  /** Pushes per agent (a runaway client loop is held back; the others are not). */
  pushRateLimit: { max: number; windowMs: number };
  loginRateLimit: { max: number; windowMs: number };
  /** Failed sign-ins per address across accounts, and the per-account backoff (auth/login-throttle.ts). */
  loginThrottle: LoginThrottleOptions;
  requestsRateLimit: { max: number; windowMs: number };
  /** Uploads per agent (each up to maxAttachmentBytes to stream to disk). */
  uploadRateLimit: { max: number; windowMs: number };
  /** Unreferenced blobs older than this are deleted (a client uploads, then attaches). */
  blobGraceMs: number;
  blobCleanupIntervalMs: number;
  /** Proxies believed about the client's address, so rate limits key on the client (trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** The address requesters reach (feedback links); defaults to http://host:port. */
  publicUrl?: string;
  logLevel: string;
  logRequests: boolean;
  /** smtp://user:pass@host:port or smtps://…; without it the outbox fills and nothing is sent. */
  smtpUrl?: string;
  /** The From of every mail to requesters; its domain also names our Message-IDs. */
  mailFrom: string;
  /** imap://user:pass@host:port/INBOX or imaps://…: the support mailbox replies arrive in. */
  imapUrl?: string;
  /** How often the mailbox is read when the server offers no IDLE, and the outbox is looked at. */
  mailPollMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_CONFIG: BackendConfig = {
  host: '127.0.0.1',
  port: 0,
  dataDir: '.data/backend',
  seedDemo: false,
  maxAttachmentBytes: LIMITS.attachmentMaxBytes,
  maxBodyBytes: 16 * 1024 * 1024,
  autoCloseDays: 3,
  autoCloseIntervalMs: 10 * 60 * 1000,
  tokenTtlMs: 30 * DAY_MS,
  mutationResultsKeptMs: 30 * DAY_MS,
  retentionIntervalMs: 60 * 60 * 1000,
  feedbackLinkTtlMs: 30 * DAY_MS,
  heartbeatMs: 15_000,
  eventBufferBytes: 256 * 1024,
  broadcast: DEFAULT_BROADCAST,
  pushRateLimit: { max: 300, windowMs: 60_000 },
  loginRateLimit: { max: 10, windowMs: 60_000 },
  loginThrottle: DEFAULT_LOGIN_THROTTLE,
  requestsRateLimit: { max: 20, windowMs: 60_000 },
  uploadRateLimit: { max: 60, windowMs: 60_000 },
  blobGraceMs: DAY_MS,
  blobCleanupIntervalMs: 60 * 60 * 1000,
  trustProxy: false,
  logLevel: 'info',
  logRequests: false,
  mailFrom: 'Service Desk <support@localhost>',
  mailPollMs: 30_000,
};

export const configWith = (overrides: Partial<BackendConfig>): BackendConfig => ({
  ...DEFAULT_CONFIG,
  ...overrides,
});
