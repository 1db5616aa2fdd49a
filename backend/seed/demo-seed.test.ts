import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  slaClocks,
  toSlaTimeline,
  type Agent,
  type Comment,
  type SlaPolicy,
  type Ticket,
} from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import { TEST_DIALECTS, startTestBackend, type TestBackend } from '../testing/test-backend';

const TICKETS = 3_000;

describe.each(TEST_DIALECTS)('demo seed (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  let seedMs = 0;
  beforeAll(async () => {
    const started = Date.now();
    t = await startTestBackend(dialect, { demoTickets: TICKETS });
    seedMs = Date.now() - started;
    agent = await t.login();
  }, 120_000);
  afterAll(() => t?.close());

  it(`creates ${TICKETS} realistic tickets quickly, numbered, in Spanish and English, across statuses`, async () => {
    // 100,000 must take under a minute; a thirtieth of that gets a generous share of it.
    expect(seedMs).toBeLessThan(30_000);
    const changes = await t.pullAll(agent);
    const tickets = changes.filter((c) => c.entity === 'ticket').map((c) => c.data as unknown as Ticket);
    expect(tickets).toHaveLength(TICKETS);
    const numbers = tickets.map((x) => Number(x.number!.slice(4))).sort((a, b) => a - b);
    expect(numbers[0]).toBe(1001);
    expect(numbers.at(-1)).toBe(1000 + TICKETS);
    const statuses = new Set(tickets.map((x) => x.status));
    for (const status of ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'])
      expect(statuses).toContain(status);
    expect(new Set(tickets.map((x) => x.category)).size).toBe(6);
    expect(new Set(tickets.map((x) => x.priority)).size).toBeGreaterThanOrEqual(4);
    expect(tickets.some((x) => /impresora|contraseña|correo/i.test(x.title))).toBe(true);
    expect(tickets.some((x) => /printer|password|email/i.test(x.title))).toBe(true);
    for (const x of tickets.slice(0, 200)) {
      expect(x.statusHistory.map((s) => s.at)).toEqual([...x.statusHistory.map((s) => s.at)].sort());
      expect(Date.parse(x.updatedAt)).toBeLessThanOrEqual(Date.now());
    }
    // Resolved ones are within the auto-close window (older ones were closed).
    const threeDaysAgo = Date.now() - 3 * 24 * 60 * 60 * 1000;
    for (const x of tickets.filter((y) => y.status === 'resolved'))
      expect(Date.parse(x.resolvedAt!)).toBeGreaterThan(threeDaysAgo);
    const comments = changes.filter((c) => c.entity === 'comment').map((c) => c.data as unknown as Comment);
    expect(comments.length).toBeGreaterThan(TICKETS / 2);

    // A few open tickets are about to cross their SLA warning threshold, for demos.
    const near = tickets.filter(
      (x) =>
        x.sla?.resolution.status === 'running' &&
        x.sla.resolution.health === 'ok' &&
        x.sla.resolution.elapsedMinutes >= 0.8 * x.sla.resolution.targetMinutes - 61,
    );
    expect(near.length).toBeGreaterThanOrEqual(5);

    // The clocks are stamped when the seed runs, often hours after a ticket's last change:
    // they say so, and each running clock carries its warning instant, dated from its own
    // history, so a console need not guess it from updatedAt.
    const policies = new Map(
      changes.filter((c) => c.entity === 'sla_policy').map((c) => [c.id, c.data as unknown as SlaPolicy]),
    );
    const running = tickets.filter((x) => x.sla?.resolution.status === 'running' && x.slaPolicyId);
    expect(running.length).toBeGreaterThan(0);
    for (const x of running.slice(0, 300)) {
      const evaluatedAt = x.sla!.evaluatedAt!;
      expect(evaluatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const clocks = slaClocks(toSlaTimeline(x), policies.get(x.slaPolicyId!)!, new Date(evaluatedAt));
      expect(x.sla!.resolution.warnAt).toBe(clocks.resolution.warnAt!.toISOString());
    }

    // Agents' open counts match their open tickets.
    const agents = changes.filter((c) => c.entity === 'agent').map((c) => c.data as unknown as Agent);
    for (const a of agents) {
      const open = tickets.filter(
        (x) => x.assigneeId === a.id && ['new', 'assigned', 'in_progress', 'pending'].includes(x.status),
      ).length;
      expect(a.openTickets).toBe(open);
    }
  });

  it('numbers the organisation (SLA policies, teams, categories, macros) before any ticket', async () => {
    const changes = await t.pullAll(agent);
    const firstTicket = changes.findIndex((c) => c.entity === 'ticket');
    const reference = changes.filter((c) => ['sla_policy', 'team', 'category', 'macro'].includes(c.entity));
    expect(reference.length).toBeGreaterThanOrEqual(4);
    for (const change of reference) expect(change.seq).toBeLessThan(changes[firstTicket]!.seq);
  });

  it('seeding again adds nothing', async () => {
    const { seedDemo } = await import('./demo-seed');
    const again = await seedDemo(t.backend.services.database, { tickets: 10, now: new Date() });
    expect(again).toEqual({ agentsCreated: 0, ticketsCreated: 0 });
  });
});
