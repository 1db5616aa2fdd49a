import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, Ticket } from '../../shared/index';
import { startDovecot, requireDovecotForTests, type DovecotServer } from '../testing/dovecot-server';
import type { HttpClient } from '../testing/http-client';
import { PIXEL_PNG, rawMail } from '../testing/mail-fixtures';
import { startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

const dovecot = requireDovecotForTests();

// Replies and requests read from a real Dovecot mailbox, filled over IMAP by the test.
describe.skipIf(!dovecot).each(TEST_DIALECTS)('mail from requesters (%s)', (dialect) => {
  let mailbox: DovecotServer;
  let smtp: SmtpReceiver;
  let t: TestBackend;
  let agent: HttpClient;
  const start = (overrides: { databaseUrl?: string; dataDir?: string } = {}) =>
    startTestBackend(
      dialect,
      {
        smtpUrl: smtp.url,
        imapUrl: mailbox.url,
        mailFrom: 'Soporte <soporte@mesa.example>',
        mailPollMs: 300,
      },
      overrides,
    );
  beforeAll(async () => {
    [mailbox, smtp] = await Promise.all([startDovecot(), startSmtpReceiver()]);
    t = await start();
    agent = await t.login();
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([mailbox?.stop(), smtp?.close()]);
  });

  const db = () => t.backend.services.database.db;
  async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const ticket = async (id: string): Promise<Ticket> =>
    JSON.parse(
      (await db().selectFrom('tickets').select('data').where('id', '=', id).executeTakeFirstOrThrow()).data,
    ) as Ticket;
  const comments = async (ticketId: string): Promise<Comment[]> =>
    (
      await db()
        .selectFrom('comments')
        .select('data')
        .where('ticket_id', '=', ticketId)
        .orderBy('created_at')
        .execute()
    ).map((r) => JSON.parse(r.data) as Comment);
  const ticketsFrom = async (email: string): Promise<Ticket[]> =>
    (await db().selectFrom('tickets').select('data').orderBy('created_at').execute())
      .map((r) => JSON.parse(r.data) as Ticket)
      .filter((x) => x.requester.email === email);
  const inboundOutcome = (messageId: string) =>
    eventually(
      async () =>
        (await db()
          .selectFrom('inbound_email')
          .selectAll()
          .where('message_id', '=', messageId)
          .executeTakeFirst()) ?? undefined,
      `inbound ${messageId}`,
    );

  /** A ticket of this requester, answered by an agent and waiting on them (pending). */
  async function pendingTicket(email: string): Promise<{ ticketId: string; number: string; thread: string }> {
    const create = mutations.create({ requester: { name: 'Marta Ruiz', email } });
    const ticketId = create.args.ticketId;
    await t.push(agent, [
      create,
      mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }),
      mutations.of('ticket.transition', {
        ticketId,
        to: 'pending',
        pendingReason: '¿Qué modelo de impresora es?',
      }),
    ]);
    const question = await eventually(
      async () =>
        smtp.received.find((m) => m.to.includes(email) && /Necesitamos/.test(m.parsed.subject ?? '')),
      'the pending mail',
    );
    return { ticketId, number: (await ticket(ticketId)).number!, thread: question.parsed.messageId! };
  }

  it('a reply with quoted history and a picture becomes the requester’s comment with the file, and brings the pending ticket back', async () => {
    const email = `marta.${dialect}@example.org`;
    const { ticketId, number, thread } = await pendingTicket(email);
    const messageId = `<reply-1.${dialect}@requester.example>`;
    await mailbox.deliver(
      rawMail({
        from: `Marta Ruiz <${email}>`,
        subject: `Re: [${number}] Necesitamos más información`,
        messageId,
        inReplyTo: thread,
        references: thread,
        text: `Es una HP LaserJet 4250.\n\nEl lun, 7 dic 2026 a las 10:00, Soporte <soporte@mesa.example> escribió:\n> ¿Qué modelo de impresora es?\n> Saludos`,
        png: PIXEL_PNG,
      }),
    );
    const [reply] = await eventually(async () => {
      const found = (await comments(ticketId)).filter((c) => c.authorId === null);
      return found.length ? found : undefined;
    }, 'the reply comment');
    expect(reply).toMatchObject({
      body: 'Es una HP LaserJet 4250.',
      visibility: 'public',
      channel: 'email',
      authorName: 'Marta Ruiz',
    });
    expect(reply!.attachments).toHaveLength(1);
    const attachment = await db()
      .selectFrom('attachments')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(attachment.data)).toMatchObject({
      fileName: 'pantalla.png',
      contentType: 'image/png',
      commentId: reply!.id,
    });
    const after = await ticket(ticketId);
    expect(after.status).toBe('in_progress');
    expect(after.sla?.resolution.status).toBe('running');
    expect((await inboundOutcome(messageId)).outcome).toBe('reply');
    // Marked \Seen in the mailbox once applied.
    await eventually(
      async () => ([...(await mailbox.flags()).values()].every((f) => f.has('\\Seen')) ? true : undefined),
      '\\Seen',
    );
  });

  it('the same message delivered twice is applied once', async () => {
    const email = `dup.${dialect}@example.org`;
    const { ticketId, number } = await pendingTicket(email);
    const raw = rawMail({
      from: email,
      subject: `Re: [${number}] Necesitamos más información`,
      messageId: `<dup.${dialect}@requester.example>`,
      text: 'Una Brother.',
    });
    await mailbox.deliver(raw);
    await mailbox.deliver(raw);
    await eventually(
      async () =>
        (await mailbox.flags()).size && [...(await mailbox.flags()).values()].every((f) => f.has('\\Seen'))
          ? true
          : undefined,
      'both read',
    );
    expect((await comments(ticketId)).filter((c) => c.body === 'Una Brother.')).toHaveLength(1);
  });

  it('auto-replies, bounces and our own mail coming back never become comments or tickets', async () => {
    const email = `ooo.${dialect}@example.org`;
    const { ticketId, number, thread } = await pendingTicket(email);
    const cases: Array<{ id: string; headers: Record<string, string> }> = [
      { id: `<ooo.${dialect}@x>`, headers: { 'Auto-Submitted': 'auto-replied' } },
      { id: `<bulk.${dialect}@x>`, headers: { Precedence: 'auto_reply' } },
      { id: `<bounce.${dialect}@x>`, headers: { 'Return-Path': '<>' } },
      { id: `<mesa.mail.00000000-0000-7000-8000-000000000001@mesa.example>`, headers: {} },
    ];
    for (const c of cases)
      await mailbox.deliver(
        rawMail({
          from: email,
          subject: `Re: [${number}] fuera de la oficina`,
          messageId: c.id,
          inReplyTo: thread,
          headers: c.headers,
          text: 'Estoy de vacaciones',
        }),
      );
    for (const c of cases) expect((await inboundOutcome(c.id)).outcome).toBe('ignored');
    expect((await comments(ticketId)).filter((c) => c.authorId === null)).toEqual([]);
    expect((await ticket(ticketId)).status).toBe('pending');
    expect(await ticketsFrom(email)).toHaveLength(1);
  });

  it("a stranger's reply does not post on the ticket: it opens a new one, and the reason is recorded", async () => {
    const email = `owner.${dialect}@example.org`;
    const stranger = `stranger.${dialect}@example.org`;
    const { ticketId, number, thread } = await pendingTicket(email);
    const messageId = `<stranger.${dialect}@x>`;
    await mailbox.deliver(
      rawMail({
        from: stranger,
        subject: `Re: [${number}] info`,
        messageId,
        inReplyTo: thread,
        text: 'Soy otra persona',
      }),
    );
    const row = await inboundOutcome(messageId);
    expect(row.outcome).toBe('new_ticket');
    expect(row.reason).toContain('is not the requester');
    expect((await comments(ticketId)).filter((c) => c.authorId === null)).toEqual([]);
    const [opened] = await ticketsFrom(stranger);
    expect(opened).toMatchObject({ channel: 'email', description: 'Soy otra persona' });
  });

  it('a new message opens a ticket by email, acknowledged in the same thread; its reply lands on it', async () => {
    const email = `nueva.${dialect}@example.org`;
    const messageId = `<new.${dialect}@requester.example>`;
    await mailbox.deliver(
      rawMail({
        from: `"Pedro \\"IT\\" Gil" <${email}>`,
        subject: 'No puedo entrar en el ERP',
        messageId,
        html: '<p>Me da <b>error 500</b></p><script>alert(1)</script>',
      }),
    );
    const [opened] = await eventually(async () => {
      const found = await ticketsFrom(email);
      return found.length ? found : undefined;
    }, 'the new ticket');
    expect(opened).toMatchObject({ title: 'No puedo entrar en el ERP', channel: 'email', status: 'new' });
    expect(opened!.description).toContain('error 500');
    expect(opened!.description).not.toContain('<script');
    const ack = await eventually(
      async () => smtp.received.find((m) => m.to.includes(email)),
      'the acknowledgement',
    );
    expect(ack.parsed.subject).toContain(`[${opened!.number}]`);
    expect(ack.parsed.inReplyTo).toBe(messageId);

    await mailbox.deliver(
      rawMail({
        from: email,
        subject: `Re: ${ack.parsed.subject}`,
        inReplyTo: ack.parsed.messageId,
        references: `${messageId} ${ack.parsed.messageId}`,
        text: 'Ya puedo, gracias',
      }),
    );
    await eventually(
      async () =>
        (await comments(opened!.id)).some((c) => c.body === 'Ya puedo, gracias') ? true : undefined,
      'the reply',
    );
    expect(await ticketsFrom(email)).toHaveLength(1);
  });

  it('bad input: broken MIME, 10,000 recipients and a header injection in the subject are each handled, nothing lost', async () => {
    const broken = `<broken.${dialect}@x>`;
    await mailbox.deliver(
      `From: roto.${dialect}@example.org\r\nSubject: roto\r\nMessage-ID: ${broken}\r\nContent-Type: multipart/mixed; boundary="nunca"\r\n\r\n--nunca\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%no-base64%%%\r\n`,
    );
    const many = `<many.${dialect}@x>`;
    const to = Array.from({ length: 10_000 }, (_, i) => `u${i}@example.org`).join(', ');
    await mailbox.deliver(
      rawMail({
        from: `muchos.${dialect}@example.org`,
        to,
        subject: 'Para todos',
        messageId: many,
        text: 'hola',
      }),
    );
    const injected = `<inject.${dialect}@x>`;
    const evil = `=?UTF-8?B?${Buffer.from('Ayuda\r\nBcc: victim@evil.example').toString('base64')}?=`;
    await mailbox.deliver(
      rawMail({
        from: `Eve =?UTF-8?B?${Buffer.from('X\r\nX-Evil: 1').toString('base64')}?= <eve.${dialect}@example.org>`,
        subject: evil,
        messageId: injected,
        text: 'hola',
      }),
    );

    for (const id of [broken, many, injected])
      expect(['new_ticket', 'unparsable']).toContain((await inboundOutcome(id)).outcome);
    expect(await ticketsFrom(`muchos.${dialect}@example.org`)).toHaveLength(1);
    const [eve] = await ticketsFrom(`eve.${dialect}@example.org`);
    expect(eve!.title).toBe('Ayuda Bcc: victim@evil.example');
    const ack = await eventually(
      async () => smtp.received.find((m) => m.to.includes(`eve.${dialect}@example.org`)),
      'the acknowledgement',
    );
    const headers = ack.raw.slice(0, ack.raw.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^(Bcc|X-Evil):/im);
    expect(ack.to).toEqual([`eve.${dialect}@example.org`]);
  });

  it('a 50 MB message is not downloaded: it stays in the mailbox, flagged, and the log says why', async () => {
    const messageId = `<huge.${dialect}@x>`;
    const huge = rawMail({
      from: `huge.${dialect}@example.org`,
      subject: 'Vídeo',
      messageId,
      text: 'x'.repeat(50 * 1024 * 1024),
    });
    await mailbox.deliver(huge);
    const row = await inboundOutcome(messageId);
    expect(row.outcome).toBe('too_large');
    expect(row.reason).toContain('over the');
    expect(await ticketsFrom(`huge.${dialect}@example.org`)).toEqual([]);
    const flagged = [...(await mailbox.flags()).values()].filter((f) => f.has('\\Flagged'));
    expect(flagged).toHaveLength(1);
  });

  it('a message that arrives while the backend is down is read once it is back', async () => {
    const { dataDir, databaseUrl } = t;
    await t.backend.close();
    const email = `offline.${dialect}@example.org`;
    const messageId = `<offline.${dialect}@x>`;
    await mailbox.deliver(rawMail({ from: email, subject: 'Mientras dormíais', messageId, text: 'hola' }));
    t = await start({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    agent = await t.login();
    expect((await inboundOutcome(messageId)).outcome).toBe('new_ticket');
    expect(await ticketsFrom(email)).toHaveLength(1);
  });
});

