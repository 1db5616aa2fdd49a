import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/index';
import { TEST_DIALECTS, startTestBackend, type TestBackend } from '../testing/test-backend';

const valid = {
  name: 'Carmen García',
  email: 'carmen@example.org',
  phone: '+34 600 000 000',
  title: 'No puedo imprimir',
  description: 'La impresora de la 2.ª planta no imprime desde ayer.',
  category: 'printing',
  impact: 3,
  urgency: 2,
};
const form = (values: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString();

describe.each(TEST_DIALECTS)('requester intake (%s)', (dialect) => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend(dialect, { requestsRateLimit: { max: 12, windowMs: 60_000 } });
  });
  afterAll(() => t?.close());

  it('serves the form in Spanish or English with a strict CSP', async () => {
    const es = await t.http.get('/', { headers: { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' } });
    expect(es.status).toBe(200);
    expect(es.headers.get('content-type')).toMatch(/^text\/html/);
    expect(es.text).toContain('<html lang="es">');
    expect(es.text).toContain('¿A cuántas personas afecta?');
    expect(es.text).toContain('Impresión');
    const csp = es.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const en = await t.http.get('/', { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(en.text).toContain('How much does it block your work?');
    expect(en.text).toContain('Printing');
  });

  it('creates a portal ticket from JSON, through the same rules as agents', async () => {
    const res = await t.http.post<{ ticketId: string; number: string }>('/api/v1/requests', valid);
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^INC-\d+$/);
    const agent = await t.login();
    const ticket = (await t.pullAll(agent)).find((c) => c.id === res.body.ticketId)
      ?.data as unknown as Ticket;
    expect(ticket).toMatchObject({
      channel: 'portal',
      status: 'new',
      priority: 4,
      requester: { name: 'Carmen García', email: 'carmen@example.org', phone: '+34 600 000 000' },
    });
    expect(ticket.audit[0]).toMatchObject({ actorId: null, action: 'ticket.create' });
  });

  it('refuses invalid requests with 400 and readable messages', async () => {
    for (const bad of [
      { ...valid, email: 'nope' },
      { ...valid, impact: 4 },
      { ...valid, category: 'unknown-thing' },
      { ...valid, title: '   ' },
      {},
    ]) {
      const res = await t.http.post('/api/v1/requests', bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'validation_failed', message: expect.any(String) } });
    }
  });

  it('accepts the HTML form post and answers with a page; user text is escaped', async () => {
    const ok = await t.http.post(
      '/api/v1/requests?lang=en',
      form({ ...valid, name: '<img src=x onerror=alert(1)>' }),
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    );
    expect(ok.status).toBe(201);
    expect(ok.text).toContain('Thank you');
    expect(ok.text).toMatch(/INC-\d+/);
    const bad = await t.http.post(
      '/api/v1/requests?lang=es',
      form({ ...valid, email: 'x', title: '"><script>alert(1)</script>' }),
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Revise estos campos');
    expect(bad.text).not.toContain('<script>alert(1)</script>');
    expect(bad.text).toContain('&quot;&gt;&lt;script&gt;');
  });

  it("tells the requester which fields to fix, in the page's language", async () => {
    const { impact: _impact, ...noImpact } = valid;
    const es = await t.http.post('/api/v1/requests?lang=es', form({ ...noImpact, email: 'carmen@' }), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(es.status).toBe(400);
    expect(es.text).toContain('Correo electrónico: escriba una dirección válida');
    expect(es.text).toContain('¿A cuántas personas afecta?: elija una de las respuestas.');
    expect(es.text).not.toMatch(/Invalid input|expected number|NaN/);
    expect(es.text).toContain('value="Carmen García"');
    const en = await t.http.post('/api/v1/requests?lang=en', form({ ...valid, category: 'nope' }), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(en.status).toBe(400);
    expect(en.text).toContain('Kind of problem: please choose one from the list.');
  });

  it('is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await t.http.post('/api/v1/requests', valid)).status);
    expect(statuses).toContain(429);
    const limited = await t.http.post('/api/v1/requests', valid);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
