import { describe, expect, it } from 'vitest';
import { toReportFact } from './report-facts';
import { reportPeriod, type ReportPeriod } from './report-period';
import { computeServiceReport } from './report-index';
import type { ReportFilters } from './service-report';
import {
  FIXTURE_EXPECTED_BACKLOG,
  FIXTURE_EXPECTED_BREACHES,
  FIXTURE_EXPECTED_BY_CATEGORY,
  FIXTURE_EXPECTED_BY_CHANNEL,
  FIXTURE_EXPECTED_FIRST_RESPONSE,
  FIXTURE_EXPECTED_RESOLUTION,
  FIXTURE_EXPECTED_SATISFACTION,
  FIXTURE_FIRST_DAY,
  FIXTURE_LAST_DAY,
  FIXTURE_TIME_ZONE,
} from './service-report.fixture';
import {
  FIXTURE_EXPECTED_GROUPS,
  FIXTURE_EXPECTED_TOTAL,
  FIXTURE_FROM,
  FIXTURE_NOW,
  FIXTURE_POLICIES,
  FIXTURE_TEAMS,
  FIXTURE_TICKETS,
  FIXTURE_TO,
} from './sla-report.fixture';
import { computeSlaReport } from './sla-report';

const now = new Date(FIXTURE_NOW);
const facts = FIXTURE_TICKETS.map((ticket) => toReportFact(ticket, FIXTURE_POLICIES, now));

function fixturePeriod(): ReportPeriod {
  const result = reportPeriod(
    { preset: 'custom', from: FIXTURE_FIRST_DAY, to: FIXTURE_LAST_DAY },
    now,
    FIXTURE_TIME_ZONE,
  );
  if (!result.ok) throw new Error(result.error);
  return result.period;
}

const report = (filters: ReportFilters = {}) =>
  computeServiceReport(facts, { period: fixturePeriod(), filters });

describe('service report on the hand-computed fixture', () => {
  it('covers exactly the SLA fixture period with its custom UTC days', () => {
    const period = fixturePeriod();
    expect([period.fromMs, period.toMs]).toEqual([Date.parse(FIXTURE_FROM), Date.parse(FIXTURE_TO)]);
    expect(period.days).toHaveLength(38);
  });

  it('gives the SLA figures of computeSlaReport, total and every grouping', () => {
    const { sla, tickets } = report();
    expect(tickets).toBe(9);
    expect(sla.total).toEqual(FIXTURE_EXPECTED_TOTAL);
    expect(sla.by).toEqual(FIXTURE_EXPECTED_GROUPS);
  });

  it('lists the breached tickets newest first, with the clocks that breached', () => {
    const { sla } = report();
    expect(sla.breachCount).toBe(3);
    expect(sla.breaches.map(({ number, clocks }) => ({ number, clocks }))).toEqual(FIXTURE_EXPECTED_BREACHES);
  });

  it('gives first-response and resolution times in business and calendar minutes', () => {
    const { times } = report();
    expect(times.firstResponse).toEqual(FIXTURE_EXPECTED_FIRST_RESPONSE);
    expect(times.resolution).toEqual(FIXTURE_EXPECTED_RESOLUTION);
  });

  it('gives satisfaction: share answered, average, distribution, latest comments as written', () => {
    expect(report().satisfaction).toEqual(FIXTURE_EXPECTED_SATISFACTION);
  });

  it('gives the volume by channel and category', () => {
    const { volume } = report();
    expect(volume.byChannel).toEqual(FIXTURE_EXPECTED_BY_CHANNEL);
    expect(volume.byCategory).toEqual(FIXTURE_EXPECTED_BY_CATEGORY);
  });

  it('gives the backlog day by day; days without a change repeat the day before', () => {
    const { backlog } = report();
    expect(backlog.map((day) => day.date)).toEqual(fixturePeriod().days.map((day) => day.date));
    let expected = FIXTURE_EXPECTED_BACKLOG[FIXTURE_FIRST_DAY]!;
    for (const day of backlog) {
      const changed = FIXTURE_EXPECTED_BACKLOG[day.date];
      expected = changed ?? { ...expected, created: 0, resolved: 0 };
      expect(day, day.date).toEqual({ date: day.date, ...expected });
    }
    expect(backlog.reduce((sum, day) => sum + day.created, 0)).toBe(9);
    expect(backlog.reduce((sum, day) => sum + day.resolved, 0)).toBe(4);
  });

  it('narrows every section to a team, the team it holds now (ticket 5 moved to Infra)', () => {
    const infra = report({ team: FIXTURE_TEAMS.infra });
    expect(infra.sla.total).toEqual({ ...FIXTURE_EXPECTED_GROUPS.team[2], key: '' });
    expect(infra.volume.byChannel).toEqual([
      { key: 'email', tickets: 1 },
      { key: 'phone', tickets: 1 },
    ]);
    expect(infra.times.resolution).toEqual({
      count: 1,
      business: { median: 2880, p90: 2880 },
      calendar: { median: 2880, p90: 2880 },
    });
    expect(infra.backlog.at(-1)!.open).toEqual({ new: 1, assigned: 0, in_progress: 0, pending: 0 });
  });

  it('filters by unassigned agent, priority and channel', () => {
    expect(report({ agent: '' }).tickets).toBe(3);
    expect(report({ priority: 5 }).sla.total).toEqual({ ...FIXTURE_EXPECTED_GROUPS.priority[4], key: '' });
    expect(report({ channel: 'phone' }).sla.breaches.map((b) => b.number)).toEqual(['INC-9001']);
  });

  it('agrees with computeSlaReport on any sub-period', () => {
    const result = reportPeriod(
      { preset: 'custom', from: '2026-03-10', to: '2026-03-27' },
      now,
      'Europe/Madrid',
    );
    if (!result.ok) throw new Error(result.error);
    const { period } = result;
    const sla = computeSlaReport({
      tickets: FIXTURE_TICKETS,
      policies: FIXTURE_POLICIES,
      from: new Date(period.fromMs),
      to: new Date(period.toMs),
      groupBy: 'agent',
      now,
    });
    const service = computeServiceReport(facts, { period, filters: {} });
    expect(service.sla.total).toEqual(sla.total);
    expect(service.sla.by.agent).toEqual(sla.groups);
  });
});

