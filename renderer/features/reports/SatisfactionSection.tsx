import { useTranslation } from 'react-i18next';
import type { ServiceReport } from '../../../shared/reports/index';
import { formatDateTime } from '../../i18n/format';
import { useUiStore } from '../../stores/ui-store';
import { ChartCard } from './ChartCard';
import type { ReportCharts } from './report-charts';
import { formatNumber, formatShare } from './report-format';

/** The average rating, how many answered, the distribution, and what requesters wrote (as text). */
export function SatisfactionSection({ report, charts }: { report: ServiceReport; charts: ReportCharts }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const openTicket = useUiStore((s) => s.openTicket);
  const { satisfaction } = report;
  return (
    <section className="report-section" aria-labelledby="report-satisfaction">
      <h2 id="report-satisfaction">{t('reports.satisfaction.title')}</h2>
      <div className="report-kpis" data-testid="report-satisfaction">
        <dl className="report-kpi">
          <dt>{t('reports.satisfaction.average')}</dt>
          <dd className="kpi-value" data-figure="average">
            {satisfaction.average === null
              ? t('reports.satisfaction.none')
              : formatNumber(satisfaction.average, lang, 2)}
          </dd>
        </dl>
        <dl className="report-kpi">
          <dt>{t('reports.satisfaction.share')}</dt>
          <dd className="kpi-value" data-figure="share">
            {formatShare(satisfaction.share, lang, t('reports.satisfaction.none'))}
          </dd>
          <dd className="kpi-part">
            {t('reports.satisfaction.shareDetail', {
              answered: formatNumber(satisfaction.answered, lang),
              asked: formatNumber(satisfaction.asked, lang),
            })}
          </dd>
        </dl>
      </div>
      <div className="report-grid">
        <ChartCard spec={charts.ratings} />
        <div className="report-comments">
          <h3>{t('reports.satisfaction.comments')}</h3>
          {satisfaction.comments.length === 0 ? (
            <p className="muted">{t('reports.satisfaction.noComments')}</p>
          ) : (
            <ul data-testid="report-comments">
              {satisfaction.comments.map((c) => (
                <li key={c.ticketId}>
                  <blockquote className="report-comment">{c.comment}</blockquote>
                  <button type="button" className="link-button" onClick={() => openTicket(c.ticketId)}>
                    {c.number ?? '—'}
                  </button>{' '}
                  <span className="muted">
                    {t('reports.satisfaction.stars', { count: c.rating })} · {formatDateTime(c.atMs, lang)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
