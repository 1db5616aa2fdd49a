import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, SlaPolicy, Ticket } from '../../shared/index';
import { computeSlaReport, type SlaReport } from '../../shared/reports/index';
import {
  FIXTURE_EXPECTED_GROUPS,
  FIXTURE_EXPECTED_TOTAL,
  FIXTURE_FROM,
  FIXTURE_NOW,
  FIXTURE_TICKETS,
  FIXTURE_TO,
} from '../../shared/reports/sla-report.fixture';
import type { HttpClient } from '../testing/http-client';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';
import { ticketPagesCreatedAround } from '../storage/report-rows';
import { saveTicket } from '../storage/ticket-rows';

const HOUR = 3_600_000;
const reportUrl = (from: string, to: string, groupBy: string) =>
  `/api/v1/reports/sla?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=${groupBy}`;

describe.each(TEST_DIALECTS)('GET /api/v1/reports/sla (%s)', (dialect) => {
  let t: TestBackend;
  let admin: HttpClient;
  let now = Date.parse(FIXTURE_NOW);
  beforeAll(async () => {
    t = await startTestBackend(dialect, {}, { clock: () => new Date(now) });
    for (const ticket of FIXTURE_TICKETS) await saveTicket(t.backend.services.database.db, ticket);
    admin = await t.login('admin@example.com');
  });
  afterAll(() => t?.close());

  for (const groupBy of ['team', 'agent', 'category', 'priority'] as const) {
    it(`gives the fixture's hand-computed figures grouped by ${groupBy}`, async () => {
      const res = await admin.get<SlaReport>(reportUrl(FIXTURE_FROM, FIXTURE_TO, groupBy));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: FIXTURE_FROM,
        to: FIXTURE_TO,
        groupBy,
        total: FIXTURE_EXPECTED_TOTAL,
        groups: FIXTURE_EXPECTED_GROUPS[groupBy],
      });
    });
  }

  it('takes the period in any offset: the same instants give the same report', async () => {
    const res = await admin.get<SlaReport>(
      reportUrl('2026-03-01T01:00:00+01:00', '2026-04-08T02:00:00+02:00', 'team'),
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual(FIXTURE_EXPECTED_TOTAL);
  });

  it('agrees with the console computing the same report from what it pulls', async () => {
    const start = now;
    try {
      const agent = await t.login();
      const answered = mutations.create({ impact: 1, urgency: 1 });
      const ignored = mutations.create({ impact: 3, urgency: 3 });
      await t.push(agent, [answered, ignored]);
      now += HOUR;
      await t.push(agent, [
        mutations.of('ticket.assign', { ticketId: answered.args.ticketId, assigneeId: DEMO_IDS.agent }),
        mutations.of('ticket.transition', { ticketId: answered.args.ticketId, to: 'in_progress' }),
      ]);
      // A month on, both clocks of the unanswered ticket are past due; sessions have expired.
      now += 30 * 24 * HOUR;
      const [lead, desk] = [await t.login('admin@example.com'), await t.login()];
      const from = new Date(start - HOUR).toISOString();
      const to = new Date(start + HOUR).toISOString();
      const res = await lead.get<SlaReport>(reportUrl(from, to, 'agent'));
      expect(res.status).toBe(200);
      expect(res.body.total.tickets).toBe(2);

      // What the console caches: the tickets and the SLA policies, as pulled.
      const pulled = await t.pullAll(desk);
      const pulledOf = <T>(entity: string) =>
        pulled
          .filter((change) => change.entity === entity && change.data)
          .map((change) => change.data as unknown as T);
      const inConsole = computeSlaReport({
        tickets: pulledOf<Ticket>('ticket'),
        policies: new Map(pulledOf<SlaPolicy>('sla_policy').map((policy) => [policy.id, policy])),
        from: new Date(from),
        to: new Date(to),
        groupBy: 'agent',
        now: new Date(now),
      });
      expect(res.body).toEqual(inConsole);
      expect(res.body.total.resolution).toMatchObject({ breached: 2, met: 0 });
    } finally {
      now = start;
    }
  });

  it('reads the stored tickets in pages that together hold each ticket once', async () => {
    const read = async (pageSize: number) => {
      const pages: string[][] = [];
      const pagesOf = ticketPagesCreatedAround(
        t.backend.services.database.db,
        new Date(FIXTURE_FROM),
        new Date(FIXTURE_TO),
        pageSize,
      );
      for await (const page of pagesOf) pages.push(page.map((ticket) => ticket.id));
      return pages;
    };
    const small = await read(2);
    const [whole] = await read(10_000);
    expect(small.length).toBeGreaterThan(1);
    for (const page of small) expect(page.length).toBeLessThanOrEqual(2);
    expect(small.flat()).toEqual(whole);
    expect(whole).toEqual(expect.arrayContaining(FIXTURE_TICKETS.map((ticket) => ticket.id)));
  });

  it('is described in the OpenAPI document, with its query and refusals', async () => {
    const res = await t.http.get<{
      paths: Record<string, { get?: { parameters?: Array<{ name: string }>; responses?: object } }>;
    }>('/api/v1/openapi.json');
    const get = res.body.paths['/api/v1/reports/sla']?.get;
    expect(get?.parameters?.map((p) => p.name).sort()).toEqual(['from', 'groupBy', 'to']);
    expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
  });

  it('refuses agents (403), strangers (401) and bad queries (400), each with an error body', async () => {
    const agent = await t.login();
    const url = reportUrl(FIXTURE_FROM, FIXTURE_TO, 'team');
    const forbidden = await agent.get<ApiError>(url);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');

    const anonymous = await t.http.get<ApiError>(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const anonymousBadQuery = await t.http.get<ApiError>('/api/v1/reports/sla?groupBy=nothing');
    expect(anonymousBadQuery.status).toBe(401);

    for (const bad of [
      '/api/v1/reports/sla',
      reportUrl(FIXTURE_FROM, FIXTURE_TO, 'requester'),
      reportUrl('last month', FIXTURE_TO, 'team'),
      reportUrl(FIXTURE_TO, FIXTURE_FROM, 'team'),
      reportUrl(FIXTURE_FROM, FIXTURE_FROM, 'team'),
      reportUrl('2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'team'),
    ]) {
      const res = await admin.get<ApiError>(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBe('validation_failed');
      expect(res.body.error.message, bad).toEqual(expect.any(String));
    }
  });
});
