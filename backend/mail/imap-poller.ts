import { ImapFlow } from 'imapflow';
import type { Services } from '../services';
import { redactUrl } from '../storage/database';
import { processInbound, recordUnapplied, type InboundLog } from './inbound-processor';

export interface ImapPollerOptions {
  services: Services;
  imapUrl: string;
  pollMs: number;
  /** A message larger than this is not downloaded; it stays in the mailbox, flagged. */
  maxMessageBytes: number;
  log: InboundLog & { error(fields: object, message: string): void };
}

interface MailboxAddress {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

export function parseImapUrl(url: string): MailboxAddress {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\/+/, '')) || 'INBOX',
  };
}

/**
 * Reads the support mailbox: every unseen message is processed (see inbound-processor),
 * then marked \Seen, after the transaction that applied it committed. New mail is
 * noticed through IDLE where the server offers it (imapflow idles by itself between
 * commands) and by a timer in any case; a lost connection is opened again.
 */
export class ImapPoller {
  private client: ImapFlow | null = null;
  private stopped = false;
  private polling: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = 1000;
  private readonly address: MailboxAddress;

  constructor(private readonly options: ImapPollerOptions) {
    this.address = parseImapUrl(options.imapUrl);
  }

  start(): void {
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.polling?.catch(() => undefined);
    await this.client?.logout().catch(() => undefined);
    this.client?.close();
  }

  /** Processes whatever is unseen now; concurrent calls share one run, then one more. */
  poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = this.pollUnseen()
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'mailbox read failed; will retry'))
      .finally(() => {
        this.polling = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.poll();
        }
      });
    return this.polling;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { host, port, secure, user, pass, mailbox } = this.address;
    const client = new ImapFlow({ host, port, secure, auth: { user, pass }, logger: false, emitLogs: false });
    client.on('error', (error: Error) => this.options.log.warn({ err: error }, 'mailbox connection error'));
    client.on('exists', () => void this.poll());
    client.on('close', () => {
      if (this.client === client) this.client = null;
      if (!this.stopped) setTimeout(() => void this.connect(), this.reconnectDelayMs).unref();
    });
    try {
      await client.connect();
      await client.mailboxOpen(mailbox);
      this.client = client;
      this.reconnectDelayMs = 1000;
      this.options.log.info(
        { mailbox: redactUrl(this.options.imapUrl), idle: client.capabilities.has('IDLE') },
        'reading the support mailbox',
      );
      await this.poll();
    } catch (error) {
      this.options.log.warn(
        { err: error, mailbox: redactUrl(this.options.imapUrl) },
        'cannot open the support mailbox; will retry',
      );
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 60_000);
      client.close();
    }
  }

  private async pollUnseen(): Promise<void> {
    const client = this.client;
    if (!client?.usable || !client.mailbox) return;
    const uidValidity = String(client.mailbox.uidValidity);
    const found = await client.search({ seen: false }, { uid: true });
    const uids = (found || []).sort((a, b) => a - b);
    for (const uid of uids) {
      if (this.stopped) return;
      await this.processOne(client, uid, `${uidValidity}:${uid}`);
    }
  }

  private async processOne(client: ImapFlow, uid: number, mailboxUid: string): Promise<void> {
    const { services, log, maxMessageBytes } = this.options;
    const meta = await client.fetchOne(String(uid), { uid: true, size: true, envelope: true }, { uid: true });
    if (!meta) return;
    if ((meta.size ?? 0) > maxMessageBytes) {
      const messageId = meta.envelope?.messageId || `<uid.${mailboxUid}@mesa.invalid>`;
      const reason = `${meta.size} bytes is over the ${maxMessageBytes}-byte limit; left in the mailbox, flagged`;
      await recordUnapplied(services, { messageId, mailboxUid, outcome: 'too_large', reason }, log);
      await client.messageFlagsAdd(String(uid), ['\\Seen', '\\Flagged'], { uid: true });
      return;
    }
    const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!full || !full.source) return;
    const result = await processInbound(services, full.source, mailboxUid, log);
    const flags =
      result.outcome === 'unparsable' || result.outcome === 'rejected' ? ['\\Seen', '\\Flagged'] : ['\\Seen'];
    await client.messageFlagsAdd(String(uid), flags, { uid: true });
  }
}
