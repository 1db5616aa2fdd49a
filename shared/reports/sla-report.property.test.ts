import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../domain/ticket-lifecycle';
import type { Priority } from '../domain/types';
import { computeSlaReport, type ReportTicket, type SlaReportGroup } from './sla-report';
import { FIXTURE_AGENTS, FIXTURE_POLICIES, FIXTURE_TEAMS } from './sla-report.fixture';

/**
 * Whatever the tickets, the per-group figures partition the whole: every ticket in the
 * period falls in exactly one group, so each count summed over the groups is the total's,
 * and the total does not depend on how the report is grouped.
 */

const START = Date.UTC(2026, 0, 1);
const SPAN = 120 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const instant = fc.integer({ min: START, max: START + SPAN });

const ticketArb: fc.Arbitrary<ReportTicket> = fc
  .record({
    createdAt: instant,
    priority: fc.constantFrom<Priority>(1, 2, 3, 4, 5),
    teamId: fc.constantFrom(FIXTURE_TEAMS.serviceDesk, FIXTURE_TEAMS.infra, null),
    assigneeId: fc.constantFrom(FIXTURE_AGENTS.alex, FIXTURE_AGENTS.lucia, null),
    category: fc.constantFrom('network', 'hardware', 'access'),
    slaPolicyId: fc.constantFrom(...FIXTURE_POLICIES.keys(), 'deleted-policy', null),
    firstResponseAfter: fc.option(fc.integer({ min: 0, max: 10 * 86_400_000 })),
    changes: fc.array(
      fc.tuple(fc.integer({ min: 1, max: 5 * 86_400_000 }), fc.constantFrom(...TICKET_STATUSES)),
      {
        maxLength: 6,
      },
    ),
  })
  .map(({ createdAt, firstResponseAfter, changes, ...rest }) => {
    let at = createdAt;
    const later = changes.map(([gap, status]) => ({ at: iso((at += gap)), status }));
    return {
      ...rest,
      createdAt: iso(createdAt),
      firstResponseAt: firstResponseAfter === null ? null : iso(createdAt + firstResponseAfter),
      statusHistory: [{ at: iso(createdAt), status: 'new' as const }, ...later],
    };
  });

const CLOCK_FIELDS = ['met', 'breached', 'running'] as const;

function sumOf(groups: SlaReportGroup[]) {
  const sum = (pick: (g: SlaReportGroup) => number) => groups.reduce((acc, g) => acc + pick(g), 0);
  return {
    tickets: sum((g) => g.tickets),
    firstResponse: CLOCK_FIELDS.map((f) => sum((g) => g.firstResponse[f])),
    resolution: CLOCK_FIELDS.map((f) => sum((g) => g.resolution[f])),
  };
}

describe('SLA report: the groups partition the whole', () => {
  it('sums every per-group count to the total, for every grouping, and keeps the total the same', () => {
    fc.assert(
      fc.property(
        fc.array(ticketArb, { maxLength: 40 }),
        instant,
        fc.integer({ min: 1, max: SPAN }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (tickets, from, length, lateness) => {
          const input = {
            tickets,
            policies: FIXTURE_POLICIES,
            from: new Date(from),
            to: new Date(from + length),
            now: new Date(from + length + lateness),
          };
          const reports = (['team', 'agent', 'category', 'priority'] as const).map((groupBy) =>
            computeSlaReport({ ...input, groupBy }),
          );
          const inPeriod = tickets.filter((t) => {
            const at = Date.parse(t.createdAt);
            return at >= from && at < from + length;
          }).length;
          for (const report of reports) {
            expect(report.total).toEqual(reports[0]!.total);
            expect(report.total.tickets).toBe(inPeriod);
            const total = report.total;
            expect(sumOf(report.groups)).toEqual({
              tickets: total.tickets,
              firstResponse: CLOCK_FIELDS.map((f) => total.firstResponse[f]),
              resolution: CLOCK_FIELDS.map((f) => total.resolution[f]),
            });
            expect(new Set(report.groups.map((g) => g.key)).size).toBe(report.groups.length);
            for (const g of report.groups) expect(g.tickets).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
