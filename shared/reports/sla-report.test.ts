import { describe, expect, it } from 'vitest';
import { computeSlaReport, type SlaReportGroupBy } from './sla-report';
import {
  FIXTURE_EXPECTED_GROUPS,
  FIXTURE_EXPECTED_TOTAL,
  FIXTURE_FROM,
  FIXTURE_NOW,
  FIXTURE_POLICIES,
  FIXTURE_TICKETS,
  FIXTURE_TO,
} from './sla-report.fixture';

const report = (
  groupBy: SlaReportGroupBy,
  overrides: { now?: string; tickets?: typeof FIXTURE_TICKETS } = {},
) =>
  computeSlaReport({
    tickets: overrides.tickets ?? FIXTURE_TICKETS,
    policies: FIXTURE_POLICIES,
    from: new Date(FIXTURE_FROM),
    to: new Date(FIXTURE_TO),
    groupBy,
    now: new Date(overrides.now ?? FIXTURE_NOW),
  });

const ticket = (n: number) => FIXTURE_TICKETS[n - 1]!;

describe('SLA compliance report on the hand-computed fixture', () => {
  for (const groupBy of ['team', 'agent', 'category', 'priority'] as const) {
    it(`gives the expected figures grouped by ${groupBy}`, () => {
      const result = report(groupBy);
      expect(result).toEqual({
        from: FIXTURE_FROM,
        to: FIXTURE_TO,
        groupBy,
        total: FIXTURE_EXPECTED_TOTAL,
        groups: FIXTURE_EXPECTED_GROUPS[groupBy],
      });
    });
  }

  it('counts resolution on a DST Monday from 09:00 summer time (ticket 1 breached, not met)', () => {
    const only = report('team', { tickets: [ticket(1)] });
    expect(only.total.firstResponse).toMatchObject({ met: 1, breached: 0 });
    expect(only.total.resolution).toMatchObject({ met: 0, breached: 1, running: 0 });
  });

  it('skips a holiday (ticket 2 answered on Viernes Santo within target, resolution still running)', () => {
    const only = report('team', { tickets: [ticket(2)] });
    expect(only.total.firstResponse).toMatchObject({ met: 1, breached: 0 });
    expect(only.total.resolution).toMatchObject({ met: 0, breached: 0, running: 1 });
  });

  it('excludes pending time (ticket 3 met) and counts a paused clock as running (ticket 7)', () => {
    expect(report('team', { tickets: [ticket(3)] }).total.resolution).toMatchObject({ met: 1, breached: 0 });
    expect(report('team', { tickets: [ticket(7)] }).total.resolution).toMatchObject({ running: 1 });
  });

  it('judges a reopened ticket by its resumed clock: met before the reopen, breached after', () => {
    const beforeReopen = report('team', { tickets: [ticket(4)], now: '2026-03-12T10:00:00.000Z' });
    expect(beforeReopen.total.resolution).toMatchObject({ met: 1, breached: 0 });
    expect(report('team', { tickets: [ticket(4)] }).total.resolution).toMatchObject({ met: 0, breached: 1 });
  });

  it('counts a ticket that moved team for the team that holds it', () => {
    const moved = report('team', { tickets: [ticket(5)] });
    expect(moved.groups.map((g) => g.key)).toEqual([ticket(5).teamId]);
  });

  it('includes a ticket created at `from` and excludes one created at `to`', () => {
    expect(report('team', { tickets: [ticket(8)] }).total.tickets).toBe(1);
    expect(report('team', { tickets: [ticket(10), ticket(11)] }).total.tickets).toBe(0);
  });

  it('counts a ticket without a policy in neither clock, with compliance null', () => {
    const noPolicy = report('team', { tickets: [ticket(9)] });
    expect(noPolicy.total).toEqual({
      key: '',
      tickets: 1,
      firstResponse: { met: 0, breached: 0, running: 0, compliance: null },
      resolution: { met: 0, breached: 0, running: 0, compliance: null },
    });
  });
});
