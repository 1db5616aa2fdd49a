/**
 * One chart as numbers: what it draws, what its table shows and what its CSV holds are
 * all read from this, so the three cannot disagree.
 */
export interface ChartSpec {
  /** Stable name, also the CSV file's. */
  id: string;
  title: string;
  kind: 'bar' | 'stacked' | 'horizontalStacked' | 'line';
  /** Header of the first column (the categories). */
  categoryLabel: string;
  /** `label` on screen, `csv` in the file (an ISO date rather than "3 mar"). */
  categories: Array<{ label: string; csv: string }>;
  series: ChartSeries[];
  /** How a value reads on screen (a count, hours with a decimal). */
  unit: 'count' | 'hours';
}

export interface ChartSeries {
  key: string;
  label: string;
  /** A theme variable, so both themes colour the chart. */
  colorVar: string;
  /** One per category; null where there is nothing to measure. */
  values: Array<number | null>;
}
