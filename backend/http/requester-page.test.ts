import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { Readable } from 'node:stream';
import type { Comment, Ticket } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  startTestBackend,
  mutations,
  type TestBackend,
} from '../testing/test-backend';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

// The page every mail links to: no account, a signed per-ticket link.
describe.each(TEST_DIALECTS)("the requester's page (%s)", (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  beforeAll(async () => {
    t = await startTestBackend(dialect, { requestsRateLimit: { max: 1000, windowMs: 60_000 } });
    agent = await t.login();
  });
  afterAll(() => t?.close());

  const db = () => t.backend.services.database.db;
  /** A portal request in Spanish, answered publicly and privately, waiting on the requester; its link from the acknowledgement. */
  async function pendingRequest(): Promise<{ ticketId: string; number: string; link: string }> {
    const created = await t.http.post<{ ticketId: string; number: string }>('/api/v1/requests?lang=es', {
      name: 'Rosa <b>Díaz</b>',
      email: 'rosa@example.org',
      title: 'Pantalla <script>alert(1)</script> negra',
      description: 'No enciende.\nDesde ayer.',
      category: 'hardware',
      impact: 3,
      urgency: 2,
    });
    const { ticketId, number } = created.body;
    await t.push(agent, [
      mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }),
      mutations.of('comment.add', {
        ticketId,
        commentId: uuidv7(),
        body: 'Probamos con otro cable.',
        visibility: 'public',
      }),
      mutations.of('comment.add', {
        ticketId,
        commentId: uuidv7(),
        body: 'SECRETO interno 4411',
        visibility: 'internal',
      }),
      mutations.of('ticket.transition', { ticketId, to: 'pending', pendingReason: '¿Parpadea la luz?' }),
    ]);
    const ack = await db()
      .selectFrom('outbound_email')
      .select('body')
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'acknowledgement')
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+\/t\/\S+/.exec(ack.body)![0].slice(t.url.length);
    return { ticketId, number, link };
  }

  it('shows the number, the status in plain words and the public conversation, escaped, never the internal note', async () => {
    const { number, link } = await pendingRequest();
    const page = await t.http.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain(number);
    expect(page.text).toContain('En espera de su respuesta');
    expect(page.text).toContain('Probamos con otro cable.');
    expect(page.text).toContain('No enciende.<br />Desde ayer.');
    expect(page.text).not.toContain('4411');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;script&gt;');
    expect(page.text).toContain('name="viewport"');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await t.http.get(`${link}?lang=en`)).text).toContain('Waiting for your answer');
  });

  it('a reply posts like an email reply: a public comment by the requester, and the pending ticket goes back to work', async () => {
    const { ticketId, link } = await pendingRequest();
    const sent = await t.http.post(link, 'body=S%C3%AD%2C+parpadea+en+naranja.', { headers: form });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Hemos recibido su respuesta');
    expect(sent.text).toContain('Sí, parpadea en naranja.');
    const comments = (
      await db().selectFrom('comments').select('data').where('ticket_id', '=', ticketId).execute()
    ).map((r) => JSON.parse(r.data) as Comment);
    expect(comments.find((c) => c.authorId === null)).toMatchObject({
      body: 'Sí, parpadea en naranja.',
      channel: 'page',
      visibility: 'public',
    });
    const ticket = JSON.parse(
      (await db().selectFrom('tickets').select('data').where('id', '=', ticketId).executeTakeFirstOrThrow())
        .data,
    ) as Ticket;
    expect(ticket.status).toBe('in_progress');

    const empty = await t.http.post(link, 'body=+++', { headers: form });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Escriba su respuesta antes de enviarla.');
  });

  it('a forged or revoked link shows nothing of the ticket', async () => {
    const { ticketId, link } = await pendingRequest();
    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await t.http.get(forged)).status).toBe(404);
    expect((await agent.post(`/api/v1/tickets/${ticketId}/requester-link/revoke`, {})).status).toBe(204);
    const revoked = await t.http.get(link);
    expect(revoked.status).toBe(404);
    expect(revoked.text).not.toContain('Pantalla');
    expect((await t.http.post(link, 'body=hola', { headers: form })).status).toBe(404);
  });

  it("lists the requester's files and those on public replies, never a file on an internal note", async () => {
    const { ticketId, link } = await pendingRequest();
    const PNG = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const PDF = Buffer.from('%PDF-1.4\n% interno\n');
    const { createHash } = await import('node:crypto');
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    for (const bytes of [PNG, PDF]) await t.backend.services.blobs.put(hash(bytes), Readable.from([bytes]));
    const publicNote = uuidv7();
    const internalNote = uuidv7();
    const results = await t.push(agent, [
      mutations.of('comment.add', {
        ticketId,
        commentId: publicNote,
        body: 'Mire la captura.',
        visibility: 'public',
        attachments: [hash(PNG)],
      }),
      mutations.of('attachment.add', {
        attachmentId: uuidv7(),
        ticketId,
        commentId: publicNote,
        sha256: hash(PNG),
        fileName: 'captura.png',
        contentType: 'image/png',
        size: PNG.length,
      }),
      mutations.of('comment.add', {
        ticketId,
        commentId: internalNote,
        body: 'Informe interno',
        visibility: 'internal',
        attachments: [hash(PDF)],
      }),
      mutations.of('attachment.add', {
        attachmentId: uuidv7(),
        ticketId,
        commentId: internalNote,
        sha256: hash(PDF),
        fileName: 'informe-interno.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const page = await t.http.get(link);
    expect(page.text).toContain('captura.png');
    expect(page.text).not.toContain('informe-interno.pdf');
    expect((await t.http.get(`${link}/files/${hash(PNG)}`)).status).toBe(200);
    expect((await t.http.get(`${link}/files/${hash(PDF)}`)).status).toBe(404);
  });
});

describe("the requester's page is rate-limited", () => {
  it('answers 429 once an address has asked too often', async () => {
    const t = await startTestBackend('sqlite', { requestsRateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const forged = '/t/01900000-0000-7000-8000-000000000999.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      expect((await t.http.get(forged)).status).toBe(404);
      expect((await t.http.get(forged)).status).toBe(404);
      const limited = await t.http.get<{ error: { code: string } }>(forged);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
    } finally {
      await t.close();
    }
  });
});
