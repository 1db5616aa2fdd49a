import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { useMemo } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ChartSpec } from './chart-spec';
import { resolveColor, useThemeKey } from './theme-colors';
import { useDrawnInTurn } from './use-drawn-in-turn';

// Only the parts these charts use: chart.js tree-shakes the rest away.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/**
 * A chart drawn on a canvas by chart.js from its spec. A canvas is one image to a screen
 * reader, so it is labelled as such and points to the table view, where the numbers are.
 * Colours are the theme's, read again when the theme changes. Each chart draws in a task of
 * its own (useDrawnInTurn), busy until then.
 */
export function ReportChart({ spec }: { spec: ChartSpec }) {
  const { i18n } = useTranslation();
  const themeKey = useThemeKey();
  const lang = i18n.resolvedLanguage ?? 'en';
  const asked = useMemo(() => ({ spec, lang, themeKey }), [spec, lang, themeKey]);
  const drawn = useDrawnInTurn(asked);
  return (
    <div className="report-chart" aria-busy={drawn !== asked}>
      {drawn ? <ChartCanvas {...drawn} /> : null}
    </div>
  );
}

function ChartCanvas({ spec, lang, themeKey }: { spec: ChartSpec; lang: string; themeKey: string }) {
  const { t } = useTranslation();
  const label = t('reports.chart.imageLabel', { title: spec.title });
  const { data, options } = useMemo(() => {
    const text = resolveColor('--text-muted', themeKey);
    const grid = resolveColor('--border', themeKey);
    const data = {
      labels: spec.categories.map((c) => c.label),
      datasets: spec.series.map((series) => {
        const color = resolveColor(series.colorVar, themeKey);
        return {
          label: series.label,
          data: series.values,
          backgroundColor: color,
          borderColor: color,
          pointRadius: 2,
          borderWidth: spec.kind === 'line' ? 2 : 0,
        };
      }),
    };
    const stacked = spec.kind === 'stacked' || spec.kind === 'horizontalStacked';
    const options: ChartOptions<'bar' | 'line'> = {
      // Drawn at once: an animation would make "updated" a matter of seconds, and some agents ask for reduced motion.
      animation: false,
      maintainAspectRatio: false,
      locale: lang,
      indexAxis: spec.kind === 'horizontalStacked' ? 'y' : 'x',
      plugins: { legend: { labels: { color: text } } },
      scales: {
        x: { stacked, ticks: { color: text }, grid: { color: grid } },
        y: { stacked, ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
      },
    };
    return { data, options };
  }, [spec, lang, themeKey]);

  return spec.kind === 'line' ? (
    <Line
      data={data as ChartData<'line'>}
      options={options as ChartOptions<'line'>}
      role="img"
      aria-label={label}
    />
  ) : (
    <Bar
      data={data as ChartData<'bar'>}
      options={options as ChartOptions<'bar'>}
      role="img"
      aria-label={label}
    />
  );
}
