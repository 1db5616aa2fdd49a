import type { TFunction } from 'i18next';
import {
  BACKLOG_STATUSES,
  type CountByKey,
  type DurationStats,
  type ServiceReport,
  type SlaReportGroupBy,
} from '../../../shared/reports/index';
import type { ChartSpec } from './chart-spec';

/**
 * The Reports view's charts, made from a computed report: labels and layout only, every
 * number is the report's (hours are its minutes / 60, rounded to a tenth for reading).
 */

export interface ReportNames {
  /** The name of a group key ('' = none: unassigned, no team). */
  group(groupBy: SlaReportGroupBy, key: string): string;
  channel(key: string): string;
  category(key: string): string;
}

export interface ChartContext {
  t: TFunction;
  names: ReportNames;
  /** Local day 'YYYY-MM-DD' as the language writes it. */
  day(date: string): string;
}

const OUTCOME_COLORS = { met: '--ok', breached: '--danger', running: '--p5' } as const;

export function slaChart(
  report: ServiceReport,
  clock: 'firstResponse' | 'resolution',
  groupBy: SlaReportGroupBy,
  { t, names }: ChartContext,
): ChartSpec {
  const groups = report.sla.by[groupBy];
  return {
    id: `sla-${clock === 'firstResponse' ? 'first-response' : 'resolution'}-by-${groupBy}`,
    title: t(`reports.sla.${clock}By`, { group: t(`reports.groupBy.${groupBy}`) }),
    kind: 'horizontalStacked',
    categoryLabel: t(`reports.groupBy.${groupBy}`),
    categories: groups.map((group) => {
      const label = names.group(groupBy, group.key);
      return { label, csv: label };
    }),
    series: (['met', 'breached', 'running'] as const).map((outcome) => ({
      key: outcome,
      label: t(`reports.sla.${outcome}`),
      colorVar: OUTCOME_COLORS[outcome],
      values: groups.map((group) => group[clock][outcome]),
    })),
    unit: 'count',
  };
}

const STATUS_COLORS = { new: '--accent', assigned: '--info', in_progress: '--p3', pending: '--p5' } as const;

export function backlogChart(report: ServiceReport, { t, day }: ChartContext): ChartSpec {
  return {
    id: 'backlog-open-by-status',
    title: t('reports.backlog.openTitle'),
    kind: 'stacked',
    categoryLabel: t('reports.day'),
    categories: report.backlog.map((d) => ({ label: day(d.date), csv: d.date })),
    series: BACKLOG_STATUSES.map((status) => ({
      key: status,
      label: t(`status.${status}`),
      colorVar: STATUS_COLORS[status],
      values: report.backlog.map((d) => d.open[status]),
    })),
    unit: 'count',
  };
}

export function flowChart(report: ServiceReport, { t, day }: ChartContext): ChartSpec {
  return {
    id: 'backlog-created-resolved',
    title: t('reports.backlog.flowTitle'),
    kind: 'line',
    categoryLabel: t('reports.day'),
    categories: report.backlog.map((d) => ({ label: day(d.date), csv: d.date })),
    series: [
      {
        key: 'created',
        label: t('reports.backlog.created'),
        colorVar: '--accent',
        values: report.backlog.map((d) => d.created),
      },
      {
        key: 'resolved',
        label: t('reports.backlog.resolved'),
        colorVar: '--ok',
        values: report.backlog.map((d) => d.resolved),
      },
    ],
    unit: 'count',
  };
}

const hours = (minutes: number | undefined): number | null =>
  minutes === undefined ? null : Math.round(minutes / 6) / 10;

export function timesChart(report: ServiceReport, { t }: ChartContext): ChartSpec {
  const rows: Array<[string, DurationStats, 'median' | 'p90']> = [
    [t('reports.times.firstResponseMedian'), report.times.firstResponse, 'median'],
    [t('reports.times.firstResponseP90'), report.times.firstResponse, 'p90'],
    [t('reports.times.resolutionMedian'), report.times.resolution, 'median'],
    [t('reports.times.resolutionP90'), report.times.resolution, 'p90'],
  ];
  return {
    id: 'response-resolution-times',
    title: t('reports.times.chartTitle'),
    kind: 'bar',
    categoryLabel: t('reports.times.measure'),
    categories: rows.map(([label]) => ({ label, csv: label })),
    series: [
      {
        key: 'business',
        label: t('reports.times.businessHours'),
        colorVar: '--accent',
        values: rows.map(([, stats, q]) => hours(stats.business?.[q])),
      },
      {
        key: 'calendar',
        label: t('reports.times.calendarHours'),
        colorVar: '--p5',
        values: rows.map(([, stats, q]) => hours(stats.calendar?.[q])),
      },
    ],
    unit: 'hours',
  };
}

export function ratingsChart(report: ServiceReport, { t }: ChartContext): ChartSpec {
  return {
    id: 'satisfaction-ratings',
    title: t('reports.satisfaction.distribution'),
    kind: 'bar',
    categoryLabel: t('reports.satisfaction.rating'),
    categories: [1, 2, 3, 4, 5].map((rating) => ({
      label: t('reports.satisfaction.stars', { count: rating }),
      csv: String(rating),
    })),
    series: [
      {
        key: 'answers',
        label: t('reports.satisfaction.answers'),
        colorVar: '--accent',
        values: [...report.satisfaction.distribution],
      },
    ],
    unit: 'count',
  };
}

function volumeChart(
  id: string,
  title: string,
  categoryLabel: string,
  counts: CountByKey[],
  name: (key: string) => string,
  t: TFunction,
): ChartSpec {
  return {
    id,
    title,
    kind: 'bar',
    categoryLabel,
    categories: counts.map(({ key }) => ({ label: name(key), csv: name(key) })),
    series: [
      {
        key: 'tickets',
        label: t('reports.tickets'),
        colorVar: '--accent',
        values: counts.map((c) => c.tickets),
      },
    ],
    unit: 'count',
  };
}

export function channelChart(report: ServiceReport, { t, names }: ChartContext): ChartSpec {
  return volumeChart(
    'volume-by-channel',
    t('reports.volume.byChannel'),
    t('ticket.channel'),
    report.volume.byChannel,
    names.channel,
    t,
  );
}

export function categoryChart(report: ServiceReport, { t, names }: ChartContext): ChartSpec {
  return volumeChart(
    'volume-by-category',
    t('reports.volume.byCategory'),
    t('ticket.category'),
    report.volume.byCategory,
    names.category,
    t,
  );
}

/** Every chart of the view, made once per report (a chart redraws only when its spec changes). */
export function reportCharts(report: ServiceReport, groupBy: SlaReportGroupBy, context: ChartContext) {
  return {
    slaFirstResponse: slaChart(report, 'firstResponse', groupBy, context),
    slaResolution: slaChart(report, 'resolution', groupBy, context),
    backlog: backlogChart(report, context),
    flow: flowChart(report, context),
    times: timesChart(report, context),
    ratings: ratingsChart(report, context),
    channel: channelChart(report, context),
    category: categoryChart(report, context),
  };
}
export type ReportCharts = ReturnType<typeof reportCharts>;
