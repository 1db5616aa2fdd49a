import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type BackendConfig } from './config';
import { parseTrustProxy } from './trust-proxy';

const USAGE = `usage: npm run backend -- --port <P> --data <DIR> [options]

  --port <P>                    port on 127.0.0.1 (0 picks a free one)
  --host <H>                    address to listen on (default 127.0.0.1)
  --data <DIR>                  data folder: SQLite file and attachments
  --database-url <URL>          PostgreSQL instead of SQLite (or DATABASE_URL)
  --seed-demo                   create the demo team, policies, accounts and tickets if absent
  --demo-tickets <N>            how many demo tickets (default 60)
  --max-attachment-bytes <N>    upload limit (default 25 MiB)
  --auto-close-days <N>         close resolved tickets after N days (default 3)
  --auto-close-interval-seconds <N>  how often to look (default 600)
  --token-ttl-seconds <N>       session lifetime (default 30 days)
  --mutation-results-days <N>   keep each mutation's full result this long, then only its id
                                and refusal code (default 30)
  --heartbeat-ms <N>            event stream heartbeat (default 15000)
  --login-rate-limit <N>        sign-in attempts per minute per address and account (default 10)
  --login-address-limit <N>     failed sign-ins per 15 minutes per address, all accounts (default 30)
  --requests-rate-limit <N>     portal posts per minute per address (default 20)
  --upload-rate-limit <N>       attachment uploads per minute per agent (default 60)
  --push-rate-limit <N>         sync pushes per minute per agent (default 300)
  --event-buffer-bytes <N>      an event stream with more unread than this is cut off (default 262144)
  --blob-grace-hours <N>        delete files no attachment uses after N hours (default 24)
  --blob-cleanup-interval-seconds <N>  how often to look (default 3600)
  --public-url <URL>            base URL in feedback links (default http://host:port)
  --trust-proxy <N|ADDRS>       believe X-Forwarded-For from the N nearest proxies, or from these
                                addresses/CIDRs (comma-separated); off by default
  --smtp-url <URL>              send requester mail: smtp://user:pass@host:port, smtps://… for TLS
                                (or MESA_SMTP_URL); without it mail is queued, not sent
  --mail-from <ADDR>            From of requester mail, e.g. "Service Desk <support@example.org>"
  --imap-url <URL>              read replies: imaps://user:pass@host/INBOX (or MESA_IMAP_URL)
  --mail-poll-seconds <N>       how often to look at the outbox and, without IDLE, the mailbox (default 30)
  --log-level <L>               fatal|error|warn|info|debug (default info, or MESA_LOG_LEVEL)
  --log-requests                log every request`;

const HOUR_MS = 60 * 60 * 1000;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}, not "${value}"\n\n${USAGE}`);
  return n;
}

function mailUrl(name: string, value: string | undefined, schemes: string[]): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--${name} is not a URL\n\n${USAGE}`);
  }
  if (!schemes.includes(url.protocol))
    throw new Error(`--${name} must start with ${schemes.join(' or ')}//\n\n${USAGE}`);
  return value;
}

function mailSettings(values: ReturnType<typeof parseFlags>['values'], env: NodeJS.ProcessEnv) {
  const smtpUrl = mailUrl('smtp-url', values['smtp-url'] ?? env.MESA_SMTP_URL, ['smtp:', 'smtps:']);
  const imapUrl = mailUrl('imap-url', values['imap-url'] ?? env.MESA_IMAP_URL, ['imap:', 'imaps:']);
  const mailFrom = values['mail-from'] ?? DEFAULT_CONFIG.mailFrom;
  if (/[\r\n]/.test(mailFrom) || !/@/.test(mailFrom))
    throw new Error(`--mail-from must be one address\n\n${USAGE}`);
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(imapUrl ? { imapUrl } : {}),
    mailFrom,
    mailPollMs:
      positiveInt('mail-poll-seconds', values['mail-poll-seconds'], DEFAULT_CONFIG.mailPollMs / 1000, 1) *
      1000,
  };
}

