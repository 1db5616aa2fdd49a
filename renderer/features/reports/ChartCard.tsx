import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpec } from './chart-spec';
import { ChartTable } from './ChartTable';
import { chartCsv, downloadCsv } from './csv';
import { ReportChart } from './ReportChart';

/** A chart with its two other readings: the same numbers as a table, and as a CSV file. Redrawn only for a new spec. */
export const ChartCard = memo(function ChartCard({ spec }: { spec: ChartSpec }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const empty = spec.categories.length === 0;
  return (
    <section className="chart-card" aria-labelledby={titleId} data-chart={spec.id}>
      <header className="chart-card-header">
        <h3 id={titleId}>{spec.title}</h3>
        <div className="chart-card-actions">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {t('reports.chart.showTable')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={empty}
            onClick={() => downloadCsv(`${spec.id}.csv`, chartCsv(spec))}
          >
            {t('reports.chart.csv')}
          </button>
        </div>
      </header>
      {empty ? (
        <p className="muted">{t('reports.chart.noData')}</p>
      ) : asTable ? (
        <ChartTable spec={spec} />
      ) : (
        <ReportChart spec={spec} />
      )}
    </section>
  );
});
