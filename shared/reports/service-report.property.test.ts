import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../domain/ticket-lifecycle';
import type { Priority } from '../domain/types';
import { ticketChannelSchema } from '../entities/ticket';
import { toReportFact, type ReportFactTicket } from './report-facts';
import { computeServiceReport } from './report-index';
import { reportPeriod } from './report-period';
import { computeSlaReport } from './sla-report';
import { FIXTURE_AGENTS, FIXTURE_POLICIES, FIXTURE_TEAMS } from './sla-report.fixture';

/**
 * Whatever the tickets: the console's report gives computeSlaReport's SLA figures (what the
 * backend serves), and the report of each team alone adds up to the whole, section by
 * section (SLA, backlog, volume, satisfaction).
 */

const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const TEAMS = [FIXTURE_TEAMS.serviceDesk, FIXTURE_TEAMS.infra, null];

const ticketArb: fc.Arbitrary<ReportFactTicket> = fc
  .record({
    n: fc.nat(),
    createdAt: fc.integer({ min: START, max: START + 60 * DAY }),
    priority: fc.constantFrom<Priority>(1, 2, 3, 4, 5),
    teamId: fc.constantFrom(...TEAMS),
    assigneeId: fc.constantFrom(FIXTURE_AGENTS.alex, FIXTURE_AGENTS.lucia, null),
    category: fc.constantFrom('network', 'hardware'),
    channel: fc.constantFrom(...ticketChannelSchema.options),
    slaPolicyId: fc.constantFrom(...FIXTURE_POLICIES.keys(), null),
    firstResponseAfter: fc.option(fc.integer({ min: 0, max: 5 * DAY })),
    changes: fc.array(fc.tuple(fc.integer({ min: 1, max: 4 * DAY }), fc.constantFrom(...TICKET_STATUSES)), {
      maxLength: 5,
    }),
    rating: fc.option(fc.integer({ min: 1, max: 5 })),
  })
  .map(({ n, createdAt, firstResponseAfter, changes, rating, ...rest }) => {
    let at = createdAt;
    const statusHistory = [
      { at: iso(createdAt), status: 'new' as const },
      ...changes.map(([gap, status]) => ({ at: iso((at += gap)), status })),
    ];
    return {
      ...rest,
      id: `ticket-${n}`,
      number: null,
      title: 'A ticket',
      createdAt: iso(createdAt),
      firstResponseAt: firstResponseAfter === null ? null : iso(createdAt + firstResponseAfter),
      statusHistory,
      status: statusHistory.at(-1)!.status,
      feedback: rating === null ? null : { rating, at: iso(at) },
    };
  });

const sumBy = <T>(items: T[], pick: (item: T) => number) => items.reduce((sum, item) => sum + pick(item), 0);

describe('service report: agrees with the SLA report and its teams add up to the whole', () => {
  it('holds for any tickets and period', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(ticketArb, { selector: (t) => t.id, maxLength: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 30 }),
        (tickets, offset, days) => {
          const now = new Date(START + 70 * DAY);
          const facts = tickets.map((ticket) => toReportFact(ticket, FIXTURE_POLICIES, now));
          const from = new Date(START + offset * DAY).toISOString().slice(0, 10);
          const to = new Date(START + (offset + days - 1) * DAY).toISOString().slice(0, 10);
          const result = reportPeriod({ preset: 'custom', from, to }, now, 'UTC');
          if (!result.ok) throw new Error(result.error);
          const { period } = result;
          const whole = computeServiceReport(facts, { period, filters: {} });

          for (const groupBy of ['team', 'agent', 'category', 'priority'] as const) {
            const sla = computeSlaReport({
              tickets,
              policies: FIXTURE_POLICIES,
              from: new Date(period.fromMs),
              to: new Date(period.toMs),
              groupBy,
              now,
            });
            expect(whole.sla.total).toEqual(sla.total);
            expect(whole.sla.by[groupBy]).toEqual(sla.groups);
          }

          const perTeam = TEAMS.map((team) =>
            computeServiceReport(facts, { period, filters: { team: team ?? '' } }),
          );
          for (const [i, team] of TEAMS.entries()) {
            const group = whole.sla.by.team.find((g) => g.key === (team ?? ''));
            if (group) expect(perTeam[i]!.sla.total).toEqual({ ...group, key: '' });
            else expect(perTeam[i]!.tickets).toBe(0);
          }
          expect(sumBy(perTeam, (r) => r.sla.breachCount)).toBe(whole.sla.breachCount);
          expect(sumBy(perTeam, (r) => r.satisfaction.answered)).toBe(whole.satisfaction.answered);
          expect(sumBy(perTeam, (r) => r.satisfaction.asked)).toBe(whole.satisfaction.asked);
          whole.backlog.forEach((day, d) => {
            const days = perTeam.map((r) => r.backlog[d]!);
            expect(sumBy(days, (x) => x.created)).toBe(day.created);
            expect(sumBy(days, (x) => x.resolved)).toBe(day.resolved);
            for (const status of ['new', 'assigned', 'in_progress', 'pending'] as const)
              expect(sumBy(days, (x) => x.open[status])).toBe(day.open[status]);
          });
          for (const { key, tickets: count } of whole.volume.byChannel) {
            expect(sumBy(perTeam, (r) => r.volume.byChannel.find((c) => c.key === key)?.tickets ?? 0)).toBe(
              count,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
