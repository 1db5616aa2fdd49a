import { useTranslation } from 'react-i18next';
import type { DurationStats, ServiceReport } from '../../../shared/reports/index';
import { formatDuration } from '../../i18n/format';
import { ChartCard } from './ChartCard';
import type { ReportCharts } from './report-charts';

/** Median and p90 of first response and resolution, business time beside calendar time. */
export function TimesSection({ report, charts }: { report: ServiceReport; charts: ReportCharts }) {
  const { t } = useTranslation();
  return (
    <section className="report-section" aria-labelledby="report-times">
      <h2 id="report-times">{t('reports.times.title')}</h2>
      <div className="report-grid">
        <table className="data-table report-times" data-testid="report-times">
          <thead>
            <tr>
              <td />
              <th scope="col">{t('reports.times.business')}</th>
              <th scope="col">{t('reports.times.calendar')}</th>
            </tr>
          </thead>
          <tbody>
            <TimesRows clock="firstResponse" stats={report.times.firstResponse} />
            <TimesRows clock="resolution" stats={report.times.resolution} />
          </tbody>
        </table>
        <ChartCard spec={charts.times} />
      </div>
    </section>
  );
}

function TimesRows({ clock, stats }: { clock: 'firstResponse' | 'resolution'; stats: DurationStats }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const cell = (minutes: number | undefined) =>
    minutes === undefined ? t('reports.times.none') : formatDuration(minutes, lang);
  return (
    <>
      {(['median', 'p90'] as const).map((q) => (
        <tr key={q} data-row={`${clock}-${q}`}>
          <th scope="row">
            {t(`reports.sla.${clock}`)}: {t(`reports.times.${q}`)}
          </th>
          <td data-time="business">{cell(stats.business?.[q])}</td>
          <td data-time="calendar">{cell(stats.calendar?.[q])}</td>
        </tr>
      ))}
      <tr className="muted">
        <td colSpan={3}>{t('reports.times.measured', { count: stats.count })}</td>
      </tr>
    </>
  );
}
