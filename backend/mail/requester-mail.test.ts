import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { FastifyBaseLogger } from 'fastify';
import { freePort } from '../testing/free-port';
import { startMailJobs } from './mail-jobs';
import type { HttpClient } from '../testing/http-client';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../testing/smtp-receiver';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

const INTERNAL = 'NOTA-INTERNA: el cliente es difícil, no contar lo del servidor 7731';

// What the requester hears, delivered over SMTP to a real receiving server.
describe.each(TEST_DIALECTS)('mail to the requester (%s)', (dialect) => {
  let t: TestBackend;
  let smtp: SmtpReceiver;
  let agent: HttpClient;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestBackend(
      dialect,
      { smtpUrl: smtp.url, mailFrom: 'Mesa Soporte <soporte@mesa.example>', mailPollMs: 200 },
      { mailRetryBaseMs: 100 },
    );
    agent = await t.login();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address));
  async function waitForMails(address: string, count: number): Promise<ReceivedMail[]> {
    const deadline = Date.now() + 20_000;
    while (mailsTo(address).length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} mails to ${address}, got ${mailsTo(address).length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return mailsTo(address);
  }
  const outboxRows = (ticketId: string) =>
    t.backend.services.database.db
      .selectFrom('outbound_email')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at')
      .execute();
  async function waitForRow(ticketId: string, kind: string, status: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const row = (await outboxRows(ticketId)).find((r) => r.kind === kind);
      if (row?.status === status) return row;
      if (Date.now() > deadline) throw new Error(`${kind} is ${row?.status}, not ${status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('a portal request in English hears, in English and in one thread: receipt, reply, question, resolution; never the internal note', async () => {
    const email = `ana.${dialect}@example.org`;
    const created = await t.http.post<{ ticketId: string; number: string }>('/api/v1/requests?lang=en', {
      name: 'Ana Smith',
      email,
      title: 'VPN drops every hour',
      description: 'Since Monday.',
      category: 'network',
      impact: 3,
      urgency: 2,
    });
    expect(created.status).toBe(201);
    const { ticketId, number } = created.body;
    const [ack] = await waitForMails(email, 1);
    expect(ack!.parsed.subject).toBe(`[${number}] We have received your request: VPN drops every hour`);
    expect(ack!.parsed.text).toContain(`logged it as ${number}`);
    expect(ack!.parsed.text).toMatch(new RegExp(`${t.url}/t/\\S+`));
    expect(ack!.parsed.from?.text).toContain('soporte@mesa.example');
    expect(ack!.parsed.headers.get('auto-submitted')).toBe('auto-replied');

    await t.push(agent, [
      mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }),
      mutations.of('comment.add', { ticketId, commentId: uuidv7(), body: INTERNAL, visibility: 'internal' }),
      mutations.of('comment.add', {
        ticketId,
        commentId: uuidv7(),
        body: 'Please restart the VPN client.',
        visibility: 'public',
      }),
      mutations.of('ticket.transition', {
        ticketId,
        to: 'pending',
        pendingReason: 'Which version of the client do you run?',
      }),
    ]);
    await t.push(agent, [
      mutations.of('ticket.transition', { ticketId, to: 'in_progress' }),
      mutations.of('ticket.transition', {
        ticketId,
        to: 'resolved',
        resolutionNote: 'Updated the client to 5.2.',
      }),
    ]);
    const all = await waitForMails(email, 4);
    const [, reply, pending, resolved] = all;
    expect(reply!.parsed.subject).toBe(`[${number}] New reply to your request: VPN drops every hour`);
    expect(reply!.parsed.text).toContain('Please restart the VPN client.');
    expect(pending!.parsed.subject).toContain(`[${number}] We need more information`);
    expect(pending!.parsed.text).toContain('Which version of the client do you run?');
    expect(resolved!.parsed.subject).toContain(`[${number}] Your request is resolved`);
    expect(resolved!.parsed.text).toContain('Updated the client to 5.2.');
    expect(resolved!.parsed.text).toMatch(new RegExp(`${t.url}/feedback/\\S+`));
    expect(resolved!.parsed.html).toContain('<a href=');

    // One thread: every mail answers the ticket's thread id, each with its own Message-ID.
    const thread = ack!.parsed.inReplyTo;
    expect(thread).toMatch(/^<mesa\.ticket\..+@mesa\.example>$/);
    for (const mail of all) {
      expect(mail.parsed.inReplyTo).toBe(thread);
      expect(mail.parsed.references).toEqual(thread);
    }
    expect(new Set(all.map((m) => m.parsed.messageId)).size).toBe(4);

    // The server accepted the last mail a moment before its row and its reply are marked.
    for (const kind of ['acknowledgement', 'public_reply', 'pending', 'feedback_request'])
      await waitForRow(ticketId, kind, 'sent');
    const rows = await outboxRows(ticketId);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    let comments: Awaited<ReturnType<typeof t.pullAll>> = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      comments = (await t.pullAll(agent)).filter(
        (c) => c.entity === 'comment' && rows.some((r) => r.comment_id === c.id),
      );
      if (comments.every((c) => (c.data as { delivery?: { status: string } }).delivery?.status === 'sent'))
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(comments.map((c) => (c.data as { delivery?: { status: string } }).delivery?.status)).toEqual([
      'sent',
    ]);
    expect(rows.map((r) => r.message_id)).toEqual(all.map((m) => m.parsed.messageId));
    // The internal note is nowhere: not in any column of any outbox row, not in any mail.
    const everything = JSON.stringify(
      await t.backend.services.database.db.selectFrom('outbound_email').selectAll().execute(),
    );
    expect(everything).not.toContain('7731');
    expect(everything).not.toContain('NOTA-INTERNA');
    for (const mail of smtp.received) expect(mail.raw).not.toContain('7731');
  });

  it('speaks Spanish when the requester language is unknown (a ticket an agent logged)', async () => {
    const email = `luis.${dialect}@example.org`;
    const create = mutations.create({ requester: { name: 'Luis Pérez', email } });
    await t.push(agent, [create]);
    const [ack] = await waitForMails(email, 1);
    expect(ack!.parsed.subject).toMatch(/^\[INC-\d+\] Hemos recibido su solicitud: La impresora no imprime$/);
    expect(ack!.parsed.text).toContain('Hola, Luis Pérez:');
  });

  it('a temporary refusal (451) is retried with the same Message-ID until the server accepts', async () => {
    const email = `greylisted.${dialect}@example.org`;
    smtp.refuseNext(2, 451, '4.7.1 Greylisted, try again later');
    const create = mutations.create({ requester: { name: 'Grey', email } });
    await t.push(agent, [create]);
    const row = await waitForRow(create.args.ticketId, 'acknowledgement', 'sent');
    expect(row.attempts).toBe(3);
    const mails = await waitForMails(email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.messageId).toBe(row.message_id);
  });

  it("a permanent refusal (550) fails the row with the server's reason, and nothing retries it", async () => {
    const email = `nobody.${dialect}@example.org`;
    smtp.unknownMailbox(email);
    const create = mutations.create({ requester: { name: 'Nobody', email } });
    await t.push(agent, [create]);
    const row = await waitForRow(create.args.ticketId, 'acknowledgement', 'failed');
    expect(row.last_error).toContain('550');
    expect(row.last_error).toContain('No such mailbox');
    expect(row.attempts).toBe(1);

    // An agent's reply to them carries the failure, with the server's words, to the console.
    const commentId = uuidv7();
    await t.push(agent, [
      mutations.of('comment.add', {
        ticketId: create.args.ticketId,
        commentId,
        body: '¿Sigue fallando?',
        visibility: 'public',
      }),
    ]);
    await waitForRow(create.args.ticketId, 'public_reply', 'failed');
    // The reply learns of the failure just after the row is marked.
    const deadline = Date.now() + 20_000;
    const failedReply = async () =>
      (await t.pullAll(agent)).filter((c) => c.entity === 'comment' && c.id === commentId).at(-1);
    let pulled = await failedReply();
    while (
      (pulled?.data as { delivery?: { status: string } })?.delivery?.status !== 'failed' &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
      pulled = await failedReply();
    }
    expect(pulled?.data).toMatchObject({
      delivery: { status: 'failed', reason: expect.stringContaining('550') },
    });
  });

  it('a line break in a title or a name never adds a header', async () => {
    const email = `inject.${dialect}@example.org`;
    const create = mutations.create({
      title: 'Impresora\r\nBcc: victim@evil.example',
      requester: { name: 'Eve\r\nX-Injected: yes', email },
    });
    const [result] = await t.push(agent, [create]);
    // The title is a one-line field: the rules may refuse it outright; if it is kept, the mail must stay clean.
    if (result!.status !== 'applied') return;
    const [mail] = await waitForMails(email, 1);
    expect(mail!.to).toEqual([email]);
    expect(mail!.parsed.headers.has('bcc')).toBe(false);
    expect(mail!.parsed.headers.has('x-injected')).toBe(false);
    const headerBlock = mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^(Bcc|X-Injected):/im);
  });

  it('a crash between sending and marking sends the row again, with the same Message-ID, once its claim runs out', async () => {
    const { claimDueEmails } = await import('./outbox-store');
    const { sender } = t.backend.mail;
    await sender!.idle();
    const email = `crash.${dialect}@example.org`;
    // The sender dies holding a claim: write the row by hand as a crashed sender leaves it.
    const id = uuidv7();
    const now = new Date();
    await t.backend.services.database.db
      .insertInto('outbound_email')
      .values({
        id,
        kind: 'public_reply',
        to_address: email,
        subject: '[INC-1] crash',
        body: 'crash',
        html: null,
        lang: 'es',
        ticket_id: null,
        comment_id: null,
        message_id: `<mesa.mail.${id}@mesa.example>`,
        in_reply_to: null,
        references_header: null,
        created_at: now.toISOString(),
        next_attempt_at: now.toISOString(),
        sent_at: null,
        status: 'queued',
        attempts: 1,
        lease_until: new Date(now.getTime() + 60 * 60_000).toISOString(),
        last_error: null,
        failed_at: null,
      })
      .execute();
    await sender!.drain();
    expect(mailsTo(email)).toHaveLength(0);
    // An hour later the claim has run out and the row is due again.
    const later = new Date(now.getTime() + 61 * 60_000);
    const claimed = await claimDueEmails(
      t.backend.services.database,
      later,
      new Date(later.getTime() + 1000),
      100,
    );
    expect(claimed.map((r) => r.id)).toContain(id);
  });

  it('two senders claiming at once never take the same row', async () => {
    const { claimDueEmails } = await import('./outbox-store');
    const { openDatabase } = await import('../storage/database');
    await t.backend.mail.sender!.idle();
    const other = await openDatabase({
      dataDir: t.dataDir,
      ...(t.databaseUrl ? { databaseUrl: t.databaseUrl } : {}),
    });
    try {
      const future = new Date(Date.now() + 24 * 60 * 60_000);
      const ids = Array.from({ length: 30 }, () => uuidv7());
      await t.backend.services.database.db
        .insertInto('outbound_email')
        .values(
          ids.map((id) => ({
            id,
            kind: 'public_reply',
            to_address: 'x@example.org',
            subject: 's',
            body: 'b',
            html: null,
            lang: 'es',
            ticket_id: null,
            comment_id: null,
            message_id: null,
            in_reply_to: null,
            references_header: null,
            created_at: future.toISOString(),
            next_attempt_at: future.toISOString(),
            sent_at: null,
            status: 'queued' as const,
            attempts: 0,
            lease_until: null,
            last_error: null,
            failed_at: null,
          })),
        )
        .execute();
      const lease = new Date(future.getTime() + 60_000);
      const claims = await Promise.all(
        [t.backend.services.database, other, t.backend.services.database, other].map((db) =>
          claimDueEmails(db, future, lease, 10),
        ),
      );
      const taken = claims
        .flat()
        .map((r) => r.id)
        .filter((id) => ids.includes(id));
      expect(new Set(taken).size).toBe(taken.length);
      expect(taken.length).toBe(30);
    } finally {
      await other.close();
    }
  });
});

describe('mail when the SMTP server is down', () => {
  it('keeps the row queued and retries later, with the reason, when the connection is refused', async () => {
    const port = await freePort();
    const t = await startTestBackend(
      'sqlite',
      { smtpUrl: `smtp://mesa:secret@127.0.0.1:${port}`, mailPollMs: 100 },
      { mailRetryBaseMs: 60_000 },
    );
    try {
      const agent = await t.login();
      const create = mutations.create();
      await t.push(agent, [create]);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const row = await t.backend.services.database.db
          .selectFrom('outbound_email')
          .selectAll()
          .where('ticket_id', '=', create.args.ticketId)
          .executeTakeFirstOrThrow();
        if (row.last_error) {
          expect(row).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
          expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
          expect(Date.parse(row.next_attempt_at!)).toBeGreaterThan(Date.now() + 30_000);
          break;
        }
        if (Date.now() > deadline) throw new Error('the sender never tried');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await t.close();
    }
  });

  it('without an SMTP URL, mail is kept in the outbox and the log says once, at start, that it is not sent', async () => {
    const t = await startTestBackend('sqlite');
    try {
      const agent = await t.login();
      const create = mutations.create();
      await t.push(agent, [create]);
      const lines: string[] = [];
      const capture = (_fields: object, message?: string) => void lines.push(message ?? '');
      const logger = {
        warn: capture,
        info: capture,
        error: capture,
        debug: capture,
      } as unknown as FastifyBaseLogger;
      const jobs = await startMailJobs(t.backend.services, logger);
      await jobs.stop();
      expect(lines.filter((l) => l.startsWith('mail is not being sent'))).toHaveLength(1);
      const row = await t.backend.services.database.db
        .selectFrom('outbound_email')
        .selectAll()
        .where('ticket_id', '=', create.args.ticketId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ kind: 'acknowledgement', status: 'queued', attempts: 0 });
    } finally {
      await t.close();
    }
  });
});