// Two instances on one PostgreSQL database reading one mailbox: each message applied once.
describe.skipIf(!dovecot || !TEST_DIALECTS.includes('postgres'))(
  'mail from requesters, two instances (postgres)',
  () => {
    it('every message becomes exactly one ticket although both instances read it', async () => {
      const mailbox = await startDovecot();
      const settings = { imapUrl: mailbox.url, mailFrom: 'Soporte <soporte@mesa.example>', mailPollMs: 100 };
      const a = await startTestBackend('postgres', settings);
      const b = await startTestBackend('postgres', settings, {
        databaseUrl: a.databaseUrl!,
        dataDir: a.dataDir,
      });
      try {
        const senders = Array.from({ length: 8 }, (_, i) => `twice.${i}@example.org`);
        for (const from of senders)
          await mailbox.deliver(rawMail({ from, subject: `Petición de ${from}`, text: 'hola' }));
        const db = a.backend.services.database.db;
        const deadline = Date.now() + 30_000;
        while (
          (await db.selectFrom('inbound_email').select('message_id').execute()).length < senders.length
        ) {
          if (Date.now() > deadline) throw new Error('not every message was read');
          await new Promise((r) => setTimeout(r, 100));
        }
        // Both pollers have had their turn at every message by now.
        await Promise.all([a.backend.mail.poller!.poll(), b.backend.mail.poller!.poll()]);
        const tickets = (await db.selectFrom('tickets').select('data').execute())
          .map((r) => JSON.parse(r.data) as Ticket)
          .filter((x) => x.requester.email.startsWith('twice.'));
        expect(tickets.map((x) => x.requester.email).sort()).toEqual([...senders].sort());
      } finally {
        await b.close();
        await a.close();
        await mailbox.stop();
      }
    });
  },
);