describe('report periods', () => {
  const at = new Date('2026-03-31T10:00:00.000Z');

  it('takes last month as whole local days, across the DST change (a 23-hour day)', () => {
    const result = reportPeriod(
      { preset: 'lastMonth' },
      new Date('2026-04-08T10:00:00.000Z'),
      'Europe/Madrid',
    );
    expect(result.ok && result.period).toMatchObject({
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      fromMs: Date.parse('2026-02-28T23:00:00.000Z'),
      toMs: Date.parse('2026-03-31T22:00:00.000Z'),
    });
    const dst = result.ok ? result.period.days.find((day) => day.date === '2026-03-29')! : null;
    expect(dst && dst.endMs - dst.startMs).toBe(23 * 3_600_000);
  });

  it('ends the last 7 days and this month with today', () => {
    const week = reportPeriod({ preset: 'last7' }, at, 'Europe/Madrid');
    expect(week.ok && [week.period.fromDate, week.period.toDate, week.period.days.length]).toEqual([
      '2026-03-25',
      '2026-03-31',
      7,
    ]);
    const month = reportPeriod({ preset: 'thisMonth' }, at, 'Europe/Madrid');
    expect(month.ok && [month.period.fromDate, month.period.toDate]).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('refuses a custom period that runs backwards, is missing a date or is too long', () => {
    expect(reportPeriod({ preset: 'custom', from: '2026-03-10', to: '2026-03-01' }, at, 'UTC')).toEqual({
      ok: false,
      error: 'from_after_to',
    });
    expect(reportPeriod({ preset: 'custom', from: '2026-03-10' }, at, 'UTC')).toEqual({
      ok: false,
      error: 'invalid_date',
    });
    expect(reportPeriod({ preset: 'custom', from: '2026-02-30', to: '2026-03-01' }, at, 'UTC')).toEqual({
      ok: false,
      error: 'invalid_date',
    });
    expect(reportPeriod({ preset: 'custom', from: '2020-01-01', to: '2026-03-01' }, at, 'UTC')).toEqual({
      ok: false,
      error: 'too_long',
    });
  });
});
