import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

const DAY = 24 * 60 * 60 * 1000;
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'es' };

describe.each(TEST_DIALECTS)('requester feedback link (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestBackend(
      dialect,
      { requestsRateLimit: { max: 1000, windowMs: 60_000 } },
      { clock: () => new Date(Date.now() + offset) },
    );
    agent = await t.login();
  });
  afterAll(() => t?.close());

  /** A resolved ticket and the feedback link from the mail in the outbox. */
  async function resolvedTicket(): Promise<{ ticketId: string; link: string }> {
    const create = mutations.create({ requester: { name: 'Jordi <b>', email: 'jordi@example.org' } });
    const ticketId = create.args.ticketId;
    await t.push(agent, [
      create,
      mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }),
      mutations.of('ticket.transition', { ticketId, to: 'resolved', resolutionNote: 'Cambiado el cable' }),
    ]);
    const mail = await t.backend.services.database.db
      .selectFrom('outbound_email')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'feedback_request')
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ kind: 'feedback_request', to_address: 'jordi@example.org', sent_at: null });
    const link = /https?:\/\/\S+\/feedback\/\S+/.exec(mail.body)?.[0];
    expect(link?.startsWith(t.url)).toBe(true);
    return { ticketId, link: link!.slice(t.url.length) };
  }

  it('a resolution queues a mail with a link; the link shows a form and records the rating once', async () => {
    const { ticketId, link } = await resolvedTicket();
    const page = await t.http.get(link, { headers: { 'accept-language': 'es' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('¿Qué tal lo hicimos?');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    const sent = await t.http.post(link, 'rating=4&comment=R%C3%A1pido%20y%20amable', {
      headers: formHeaders,
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Gracias');
    const ticket = (await t.pullAll(agent)).find((c) => c.id === ticketId)?.data as unknown as Ticket;
    expect(ticket.feedback).toMatchObject({ rating: 4, comment: 'Rápido y amable' });
    expect(ticket.audit.at(-1)).toMatchObject({ action: 'ticket.feedback', actorId: null });

    const again = await t.http.post(link, 'rating=1', { headers: formHeaders });
    expect(again.status).toBe(409);
    expect((await t.http.get(link)).status).toBe(409);
  });

  it("an agent's ticket.feedback is refused and leaves the requester's single-use link working", async () => {
    const { ticketId, link } = await resolvedTicket();
    const [result] = await t.push(agent, [mutations.of('ticket.feedback', { ticketId, rating: 1 })]);
    expect(result).toMatchObject({ status: 'rejected', code: 'feedback_requester_only' });
    const ticket = (await t.pullAll(agent)).find((c) => c.id === ticketId)?.data as unknown as Ticket;
    expect(ticket.feedback).toBeNull();

    expect((await t.http.get(link)).status).toBe(200);
    expect((await t.http.post(link, 'rating=5', { headers: formHeaders })).status).toBe(200);
  });

  it('tampered, malformed and expired links are refused', async () => {
    const { link } = await resolvedTicket();
    const token = link.split('/').at(-1)!;
    const [ticketId, expiry, signature] = token.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect((await t.http.get(`/feedback/${ticketId}.${expiry}.${flip(signature!)}`)).status).toBe(403);
    expect((await t.http.get(`/feedback/${crypto.randomUUID()}.${expiry}.${signature}`)).status).toBe(403);
    expect((await t.http.get(`/feedback/${ticketId}.${Number(expiry) + 86_400}.${signature}`)).status).toBe(
      403,
    );
    expect(
      (
        await t.http.post(`/feedback/${ticketId}.${expiry}.${flip(signature!)}`, 'rating=5', {
          headers: formHeaders,
        })
      ).status,
    ).toBe(403);
    expect((await t.http.get('/feedback/garbage')).status).toBe(400);
    const long = await t.http.get(`/feedback/${'x'.repeat(300)}`);
    expect(long.status).toBe(414);
    expect(long.body).toMatchObject({ error: { code: 'uri_too_long' } });
    offset = 31 * DAY;
    expect((await t.http.get(link)).status).toBe(410);
    offset = 0;
    expect((await t.http.get(link)).status).toBe(200);
  });

  it("a post without a rating says what is missing, in the requester's language, and keeps the comment", async () => {
    const { ticketId, link } = await resolvedTicket();
    const es = await t.http.post(link, 'comment=Muy%20amables', { headers: formHeaders });
    expect(es.status).toBe(400);
    expect(es.text).toContain('Elija una valoración, de 1 (muy mal) a 5 (muy bien), y vuelva a enviar.');
    expect(es.text).toContain('>Muy amables</textarea>');
    const en = await t.http.post(`${link}?lang=en`, 'comment=', { headers: formHeaders });
    expect(en.text).toContain('Please choose a rating, from 1 (very poor) to 5 (very good), and send again.');
    const ticket = (await t.pullAll(agent)).find((c) => c.id === ticketId)?.data as unknown as Ticket;
    expect(ticket.feedback).toBeNull();
  });

  it('a bad rating re-shows the form; a reopened ticket cannot be rated', async () => {
    const { ticketId, link } = await resolvedTicket();
    expect((await t.http.post(link, 'rating=9', { headers: formHeaders })).status).toBe(400);
    await t.push(agent, [mutations.of('ticket.transition', { ticketId, to: 'in_progress' })]);
    expect((await t.http.get(link)).status).toBe(409);
    expect((await t.http.post(link, 'rating=5', { headers: formHeaders })).status).toBe(409);
  });
});