const parseFlags = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      'seed-demo': { type: 'boolean' },
      'demo-tickets': { type: 'string' },
      'max-attachment-bytes': { type: 'string' },
      'auto-close-days': { type: 'string' },
      'auto-close-interval-seconds': { type: 'string' },
      'token-ttl-seconds': { type: 'string' },
      'mutation-results-days': { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      'login-rate-limit': { type: 'string' },
      'login-address-limit': { type: 'string' },
      'requests-rate-limit': { type: 'string' },
      'upload-rate-limit': { type: 'string' },
      'push-rate-limit': { type: 'string' },
      'event-buffer-bytes': { type: 'string' },
      'blob-grace-hours': { type: 'string' },
      'blob-cleanup-interval-seconds': { type: 'string' },
      'public-url': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'smtp-url': { type: 'string' },
      'mail-from': { type: 'string' },
      'imap-url': { type: 'string' },
      'mail-poll-seconds': { type: 'string' },
      'log-level': { type: 'string' },
      'log-requests': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });

function parseOrExplain(argv: string[]) {
  try {
    return parseFlags(argv);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, {
      cause: error,
    });
  }
}

function trustProxyOrExplain(value: string) {
  try {
    return parseTrustProxy(value);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, {
      cause: error,
    });
  }
}

/** Flags and environment to a config; throws with the usage text on anything it does not understand. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): BackendConfig {
  const { values } = parseOrExplain(argv);
  if (values.help) throw new Error(USAGE);
  const d = DEFAULT_CONFIG;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  return {
    ...d,
    host: values.host ?? d.host,
    port: positiveInt('port', values.port, 0),
    dataDir: values.data ?? env.MESA_DATA_DIR ?? d.dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    seedDemo: values['seed-demo'] ?? false,
    ...(values['demo-tickets'] !== undefined
      ? { demoTickets: positiveInt('demo-tickets', values['demo-tickets'], 0) }
      : {}),
    maxAttachmentBytes: positiveInt(
      'max-attachment-bytes',
      values['max-attachment-bytes'],
      d.maxAttachmentBytes,
      1,
    ),
    autoCloseDays: positiveInt('auto-close-days', values['auto-close-days'], d.autoCloseDays),
    autoCloseIntervalMs:
      positiveInt(
        'auto-close-interval-seconds',
        values['auto-close-interval-seconds'],
        d.autoCloseIntervalMs / 1000,
        1,
      ) * 1000,
    tokenTtlMs: positiveInt('token-ttl-seconds', values['token-ttl-seconds'], d.tokenTtlMs / 1000, 1) * 1000,
    mutationResultsKeptMs:
      positiveInt(
        'mutation-results-days',
        values['mutation-results-days'],
        d.mutationResultsKeptMs / 86_400_000,
        1,
      ) * 86_400_000,
    heartbeatMs: positiveInt('heartbeat-ms', values['heartbeat-ms'], d.heartbeatMs, 10),
    loginRateLimit: {
      ...d.loginRateLimit,
      max: positiveInt('login-rate-limit', values['login-rate-limit'], d.loginRateLimit.max, 1),
    },
    loginThrottle: {
      ...d.loginThrottle,
      addressFailures: {
        ...d.loginThrottle.addressFailures,
        max: positiveInt(
          'login-address-limit',
          values['login-address-limit'],
          d.loginThrottle.addressFailures.max,
          1,
        ),
      },
    },
    requestsRateLimit: {
      ...d.requestsRateLimit,
      max: positiveInt('requests-rate-limit', values['requests-rate-limit'], d.requestsRateLimit.max, 1),
    },
    uploadRateLimit: {
      ...d.uploadRateLimit,
      max: positiveInt('upload-rate-limit', values['upload-rate-limit'], d.uploadRateLimit.max, 1),
    },
    pushRateLimit: {
      ...d.pushRateLimit,
      max: positiveInt('push-rate-limit', values['push-rate-limit'], d.pushRateLimit.max, 1),
    },
    eventBufferBytes: positiveInt(
      'event-buffer-bytes',
      values['event-buffer-bytes'],
      d.eventBufferBytes,
      1024,
    ),
    blobGraceMs:
      positiveInt('blob-grace-hours', values['blob-grace-hours'], d.blobGraceMs / HOUR_MS) * HOUR_MS,
    blobCleanupIntervalMs:
      positiveInt(
        'blob-cleanup-interval-seconds',
        values['blob-cleanup-interval-seconds'],
        d.blobCleanupIntervalMs / 1000,
        1,
      ) * 1000,
    ...(values['public-url'] ? { publicUrl: values['public-url'].replace(/\/+$/, '') } : {}),
    trustProxy: values['trust-proxy'] === undefined ? false : trustProxyOrExplain(values['trust-proxy']),
    ...mailSettings(values, env),
    logLevel: values['log-level'] ?? env.MESA_LOG_LEVEL ?? d.logLevel,
    logRequests: values['log-requests'] ?? false,
  };
}
