import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeServiceReport,
  reportPeriod,
  toReportFact,
  type ServiceReport,
} from '../../../shared/reports/index';
import {
  FIXTURE_FIRST_DAY,
  FIXTURE_LAST_DAY,
  FIXTURE_TIME_ZONE,
} from '../../../shared/reports/service-report.fixture';
import {
  FIXTURE_NOW,
  FIXTURE_POLICIES,
  FIXTURE_TEAMS,
  FIXTURE_TICKETS,
} from '../../../shared/reports/sla-report.fixture';
import { initI18n } from '../../i18n/i18n';
import { chartCsv } from './csv';
import { backlogChart, ratingsChart, slaChart, timesChart, type ChartContext } from './report-charts';

/** The charts of the hand-computed fixture: each CSV holds exactly the figures the chart draws. */

let report: ServiceReport;
let context: ChartContext;

beforeAll(async () => {
  initI18n('en-US');
  await i18next.changeLanguage('en');
  const now = new Date(FIXTURE_NOW);
  const period = reportPeriod(
    { preset: 'custom', from: FIXTURE_FIRST_DAY, to: FIXTURE_LAST_DAY },
    now,
    FIXTURE_TIME_ZONE,
  );
  if (!period.ok) throw new Error(period.error);
  report = computeServiceReport(
    FIXTURE_TICKETS.map((ticket) => toReportFact(ticket, FIXTURE_POLICIES, now)),
    { period: period.period, filters: {} },
  );
  const teams = new Map([
    [FIXTURE_TEAMS.serviceDesk, 'Service Desk'],
    [FIXTURE_TEAMS.infra, 'Infra'],
  ]);
  context = {
    t: i18next.t,
    day: (date) => date,
    names: {
      group: (_by, key) => teams.get(key) ?? 'No team',
      channel: (key) => key,
      category: (key) => key,
    },
  };
});

describe('report charts as CSV', () => {
  it('SLA resolution by team: met, breached, running per team', () => {
    expect(chartCsv(slaChart(report, 'resolution', 'team', context))).toBe(
      'Team,Met,Breached,Running or paused\r\nNo team,0,0,0\r\nService Desk,1,3,2\r\nInfra,1,0,1\r\n',
    );
  });

  it('times in hours: first response 0.5 h median, 2 h business / 19 h calendar p90; resolution 7 h / 53 h median', () => {
    expect(chartCsv(timesChart(report, context))).toBe(
      'Measure,Business hours,Calendar hours\r\n' +
        'First response: median,0.5,0.5\r\n' +
        'First response: p90,2,19\r\n' +
        'Resolution: median,7,53\r\n' +
        'Resolution: p90,48,69.5\r\n',
    );
  });

  it('ratings 1 to 5', () => {
    expect(chartCsv(ratingsChart(report, context))).toBe(
      'Rating,Answers\r\n1,0\r\n2,1\r\n3,0\r\n4,0\r\n5,1\r\n',
    );
  });

  it('backlog by day with ISO dates, one row per day of the period', () => {
    const lines = chartCsv(backlogChart(report, context)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 38);
    expect(lines[0]).toBe('Day,New,Assigned,In progress,Pending');
    expect(lines).toContain('2026-04-07,4,0,2,1');
    expect(lines).toContain('2026-03-02,2,0,0,1');
  });
});
