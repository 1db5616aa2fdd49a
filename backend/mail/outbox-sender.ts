import nodemailer, { type Transporter } from 'nodemailer';
import type { MailDelivery } from '../../shared/index';
import type { Database } from '../storage/database';
import { claimDueEmails, markFailed, markRetry, markSent, type OutboxRow } from './outbox-store';
import { classifySendError, retryDelayMs } from './smtp-failure';

export interface OutboxSenderOptions {
  database: Database;
  smtpUrl: string;
  mailFrom: string;
  clock: () => Date;
  log: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
  /** First retry delay; later ones double. */
  retryBaseMs?: number;
  /** A row still failing temporarily after this many attempts is failed. */
  maxAttempts?: number;
  /** How long a claim holds: longer than one SMTP conversation can take. */
  leaseMs?: number;
  batch?: number;
  /** A row that carries an agent's reply changed state: the console shows it on the reply. */
  onDelivery?(commentId: string, delivery: MailDelivery): Promise<void>;
}

/**
 * Drains the outbox over SMTP, at least once per row: a row is claimed, sent, then marked
 * sent. A crash after the server accepted it and before the mark leaves the row claimed;
 * the lease runs out and the row is sent again with the same Message-ID.
 */
export class OutboxSender {
  private readonly transport: Transporter;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly options: OutboxSenderOptions) {
    this.transport = nodemailer.createTransport(options.smtpUrl);
  }

  /** Sends every due row; returns how many were sent. Concurrent calls share one run, then one more. */
  drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.drain();
      }
    });
    return this.running;
  }

  /** Resolves when no run is in progress (a stopping server waits for its last marks). */
  async idle(): Promise<void> {
    this.again = false;
    await this.running?.catch(() => undefined);
  }

  close(): void {
    this.transport.close();
  }

  private async run(): Promise<number> {
    const { database, clock } = this.options;
    let sent = 0;
    for (;;) {
      const now = clock();
      const rows = await claimDueEmails(
        database,
        now,
        new Date(now.getTime() + (this.options.leaseMs ?? 5 * 60_000)),
        this.options.batch ?? 20,
      );
      if (rows.length === 0) return sent;
      for (const row of rows) if (await this.sendOne(row)) sent += 1;
    }
  }

  private async sendOne(row: OutboxRow): Promise<boolean> {
    const { database, clock, log } = this.options;
    try {
      const info = await this.transport.sendMail({
        from: this.options.mailFrom,
        to: row.to_address,
        subject: row.subject,
        text: row.body,
        ...(row.html ? { html: row.html } : {}),
        ...(row.message_id ? { messageId: row.message_id } : {}),
        ...(row.in_reply_to
          ? { inReplyTo: row.in_reply_to, references: row.references_header ?? row.in_reply_to }
          : {}),
        // Out-of-office responders must not answer what a machine sent on its own (RFC 3834).
        ...(row.kind === 'acknowledgement' ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
      });
      await markSent(database, row.id, clock());
      await this.report(row, { status: 'sent', at: clock().toISOString() });
      log.info({ emailId: row.id, kind: row.kind, response: info.response }, 'email sent');
      return true;
    } catch (error) {
      const failure = classifySendError(error);
      const giveUp = failure.kind === 'permanent' || row.attempts >= (this.options.maxAttempts ?? 12);
      if (giveUp) {
        await markFailed(database, row.id, clock(), failure.reason);
        await this.report(row, { status: 'failed', reason: failure.reason, at: clock().toISOString() });
        log.warn({ emailId: row.id, kind: row.kind, reason: failure.reason }, 'email failed; not retrying');
      } else {
        const delay = retryDelayMs(row.attempts, this.options.retryBaseMs ?? 30_000);
        await markRetry(database, row.id, new Date(clock().getTime() + delay), failure.reason);
        await this.report(row, { status: 'queued', reason: failure.reason, at: clock().toISOString() });
        log.warn({ emailId: row.id, reason: failure.reason, retryInMs: delay }, 'email not sent; will retry');
      }
      return false;
    }
  }

  private async report(row: OutboxRow, delivery: MailDelivery): Promise<void> {
    if (!row.comment_id || !this.options.onDelivery) return;
    await this.options.onDelivery(row.comment_id, {
      ...delivery,
      ...(delivery.reason ? { reason: delivery.reason.slice(0, 500) } : {}),
    });
  }
}
