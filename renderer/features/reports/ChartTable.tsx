import { useTranslation } from 'react-i18next';
import type { ChartSpec } from './chart-spec';

/**
 * A chart's numbers as a table: the route to them by keyboard and screen reader. The
 * region takes focus so a wide table can be scrolled with the arrow keys.
 */
export function ChartTable({ spec }: { spec: ChartSpec }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage, {
    maximumFractionDigits: spec.unit === 'hours' ? 1 : 0,
  });
  return (
    <div
      className="chart-table"
      role="region"
      aria-label={t('reports.chart.tableLabel', { title: spec.title })}
      tabIndex={0}
    >
      <table className="data-table">
        <caption className="visually-hidden">{spec.title}</caption>
        <thead>
          <tr>
            <th scope="col">{spec.categoryLabel}</th>
            {spec.series.map((series) => (
              <th scope="col" key={series.key}>
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.categories.map((category, i) => (
            <tr key={category.csv}>
              <th scope="row">{category.label}</th>
              {spec.series.map((series) => {
                const value = series.values[i] ?? null;
                return (
                  <td key={series.key} data-series={series.key}>
                    {value === null ? '—' : format.format(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
