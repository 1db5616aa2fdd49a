import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockCounts, ServiceReport, SlaReportGroupBy } from '../../../shared/reports/index';
import { useUiStore } from '../../stores/ui-store';
import { ChartCard } from './ChartCard';
import type { ReportCharts } from './report-charts';
import { formatNumber, formatShare } from './report-format';
import { useReportStore } from './report-store';

const GROUPINGS: SlaReportGroupBy[] = ['team', 'agent', 'category', 'priority'];

/** Compliance of both clocks, counted apart (met, breached, running or paused), per group, and the breaches. */
export function SlaSection({ report, charts }: { report: ServiceReport; charts: ReportCharts }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const groupBy = useReportStore((s) => s.groupBy);
  const setGroupBy = useReportStore((s) => s.setGroupBy);
  const groupId = useId();
  return (
    <section className="report-section" aria-labelledby="report-sla">
      <h2 id="report-sla">{t('reports.sla.title')}</h2>
      <div className="report-kpis">
        <ClockSummary clock="firstResponse" counts={report.sla.total.firstResponse} lang={lang} />
        <ClockSummary clock="resolution" counts={report.sla.total.resolution} lang={lang} />
      </div>
      <div className="filter">
        <label htmlFor={groupId}>{t('reports.groupBy.label')}</label>
        <select
          id={groupId}
          className="select select-small"
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as SlaReportGroupBy)}
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`reports.groupBy.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="report-grid">
        <ChartCard spec={charts.slaFirstResponse} />
        <ChartCard spec={charts.slaResolution} />
      </div>
      <Breaches report={report} />
    </section>
  );
}

function ClockSummary({
  clock,
  counts,
  lang,
}: {
  clock: 'firstResponse' | 'resolution';
  counts: ClockCounts;
  lang: string;
}) {
  const { t } = useTranslation();
  return (
    <dl className="report-kpi" data-testid={`sla-${clock}`}>
      <dt>{t(`reports.sla.${clock}`)}</dt>
      <dd className="kpi-value" data-figure="compliance">
        {formatShare(counts.compliance, lang, t('reports.sla.noCompliance'))}
      </dd>
      {(['met', 'breached', 'running'] as const).map((outcome) => (
        <dd key={outcome} className={`kpi-part kpi-${outcome}`} data-figure={outcome}>
          {t(`reports.sla.${outcome}`)}: <strong>{formatNumber(counts[outcome], lang)}</strong>
        </dd>
      ))}
    </dl>
  );
}

function Breaches({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const openTicket = useUiStore((s) => s.openTicket);
  const { breaches, breachCount } = report.sla;
  return (
    <div className="report-breaches" data-testid="report-breaches">
      <h3>{t('reports.sla.breaches')}</h3>
      {breachCount === 0 ? (
        <p className="muted">{t('reports.sla.noBreaches')}</p>
      ) : (
        <>
          <p>
            {t('reports.sla.breachCount', { count: breachCount })}
            {breaches.length < breachCount
              ? ` ${t('reports.sla.breachesShown', { count: breaches.length })}`
              : ''}
          </p>
          <ul>
            {breaches.map((breach) => (
              <li key={breach.ticketId}>
                <button type="button" className="link-button" onClick={() => openTicket(breach.ticketId)}>
                  <span className="ticket-number">{breach.number ?? '—'}</span> {breach.title}
                </button>{' '}
                <span className="muted">
                  {t(`priority.short`, { priority: breach.priority })} ·{' '}
                  {t('reports.sla.breachedClocks', {
                    clocks: breach.clocks.map((clock) => t(`reports.sla.${clock}`)).join(', '),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
