import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { ChartCard } from './ChartCard';
import type { ChartSpec } from './chart-spec';
import { PeriodPicker } from './PeriodPicker';
import { reportCharts, type ChartContext } from './report-charts';
import { formatDay } from './report-format';
import { useReportStore } from './report-store';
import { ReportFilterBar } from './ReportFilterBar';
import { SatisfactionSection } from './SatisfactionSection';
import { SlaSection } from './SlaSection';
import { TimesSection } from './TimesSection';
import { useReportNames } from './use-report-names';
import { useServiceReport } from './use-service-report';
import './reports.css';

/**
 * A team lead's view of the service: SLA compliance, backlog, response and resolution
 * times, satisfaction and volume over a period, computed from the tickets this console
 * holds (offline too) in a worker. Every figure comes from shared/reports.
 */
export function ReportsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const period = useReportStore((s) => s.period);
  const filters = useReportStore((s) => s.filters);
  const pickedAtMs = useReportStore((s) => s.pickedAtMs);
  // Opening the view judges the clocks as of then, not as of the last visit.
  const [openedAtMs] = useState(() => Date.now());
  const state = useServiceReport(period, filters, Math.max(pickedAtMs, openedAtMs));
  const names = useReportNames();
  const groupBy = useReportStore((s) => s.groupBy);
  const context = useMemo<ChartContext>(
    () => ({ t, names, day: (date) => formatDay(date, lang) }),
    [t, names, lang],
  );
  const report = state.kind === 'ready' ? state.report : null;
  // Made once per report: "updating" re-renders the view, and must not redraw every chart.
  const charts = useMemo(
    () => (report ? reportCharts(report, groupBy, context) : null),
    [report, groupBy, context],
  );

  return (
    <div
      className="reports-view"
      data-testid="reports-view"
      aria-busy={state.kind === 'loading' || (state.kind === 'ready' && state.updating)}
    >
      <header className="reports-header">
        <h1>{t('reports.title')}</h1>
        <PeriodPicker />
        <ReportFilterBar />
      </header>
      <div className="reports-status" role="status">
        {state.kind === 'loading' ? t('reports.loading') : null}
        {state.kind === 'ready' && state.updating ? t('reports.updating') : null}
      </div>
      {state.kind === 'invalid' ? (
        <p className="refusal" role="alert">
          {t(`reports.period.${state.error}`)}
        </p>
      ) : null}
      {state.kind === 'failed' ? (
        <p className="refusal" role="alert">
          {t('reports.failed', { message: state.message })}
        </p>
      ) : null}
      {state.kind === 'ready' && charts ? (
        <div className="reports-body" data-testid="report-ready" data-tickets={state.report.tickets}>
          <p className="muted">
            {t('reports.ticketsInPeriod', { count: state.report.tickets })} ·{' '}
            {t('reports.judgedAt', { time: formatDateTime(state.judgedAtMs, lang) })}
          </p>
          <SlaSection report={state.report} charts={charts} />
          <ChartsSection
            id="report-backlog"
            title={t('reports.backlog.title')}
            specs={[charts.backlog, charts.flow]}
          />
          <TimesSection report={state.report} charts={charts} />
          <SatisfactionSection report={state.report} charts={charts} />
          <ChartsSection
            id="report-volume"
            title={t('reports.volume.title')}
            specs={[charts.channel, charts.category]}
          />
        </div>
      ) : null}
    </div>
  );
}

/** A section that is only charts. */
function ChartsSection({ id, title, specs }: { id: string; title: string; specs: ChartSpec[] }) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="report-grid">
        {specs.map((spec) => (
          <ChartCard key={spec.id} spec={spec} />
        ))}
      </div>
    </section>
  );
}
